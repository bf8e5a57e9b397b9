import { describe, expect, it } from 'vitest';
import { fitGammaGamma, gammaGammaExpectedSpend, gammaGammaLogLikelihood, gammaGammaPopulationMeanSpend, type GammaGammaParams } from './gamma-gamma';
import { summarizeTransactions } from './summary';
import { CDNOW_CALIBRATION_END, cdnowPublishedSummary, cdnowSampleTransactions } from './test-fixtures';

/** Gamma-Gamma on the 946 CDNOW repeat buyers (Fader, Hardie & Lee 2005 "RFM and CLV"; lifetimes' reference fit). */
const PUBLISHED: GammaGammaParams = { p: 6.2488, q: 3.7446, gamma: 15.4477 };

function expectWithinOnePercent(fitted: GammaGammaParams) {
	for (const key of ['p', 'q', 'gamma'] as const) expect(Math.abs(fitted[key] / PUBLISHED[key] - 1), key).toBeLessThan(0.01);
}

describe('Gamma-Gamma spend model on CDNOW', () => {
	it('fits the published p, q, γ on the repeat buyers of our own summary', () => {
		const summary = summarizeTransactions(cdnowSampleTransactions(), { calibrationEnd: CDNOW_CALIBRATION_END, timeUnit: 'week' });
		const fit = fitGammaGamma(summary);
		expect(fit.customers).toBe(946);
		expect(fit.converged).toBe(true);
		expectWithinOnePercent(fit.params);
	});

	it('fits the published p, q, γ on the published z̄ (cdnow_customers_summary_with_transactions.csv)', () => {
		const fit = fitGammaGamma(cdnowPublishedSummary().map((c) => ({ x: c.x, monetaryValue: c.zbar })));
		expectWithinOnePercent(fit.params);
		expect(fit).toEqual(fitGammaGamma(cdnowPublishedSummary().map((c) => ({ x: c.x, monetaryValue: c.zbar }))));
	});

	it('shrinks a customer’s mean spend towards the population mean, less so the more repeats they have', () => {
		// Customer 1 of CDNOW: x = 2, z̄ = 22.35 → 24.66 with the published parameters.
		expect(gammaGammaExpectedSpend(PUBLISHED, { x: 2, monetaryValue: 22.35 })).toBeCloseTo(24.6586, 3);
		const population = gammaGammaPopulationMeanSpend(PUBLISHED);
		expect(population).toBeCloseTo((6.2488 * 15.4477) / 2.7446, 10);
		expect(gammaGammaExpectedSpend(PUBLISHED, { x: 0, monetaryValue: 0 })).toBe(population);
		const few = gammaGammaExpectedSpend(PUBLISHED, { x: 1, monetaryValue: 100 });
		const many = gammaGammaExpectedSpend(PUBLISHED, { x: 20, monetaryValue: 100 });
		expect(few).toBeLessThan(many);
		expect(many).toBeLessThan(100);
	});

	it('ignores customers without repeats in the likelihood', () => {
		const repeaters = [
			{ x: 2, monetaryValue: 20 },
			{ x: 5, monetaryValue: 35 }
		];
		expect(gammaGammaLogLikelihood(PUBLISHED, [...repeaters, { x: 0, monetaryValue: 0 }])).toBe(gammaGammaLogLikelihood(PUBLISHED, repeaters));
		expect(() => fitGammaGamma([{ x: 0, monetaryValue: 0 }])).toThrow(RangeError);
	});
});
