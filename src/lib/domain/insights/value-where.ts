/*
 * "Where is our value?": the trusted CLV of a set of customers split by customer group / persona
 * and by value action (keep / develop / loss-making). Pure: the server hands in the values.
 */

/**
 * Below this many customers a group or persona shows no figures: a mean of a handful of
 * customers reads as a fact about a segment it cannot carry. Each workspace sets its own
 * (its owners, on the settings page); this is where it starts, within these bounds.
 */
export const MINIMUM_SEGMENT_CUSTOMERS = 10;
export const MINIMUM_SEGMENT_CUSTOMERS_BOUNDS = { min: 1, max: 1000 } as const;

export type SegmentValue =
	| { suppressed: true; customers: null; total: null; mean: null; share: null }
	| { suppressed: false; customers: number; total: number; mean: number; share: number | null };

/**
 * The value of the customers in `members` (external ids) among those `values` knows. Suppressed
 * below `minimum`; the share is of `grandTotal`, null when that is not positive (no share of a loss).
 */
export function segmentValue(members: Iterable<string>, values: ReadonlyMap<string, number>, grandTotal: number, minimum = MINIMUM_SEGMENT_CUSTOMERS): SegmentValue {
	let customers = 0;
	let total = 0;
	for (const id of members) {
		const value = values.get(id);
		if (value === undefined || !Number.isFinite(value)) continue;
		customers++;
		total += value;
	}
	if (customers < minimum) return { suppressed: true, customers: null, total: null, mean: null, share: null };
	return { suppressed: false, customers, total, mean: total / customers, share: grandTotal > 0 ? total / grandTotal : null };
}

export type ValueActionName = 'keep' | 'develop' | 'loss-making';

export interface ActionTally {
	customers: number;
	/** Sum of current value (CLV). */
	value: number;
	/** Sum of potential value; for loss-making customers their (non-positive) value itself. */
	potential: number;
}

export interface ActionSplit {
	keep: ActionTally;
	develop: ActionTally;
	'loss-making': ActionTally;
	/** Customers without a basis for a potential (no category spend): no action. */
	unknown: { customers: number; value: number };
	/** What loss-making customers cost: minus the sum of their (negative) value; 0 when none. */
	lossCost: number;
	/** Customers with a potential value from their share of wallet. */
	withShareOfWallet: number;
}

export interface ActionCustomer {
	currentValue: number;
	potentialValue: number | null;
	action: ValueActionName | null;
	/** Whether the potential rests on share of wallet (not on a non-positive value). */
	fromShareOfWallet: boolean;
}

export function actionSplit(customers: Iterable<ActionCustomer>): ActionSplit {
	const tally = (): ActionTally => ({ customers: 0, value: 0, potential: 0 });
	const split: ActionSplit = { keep: tally(), develop: tally(), 'loss-making': tally(), unknown: { customers: 0, value: 0 }, lossCost: 0, withShareOfWallet: 0 };
	for (const c of customers) {
		if (c.fromShareOfWallet) split.withShareOfWallet++;
		if (c.action === null || c.potentialValue === null) {
			split.unknown.customers++;
			split.unknown.value += c.currentValue;
			continue;
		}
		const t = split[c.action];
		t.customers++;
		t.value += c.currentValue;
		t.potential += c.potentialValue;
	}
	split.lossCost = split['loss-making'].value < 0 ? -split['loss-making'].value : 0;
	return split;
}
