import { describe, expect, it } from 'vitest';
import { concentrationInSteps, concentration, gini, topShare } from './concentration';
import { runToEnd } from '$lib/domain/stepwise';

// Ten customers' revenue, total 200: the top two hold 150.
const REVENUE = [100, 50, 20, 10, 10, 5, 3, 1, 1, 0];

describe('concentration', () => {
	it('gives the 20/80 figure: share of the total held by the top 20% of customers', () => {
		expect(topShare(REVENUE)).toBeCloseTo(0.75, 14);
		expect(topShare([...REVENUE].reverse())).toBeCloseTo(0.75, 14);
		expect(topShare(REVENUE, 0.1)).toBeCloseTo(0.5, 14);
		// With equal values, 20% of customers hold 20%, even when 20% is not a whole customer.
		expect(topShare([3, 3, 3, 3, 3, 3, 3])).toBeCloseTo(0.2, 14);
	});

	it('computes Gini as the mean absolute difference over twice the mean', () => {
		expect(gini(REVENUE)).toBeCloseTo(0.682, 12);
		expect(gini([5, 5, 5, 5])).toBeCloseTo(0, 14);
		expect(gini([0, 0, 0, 1])).toBeCloseTo(0.75, 14);
	});

	it('returns the exact Lorenz curve for few customers and its mirror, the Pareto curve', () => {
		const result = concentration(REVENUE);
		expect(result.n).toBe(10);
		expect(result.total).toBe(200);
		expect(result.lorenz).toHaveLength(11);
		expect(result.lorenz[0]).toEqual({ customers: 0, value: 0 });
		expect(result.lorenz[8]!.value).toBeCloseTo(0.25, 14);
		expect(result.lorenz[10]!.value).toBeCloseTo(1, 14);
		expect(result.pareto[2]!.customers).toBeCloseTo(0.2, 14);
		expect(result.pareto[2]!.value).toBeCloseTo(0.75, 14);
	});

	it('downsamples the curves to a bounded number of points for big customer bases', () => {
		const values = Array.from({ length: 100_000 }, (_, i) => (i % 97) + (i % 13) * 10);
		const result = concentration(values, { maxPoints: 51 });
		expect(result.lorenz).toHaveLength(51);
		expect(result.pareto).toHaveLength(51);
		for (let k = 1; k < 51; k++) expect(result.lorenz[k]!.value).toBeGreaterThanOrEqual(result.lorenz[k - 1]!.value);
		expect(result.topShare).toBeCloseTo(topShare(values), 14);
	});

	it('gives NaN rather than a misleading share when the total is not positive', () => {
		expect(topShare([0, 0])).toBeNaN();
		expect(concentration([]).lorenz).toEqual([]);
	});
});

describe('concentrationInSteps', () => {
	it('gives the figures of concentration in one go, whatever the step size', () => {
		const values = Array.from({ length: 1001 }, (_, i) => ((i * 7919) % 1000) / 10 - 5);
		const whole = concentration(values);
		// Against the definitions, not only against itself: the total and Gini's mean-difference form.
		expect(whole.total).toBeCloseTo(values.reduce((sum, v) => sum + v, 0), 9);
		const meanDifference = values.reduce((sum, a) => sum + values.reduce((inner, b) => inner + Math.abs(a - b), 0), 0) / (values.length * values.length);
		expect(whole.gini).toBeCloseTo(meanDifference / (2 * (whole.total / values.length)), 9);
		for (const step of [1, 10, 333, 1001, 5000]) expect(runToEnd(concentrationInSteps(values, {}, step))).toEqual(whole);
	});
});
