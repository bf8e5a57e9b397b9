import { describe, expect, it } from 'vitest';
import { cohortMatrix, overlapsPeriod, pooledSurvival, seriesPeriodOf } from './loyalty';

describe('seriesPeriodOf', () => {
	it('uses months for a quarter or a year, quarters for several years', () => {
		expect(seriesPeriodOf({ from: '2025-01-01', to: '2025-03-31' })).toBe('month');
		expect(seriesPeriodOf({ from: '2025-01-01', to: '2025-12-31' })).toBe('month');
		expect(seriesPeriodOf({ from: '2022-01-01', to: '2025-12-31' })).toBe('quarter');
	});
});

describe('overlapsPeriod', () => {
	const period = { from: '2025-02-15', to: '2025-04-10' };
	it('keeps the months with a day in the period, the first and last partly', () => {
		expect(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05'].filter((l) => overlapsPeriod(l, 'month', period))).toEqual(['2025-02', '2025-03', '2025-04']);
	});
	it('keeps the quarters with a day in the period', () => {
		expect(['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3'].filter((l) => overlapsPeriod(l, 'quarter', period))).toEqual(['2025-Q1', '2025-Q2']);
	});
	it('keeps no label of another kind', () => {
		expect(overlapsPeriod('2025-Q1', 'month', period)).toBe(false);
		expect(overlapsPeriod('', 'quarter', period)).toBe(false);
	});
});

describe('cohortMatrix', () => {
	it('gives each cohort its share per period since acquisition, null beyond what was observed', () => {
		const matrix = cohortMatrix(
			[
				{ cohort: '2025-01', size: 10, active: [10, 4, 2] },
				{ cohort: '2025-02', size: 4, active: [4, 1] },
				{ cohort: '2025-03', size: 0, active: [0] }
			],
			{ minimum: 5, maxColumns: 12 }
		);
		expect(matrix.columns).toBe(3);
		expect(matrix.rows).toEqual([
			{ cohort: '2025-01', size: 10, lowN: false, retention: [1, 0.4, 0.2] },
			{ cohort: '2025-02', size: 4, lowN: true, retention: [1, 0.25, null] },
			{ cohort: '2025-03', size: 0, lowN: true, retention: [null, null, null] }
		]);
	});
	it('cuts the columns at the maximum', () => {
		const matrix = cohortMatrix([{ cohort: '2020-01', size: 2, active: [2, 2, 1, 1, 1] }], { minimum: 1, maxColumns: 3 });
		expect(matrix.columns).toBe(3);
		expect(matrix.rows[0]!.retention).toEqual([1, 1, 0.5]);
	});
});

describe('pooledSurvival', () => {
	it('pools the cohorts observed at least t periods', () => {
		const points = pooledSurvival(
			[
				{ initial: 10, alive: [6, 3] },
				{ initial: 10, alive: [8] }
			],
			5
		);
		expect(points).toEqual([
			{ t: 0, survival: 1, n: 20 },
			{ t: 1, survival: 14 / 20, n: 20 },
			{ t: 2, survival: 3 / 10, n: 10 }
		]);
	});
	it('has no points without customers', () => {
		expect(pooledSurvival([], 3)).toEqual([]);
	});
});
