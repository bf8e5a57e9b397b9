import { describe, expect, it } from 'vitest';
import { bgnbdProbabilityAlive, fitBgnbd } from './bgnbd';
import { discountedClv } from './clv';
import { fitGammaGamma, gammaGammaExpectedSpend } from './gamma-gamma';
import { scoreCustomers } from './score';
import { summarizeTransactions } from './summary';
import { CDNOW_CALIBRATION_END, cdnowSampleTransactions } from './test-fixtures';

describe('scoreCustomers', () => {
	const summary = summarizeTransactions(cdnowSampleTransactions(), { calibrationEnd: CDNOW_CALIBRATION_END, timeUnit: 'week' });
	const bgnbd = fitBgnbd(summary).params;
	const gammaGamma = fitGammaGamma(summary).params;
	const clvOptions = { margin: 0.3, discountRate: 0.0025, periods: 52, acquisitionCost: 5 };
	const scores = scoreCustomers(summary, { bgnbd, gammaGamma, ...clvOptions });

	it('gives every customer the same numbers as the one-customer functions', () => {
		expect(scores).toHaveLength(summary.length);
		for (const i of [0, 1, 2, 17, 500, 2356]) {
			const c = summary[i]!;
			const spend = gammaGammaExpectedSpend(gammaGamma, c);
			const single = discountedClv(bgnbd, c, spend, clvOptions);
			expect(scores[i]!.customerId).toBe(c.customerId);
			expect(scores[i]!.pAlive).toBe(bgnbdProbabilityAlive(bgnbd, c));
			expect(scores[i]!.expectedSpend).toBe(spend);
			expect(scores[i]!.expectedTransactions).toBeCloseTo(single.expectedTransactions, 12);
			expect(scores[i]!.clv).toBeCloseTo(single.value, 10);
		}
	});

	it('is deterministic', () => {
		expect(scoreCustomers(summary, { bgnbd, gammaGamma, ...clvOptions })).toEqual(scores);
	});
});
