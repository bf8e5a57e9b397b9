/**
 * Current versus potential value (huidige / potentiële klantwaarde) and share of wallet
 * (klantaandeel), and the value matrix that turns the two values into an action:
 * - current value: the value if today's behaviour simply continues (e.g. the discounted CLV);
 * - potential value: the value if behaviour developed optimally — at full share of wallet, which
 *   needs the customer's category spend (what they spend in the category at all suppliers);
 * - keep (most of the potential is realised), develop (much potential is not), loss-making (even
 *   the potential is not positive).
 * Without category spend there is no basis for a customer's potential: the customer's action is
 * unknown rather than guessed from how other customers do (comparing a customer with the group's
 * best quarter calls most customers "to develop" by construction, whatever they could spend).
 */
import { runToEnd, type Stepwise } from '$lib/domain/stepwise';
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

/** What a potential value rests on: the customer's share of wallet, or — for a customer who brings nothing or a loss — today's value itself. */
export type PotentialBasis = 'share-of-wallet' | 'not-positive';
export type ValueAction = 'keep' | 'develop' | 'loss-making';

export interface CustomerValue {
	customerId: string;
	currentValue: number;
	/** Null when there is no basis for it (category spend unknown). */
	potentialValue: number | null;
	potentialBasis: PotentialBasis | null;
	shareOfWallet: number | null;
	/** Null when the potential is unknown. */
	action: ValueAction | null;
}

export interface ValueMatrixOptions {
	/** Below this share of the potential realised, a customer is one to develop (default 0.5). */
	developBelow?: number;
}

export interface ValueMatrix {
	customers: CustomerValue[];
	/** Customers per action; `unknown`: a positive current value without category spend. */
	counts: Record<ValueAction | 'unknown', number>;
	/** Customers with known category spend. */
	withShareOfWallet: number;
	/** Median share of wallet of those customers; null without any. */
	medianShareOfWallet: number | null;
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
 * scales with 1 / share (the customer buys everything in the category from us). A customer who
 * brings nothing or a loss today keeps that as potential: there is no behaviour to scale up, and
 * assuming otherwise would hide exactly the customers this matrix is meant to find.
 */
export function valueMatrix(customers: readonly ValueInput[], options: ValueMatrixOptions = {}): ValueMatrix {
	return runToEnd(valueMatrixInSteps(customers, options));
}

/** Customers per step of valueMatrixInSteps. */
export const VALUE_MATRIX_STEP_CUSTOMERS = 20_000;

/** valueMatrix, yielding after every `stepCustomers` customers (the server thread serves others between). */
export function* valueMatrixInSteps(
	customers: readonly ValueInput[],
	options: ValueMatrixOptions = {},
	stepCustomers = VALUE_MATRIX_STEP_CUSTOMERS
): Stepwise<ValueMatrix> {
	const counts: ValueMatrix['counts'] = { keep: 0, develop: 0, 'loss-making': 0, unknown: 0 };
	const shares: number[] = [];
	const result = new Array<CustomerValue>(customers.length);
	for (let i = 0; i < customers.length; i++) {
		const c = customers[i]!;
		const share = c.ownSpend === undefined ? null : shareOfWallet(c.ownSpend, c.categorySpend);
		if (share !== null) shares.push(share);
		let potentialValue: number | null = null;
		let potentialBasis: PotentialBasis | null = null;
		if (!(c.currentValue > 0)) {
			potentialValue = c.currentValue;
			potentialBasis = 'not-positive';
		} else if (share !== null) {
			potentialValue = share > 0 ? c.currentValue / share : c.currentValue;
			potentialBasis = 'share-of-wallet';
		}
		const action = potentialValue === null ? null : valueAction(c.currentValue, potentialValue, options);
		counts[action ?? 'unknown']++;
		result[i] = { customerId: c.customerId, currentValue: c.currentValue, potentialValue, potentialBasis, shareOfWallet: share, action };
		if ((i + 1) % stepCustomers === 0) yield;
	}
	const sorted = Float64Array.from(shares).sort();
	return { customers: result, counts, withShareOfWallet: shares.length, medianShareOfWallet: shares.length ? quantileSorted(sorted, 0.5) : null };
}
