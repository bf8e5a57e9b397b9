/**
 * Scores a whole customer base with fitted BG/NBD and Gamma-Gamma models: P(alive), expected
 * transactions over the horizon, expected spend per transaction and discounted CLV per customer.
 */
import { runToEnd, type Stepwise } from '$lib/domain/stepwise';
import { bgnbdExpectationIfAlive, bgnbdProbabilityAlive, type BgnbdParams } from './bgnbd';
import { checkDiscounting, type DiscountedClvOptions } from './clv';
import { gammaGammaExpectedSpend, type GammaGammaParams } from './gamma-gamma';
import type { CustomerSummary } from './summary';

export interface CustomerScore {
	customerId: string;
	pAlive: number;
	/** Expected transactions over the horizon (periods × periodLength time units). */
	expectedTransactions: number;
	/** Expected spend per transaction (Gamma-Gamma; the population mean for customers without repeats). */
	expectedSpend: number;
	/** Discounted CLV over the horizon (see discountedClv). */
	clv: number;
}

export interface ScoreOptions extends DiscountedClvOptions {
	bgnbd: BgnbdParams;
	gammaGamma: GammaGammaParams;
}

/**
 * Same numbers as discountedClv per customer, computed without per-period arrays (a million
 * customers × periods of garbage adds up). The expensive part — the expected purchases per
 * period if alive, a hypergeometric series each — depends only on (x, T), which customers share
 * a lot (all one-time buyers of a day, for a start); it is computed once per pair.
 */
export function scoreCustomers(customers: readonly CustomerSummary[], options: ScoreOptions): CustomerScore[] {
	return runToEnd(scoreCustomersInSteps(customers, options));
}

/** Customers scored between two yields of scoreCustomersInSteps. */
export const SCORE_STEP_CUSTOMERS = 20_000;

/** scoreCustomers, yielding every `stepCustomers` customers. */
export function* scoreCustomersInSteps(customers: readonly CustomerSummary[], options: ScoreOptions, stepCustomers = SCORE_STEP_CUSTOMERS): Stepwise<CustomerScore[]> {
	checkDiscounting(options);
	const { bgnbd, gammaGamma, margin, discountRate, periods } = options;
	const periodLength = options.periodLength ?? 1;
	const acquisitionCost = options.acquisitionCost ?? 0;
	const discount = new Float64Array(periods + 1);
	discount[0] = 1;
	for (let k = 1; k <= periods; k++) discount[k] = discount[k - 1]! / (1 + discountRate);
	/** Per x, per T: [expected purchases over the horizon, discounted expected purchases], both if alive. */
	const ifAliveByX = new Map<number, Map<number, [total: number, discounted: number]>>();

	const scores: CustomerScore[] = [];
	for (let i = 0; i < customers.length; i++) {
		if (i > 0 && i % stepCustomers === 0) yield;
		const c = customers[i]!;
		let byT = ifAliveByX.get(c.x);
		if (!byT) ifAliveByX.set(c.x, (byT = new Map()));
		let ifAlive = byT.get(c.T);
		if (!ifAlive) {
			const expected = bgnbdExpectationIfAlive(bgnbd, c.x, c.T);
			let previous = 0;
			let discounted = 0;
			for (let k = 1; k <= periods; k++) {
				const cumulative = expected(k * periodLength);
				discounted += (cumulative - previous) * discount[k]!;
				previous = cumulative;
			}
			byT.set(c.T, (ifAlive = [previous, discounted]));
		}
		const pAlive = bgnbdProbabilityAlive(bgnbd, c);
		const expectedSpend = gammaGammaExpectedSpend(gammaGamma, c);
		scores.push({
			customerId: c.customerId,
			pAlive,
			expectedTransactions: pAlive * ifAlive[0],
			expectedSpend,
			clv: pAlive * ifAlive[1] * expectedSpend * margin - acquisitionCost
		});
	}
	return scores;
}
