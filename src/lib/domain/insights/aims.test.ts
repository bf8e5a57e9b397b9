import { describe, expect, it } from 'vitest';
import { aimFigure, newCustomersIn, wholeCalendarPeriods } from './aims';

describe('wholeCalendarPeriods', () => {
	it('counts only the months wholly inside the period', () => {
		expect(wholeCalendarPeriods({ from: '2025-12-11', to: '2026-03-10' }, 'month')).toEqual(['2026-01', '2026-02']);
		expect(wholeCalendarPeriods({ from: '2026-01-01', to: '2026-03-31' }, 'month')).toEqual(['2026-01', '2026-02', '2026-03']);
		expect(wholeCalendarPeriods({ from: '2024-02-01', to: '2024-02-29' }, 'month')).toEqual(['2024-02']);
		expect(wholeCalendarPeriods({ from: '2026-01-02', to: '2026-01-31' }, 'month')).toEqual([]);
	});

	it('counts whole quarters for long periods', () => {
		expect(wholeCalendarPeriods({ from: '2024-02-01', to: '2025-12-31' }, 'quarter')).toEqual(['2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
		expect(wholeCalendarPeriods({ from: '2024-01-01', to: '2024-06-29' }, 'quarter')).toEqual(['2024-Q1']);
	});
});

describe('newCustomersIn', () => {
	const cohorts = [
		{ cohort: '2025-11', size: 4 },
		{ cohort: '2026-01', size: 6 },
		{ cohort: '2026-03', size: 3 }
	];

	it('averages the new customers of the whole months, a month without any counting zero', () => {
		expect(newCustomersIn(cohorts, { from: '2026-01-01', to: '2026-03-31' }, 'month')).toEqual({ periods: ['2026-01', '2026-02', '2026-03'], customers: 9, perPeriod: 3 });
	});

	it('leaves out the months before the data starts, and has no figure without one observed', () => {
		expect(newCustomersIn(cohorts, { from: '2025-10-01', to: '2025-11-30' }, 'month')).toEqual({ periods: ['2025-11'], customers: 4, perPeriod: 4 });
		expect(newCustomersIn(cohorts, { from: '2025-08-01', to: '2025-09-30' }, 'month').perPeriod).toBeNull();
		expect(newCustomersIn([], { from: '2026-01-01', to: '2026-03-31' }, 'month').perPeriod).toBeNull();
	});
});

describe('aimFigure', () => {
	it('gives the change against the period before, none without both, and marks a thin figure', () => {
		expect(aimFigure(5, 3, 40, 30)).toEqual({ current: 5, previous: 3, change: 2, n: 40, lowN: false });
		expect(aimFigure(5, null, 4, 30)).toEqual({ current: 5, previous: null, change: null, n: 4, lowN: true });
		expect(aimFigure(Number.NaN, 3, 0, 30)).toMatchObject({ current: null, change: null });
	});
});
