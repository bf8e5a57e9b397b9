/**
 * Current versus potential value (huidige / potentiële klantwaarde) and share of wallet
 * (klantaandeel), and the value matrix that turns the two values into an action:
 * - current value: the value if today's behaviour simply continues (e.g. the discounted CLV);
 * - potential value: the value if behaviour developed optimally — at full share of wallet where
 *   the customer's category spend is known, otherwise at the customer group's top-quartile value;
 * - keep (most of the potential is realised), develop (much potential is not), loss-making (even
 *   the potential is not positive).
 */
import { quantileSorted } from './quantile';

/** Firm's spend share of the customer's category spend, in [0, 1]; null when category spend is unknown or zero. */
export function shareOfWallet(ownSpend: number, categorySpend: number | null | undefined): number | null {
	if (categorySpend === null || categorySpend === undefined || !(categorySpend > 0)) return null;
	// Stated category spend is a survey answer; when it is below what we saw the customer spend
	// with us, we hold the whole wallet.
	return Math.min(1, Math.max(0, ownSpend / categorySpend));
}

export interface ValueInput {
	customerId: string;
	currentValue: number;
	/** What the customer spent with us over the period the category spend covers. */
	ownSpend?: number;
	/** What the customer spends in the category across all suppliers over that period. */
	categorySpend?: number | null;
}

export type PotentialBasis = 'share-of-wallet' | 'top-quartile';
export type ValueAction = 'keep' | 'develop' | 'loss-making';

export interface CustomerValue {
	customerId: string;
	currentValue: number;
	potentialValue: number;
	potentialBasis: PotentialBasis;
	shareOfWallet: number | null;
	action: ValueAction;
}

export interface ValueMatrixOptions {
	/** Below this share of the potential realised, a customer is one to develop (default 0.5). */
	developBelow?: number;
}

export interface ValueMatrix {
	customers: CustomerValue[];
	counts: Record<ValueAction, number>;
	/** The group's 75th percentile of current value, the potential of customers without known category spend. */
	topQuartileValue: number;
}

/**
 * keep / develop / loss-making from current and potential value. A customer whose potential is
 * not positive costs money whatever we do; otherwise the realised share current / potential
 * decides.
 */
export function valueAction(currentValue: number, potentialValue: number, options: ValueMatrixOptions = {}): ValueAction {
	const developBelow = options.developBelow ?? 0.5;
	if (!(potentialValue > 0)) return 'loss-making';
	return currentValue / potentialValue < developBelow ? 'develop' : 'keep';
}

/**
 * Potential value and action for every customer of one group. At full share of wallet the value
 * scales with 1 / share (the customer buys everything in the category from us). Customers without
 * known category spend get the group's top-quartile value (or their own, when higher). Either way
 * a customer who brings nothing or a loss today keeps that as potential: there is no behaviour to
 * scale up, and assuming a loss-maker turns top-quartile would hide exactly the customers this
 * matrix is meant to find.
 */
export function valueMatrix(customers: readonly ValueInput[], options: ValueMatrixOptions = {}): ValueMatrix {
	const sorted = Float64Array.from(customers, (c) => c.currentValue).sort();
	const topQuartileValue = quantileSorted(sorted, 0.75);
	const counts: Record<ValueAction, number> = { keep: 0, develop: 0, 'loss-making': 0 };
	const result = customers.map((c): CustomerValue => {
		const share = c.ownSpend === undefined ? null : shareOfWallet(c.ownSpend, c.categorySpend);
		let potentialValue: number;
		let potentialBasis: PotentialBasis;
		if (share !== null) {
			potentialBasis = 'share-of-wallet';
			potentialValue = c.currentValue > 0 && share > 0 ? c.currentValue / share : c.currentValue;
		} else {
			potentialBasis = 'top-quartile';
			potentialValue = c.currentValue > 0 ? Math.max(c.currentValue, topQuartileValue) : c.currentValue;
		}
		const action = valueAction(c.currentValue, potentialValue, options);
		counts[action]++;
		return { customerId: c.customerId, currentValue: c.currentValue, potentialValue, potentialBasis, shareOfWallet: share, action };
	});
	return { customers: result, counts, topQuartileValue };
}
