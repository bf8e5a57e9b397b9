import { describe, expect, it } from 'vitest';
import {
	cohortSurvivalFromChurn,
	fitSbg,
	sbgChurnProbabilities,
	sbgDiscountedExpectedLifetime,
	sbgDiscountedExpectedResidualLifetime,
	sbgExpectedLifetime,
	sbgRetentionCurve,
	sbgSurvivalCurve,
	type SbgParams
} from './sbg';
import { sbgPaperCustomers } from './test-fixtures';

/** Fader & Hardie (2007), "How to project customer retention": 1,000 customers per cohort, alive after years 1…7. */
const REGULAR = { initial: 1000, alive: [631, 468, 382, 326, 289, 262, 241] };
const HIGH_END = { initial: 1000, alive: [869, 743, 653, 593, 551, 517, 491] };
const PUBLISHED_REGULAR: SbgParams = { alpha: 0.704, beta: 1.182 };
const PUBLISHED_HIGH_END: SbgParams = { alpha: 0.668, beta: 3.806 };

function expectWithinOnePercent(fitted: SbgParams, published: SbgParams) {
	expect(Math.abs(fitted.alpha / published.alpha - 1)).toBeLessThan(0.01);
	expect(Math.abs(fitted.beta / published.beta - 1)).toBeLessThan(0.01);
}

describe('shifted-beta-geometric (Fader & Hardie 2007)', () => {
	it('fits the published α and β for the regular and the high-end cohort', () => {
		const regular = fitSbg(REGULAR);
		const highEnd = fitSbg(HIGH_END);
		expect(regular.converged && highEnd.converged).toBe(true);
		expectWithinOnePercent(regular.params, PUBLISHED_REGULAR);
		expectWithinOnePercent(highEnd.params, PUBLISHED_HIGH_END);
		expect(regular.customers).toBe(1000);
	});

	it('gets the same cohorts from the customer-level file (btyd/sbg_paper.csv) and the same fit', () => {
		const customers = sbgPaperCustomers();
		const cohort = (name: string) => cohortSurvivalFromChurn(customers.filter((c) => c.cohort === name).map((c) => c.churnYear), 7);
		expect(cohort('regular')).toEqual(REGULAR);
		expect(cohort('highend')).toEqual(HIGH_END);
		expectWithinOnePercent(fitSbg(cohort('highend')).params, PUBLISHED_HIGH_END);
	});

	it('projects survival close to what the regular cohort showed (the paper’s Figure 2)', () => {
		const survival = sbgSurvivalCurve(PUBLISHED_REGULAR, 7);
		REGULAR.alive.forEach((n, t) => expect(Math.abs(survival[t + 1]! * 1000 - n)).toBeLessThan(15));
	});

	it('has survival, churn and retention curves that agree with each other, retention rising with tenure', () => {
		const survival = sbgSurvivalCurve(PUBLISHED_HIGH_END, 10);
		const churn = sbgChurnProbabilities(PUBLISHED_HIGH_END, 10);
		const retention = sbgRetentionCurve(PUBLISHED_HIGH_END, 10);
		expect(survival[0]).toBe(1);
		for (let t = 1; t <= 10; t++) {
			expect(survival[t - 1]! - survival[t]!).toBeCloseTo(churn[t - 1]!, 14);
			expect(survival[t]! / survival[t - 1]!).toBeCloseTo(retention[t - 1]!, 14);
			if (t > 1) expect(retention[t - 1]).toBeGreaterThan(retention[t - 2]!);
		}
		expect(retention[0]).toBeCloseTo(3.806 / (0.668 + 3.806), 14);
	});

	it('discounts expected lifetimes: DEL and DERL equal the discounted sums of survival they stand for', () => {
		const d = 0.1;
		const survival = sbgSurvivalCurve(PUBLISHED_REGULAR, 3000);
		// Σ_{t ≥ first} S(t)/S(given) · (1+d)^−(t − first): payments while alive, given alive through period `given`.
		const discounted = (first: number, given: number) => {
			let sum = 0;
			for (let t = first; t < survival.length; t++) sum += (survival[t]! / survival[given]!) * Math.pow(1 + d, -(t - first));
			return sum;
		};
		// A new customer pays now and at the start of every period survived.
		expect(sbgDiscountedExpectedLifetime(PUBLISHED_REGULAR, d)).toBeCloseTo(discounted(0, 0), 8);
		// After n renewals (alive n + 1 periods), the next payment needs T > n + 1.
		for (const n of [0, 1, 4]) expect(sbgDiscountedExpectedResidualLifetime(PUBLISHED_REGULAR, d, n)).toBeCloseTo(discounted(n + 1, n), 8);
		// Customers who renewed more often are worth more: the survivors are the loyal ones.
		expect(sbgDiscountedExpectedResidualLifetime(PUBLISHED_REGULAR, d, 4)).toBeGreaterThan(sbgDiscountedExpectedResidualLifetime(PUBLISHED_REGULAR, d, 0));
	});

	it('has an infinite mean lifetime when α ≤ 1, so a horizon is needed', () => {
		expect(sbgExpectedLifetime(PUBLISHED_REGULAR)).toBe(Infinity);
		expect(sbgExpectedLifetime({ alpha: 3, beta: 4 })).toBeCloseTo(6 / 2, 14);
		expect(sbgExpectedLifetime(PUBLISHED_REGULAR, 1)).toBe(1);
		expect(sbgExpectedLifetime(PUBLISHED_REGULAR, 3)).toBeCloseTo(sbgSurvivalCurve(PUBLISHED_REGULAR, 2).reduce((s, v) => s + v, 0), 14);
	});

	it('refuses cohorts that grow', () => {
		expect(() => fitSbg({ initial: 100, alive: [90, 95] })).toThrow(RangeError);
	});
});
