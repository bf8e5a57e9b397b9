/**
 * Scores a whole customer base with fitted BG/NBD and Gamma-Gamma models: P(alive), expected
 * transactions over the horizon, expected spend per transaction and discounted CLV per customer.
 */
import { bgnbdConditionalExpectation, bgnbdProbabilityAlive, type BgnbdParams } from './bgnbd';
import type { DiscountedClvOptions } from './clv';
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
 * customers × periods of garbage adds up). One-time buyers acquired on the same day share a
 * profile, so their score is computed once.
 */
export function scoreCustomers(customers: readonly CustomerSummary[], options: ScoreOptions): CustomerScore[] {
	const { bgnbd, gammaGamma, margin, discountRate, periods } = options;
	const periodLength = options.periodLength ?? 1;
	const acquisitionCost = options.acquisitionCost ?? 0;
	const discount = new Float64Array(periods + 1);
	discount[0] = 1;
	for (let k = 1; k <= periods; k++) discount[k] = discount[k - 1]! / (1 + discountRate);
	const oneTimeBuyers = new Map<number, { pAlive: number; expectedTransactions: number; discounted: number }>();

	return customers.map((c) => {
		let cached = c.x === 0 ? oneTimeBuyers.get(c.T) : undefined;
		if (!cached) {
			const expected = bgnbdConditionalExpectation(bgnbd, c);
			let previous = 0;
			let discounted = 0;
			for (let k = 1; k <= periods; k++) {
				const cumulative = expected(k * periodLength);
				discounted += (cumulative - previous) * discount[k]!;
				previous = cumulative;
			}
			cached = { pAlive: bgnbdProbabilityAlive(bgnbd, c), expectedTransactions: previous, discounted };
			if (c.x === 0) oneTimeBuyers.set(c.T, cached);
		}
		const expectedSpend = gammaGammaExpectedSpend(gammaGamma, c);
		return {
			customerId: c.customerId,
			pAlive: cached.pAlive,
			expectedTransactions: cached.expectedTransactions,
			expectedSpend,
			clv: cached.discounted * expectedSpend * margin - acquisitionCost
		};
	});
}
