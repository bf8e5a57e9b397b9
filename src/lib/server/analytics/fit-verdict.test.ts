import { describe, expect, it } from 'vitest';
import { createRng } from '../demo-data/random';
import { fitVerdict, MIN_REPEAT_BUYERS, predictionsVerdict } from './fit-verdict';
import { judgedBgnbd, judgedGammaGamma, judgedSbg } from './judged-fits';
import { cohortSurvivalFromChurn } from './sbg';
import { summarizeTransactions, type Transaction } from './summary';
import { CDNOW_CALIBRATION_END, cdnowSampleTransactions } from './test-fixtures';

const DAY = 86_400_000;

/** What a new user imports to try Waymark: 30 customers, 120 purchases spread evenly over a year. */
function tinyShop(seed: number): Transaction[] {
	const rng = createRng(seed);
	const start = Date.UTC(2025, 0, 1);
	return Array.from({ length: 120 }, (_, i) => ({
		customerId: `c${i < 30 ? i : Math.floor(rng() * 30)}`,
		occurredAt: start + Math.floor(rng() * 365) * DAY,
		amount: 20 + Math.round(rng() * 100)
	}));
}
const tinySummary = (seed: number) => summarizeTransactions(tinyShop(seed), { calibrationEnd: Date.UTC(2026, 0, 1), timeUnit: 'week' });

describe('fit verdicts: a fit that cannot be trusted is refused with its reasons', () => {
	it('refuses 30 customers with 120 purchases before fitting: too few repeat buyers, and says how many are needed', () => {
		const summary = tinySummary(1);
		const frequency = judgedBgnbd(summary);
		expect(frequency.fit).toBeNull();
		expect(frequency.verdict).toEqual({
			status: 'unusable',
			reasons: [{ code: 'too-few-repeat-buyers', repeatBuyers: summary.filter((c) => c.x > 0).length, minimum: MIN_REPEAT_BUYERS }]
		});
		expect(judgedGammaGamma(summary).verdict.reasons[0]!.code).toBe('too-few-repeat-buyers');
	});

	it('refuses what the optimiser makes of such a set when made to fit it: parameters run off to a boundary', () => {
		// The symptom (r ≈ 2.6e8, α ≈ 7e9; sometimes even "converged"): every customer worth the same.
		for (const seed of [1, 3, 4]) {
			const { fit, verdict } = judgedBgnbd(tinySummary(seed), 1);
			expect(fit).not.toBeNull();
			expect(verdict.status, `seed ${seed}: ${JSON.stringify(fit!.params)}`).toBe('unusable');
			expect(verdict.reasons.some((r) => r.code === 'parameter-at-bound')).toBe(true);
		}
	}, 60_000);

	it('keeps CDNOW usable, with the published parameters (Fader, Hardie & Lee 2005)', () => {
		const summary = summarizeTransactions(cdnowSampleTransactions(), { calibrationEnd: CDNOW_CALIBRATION_END, timeUnit: 'week' });
		const frequency = judgedBgnbd(summary);
		expect(frequency.verdict).toEqual({ status: 'usable', reasons: [] });
		expect(frequency.fit!.params.r).toBeCloseTo(0.2426, 3);
		expect(frequency.fit!.params.alpha).toBeCloseTo(4.4135, 1);
		const spend = judgedGammaGamma(summary);
		expect(spend.verdict.status).toBe('usable');
		expect(spend.fit!.customers).toBe(946);
		expect(spend.fit!.params.p).toBeCloseTo(6.2488, 1);
	});

	it('judges sBG: the published cohorts are usable; a handful of customers or one period are not', () => {
		expect(judgedSbg([{ initial: 1000, alive: [631, 468, 382, 326, 289, 262, 241] }]).verdict.status).toBe('usable');
		const few = judgedSbg([cohortSurvivalFromChurn([null, 2, 1, 1], 2), cohortSurvivalFromChurn([null, 1], 1)]);
		expect(few.fit).toBeNull();
		expect(few.verdict.reasons.map((r) => r.code)).toEqual(['too-few-customers', 'too-few-periods']);
		// One period tells only the mean churn, not its spread: α and β are not identified.
		const onePeriod = judgedSbg([{ initial: 500, alive: [300] }]);
		expect(onePeriod.verdict.reasons).toEqual([{ code: 'too-few-periods', periods: 1, minimum: 3 }]);
	});

	it('names a fit that did not converge, and each parameter outside its bounds', () => {
		const verdict = fitVerdict({ params: { r: 2.6e8, alpha: 7e9, a: 0.8, b: 1e-5 }, converged: false, iterations: 5000 }, { alpha: 30 });
		expect(verdict.status).toBe('unusable');
		expect(verdict.reasons).toEqual([
			{ code: 'not-converged', iterations: 5000 },
			{ code: 'parameter-at-bound', parameter: 'r', value: 2.6e8, limit: 1e3 },
			{ code: 'parameter-at-bound', parameter: 'alpha', value: 7e9, limit: 3e5 },
			{ code: 'parameter-at-bound', parameter: 'b', value: 1e-5, limit: 1e-3 }
		]);
	});

	it('refuses a model that predicts the same for customers who bought differently', () => {
		expect(predictionsVerdict(Float64Array.of(1742.11, 1742.11, 1742.11), true).reasons).toEqual([{ code: 'identical-predictions', customers: 3 }]);
		expect(predictionsVerdict(Float64Array.of(1742.11, 1742.11, 1742.11), false).status).toBe('usable');
		expect(predictionsVerdict(Float64Array.of(10, 12, 900), true).status).toBe('usable');
	});
});
