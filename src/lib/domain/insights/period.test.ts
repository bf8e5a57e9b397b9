import { describe, expect, it } from 'vitest';
import { changeOf, defaultPeriod, periodBounds, periodDays, previousPeriod, resolvePeriod } from './period';

describe('insights periods', () => {
	it('defaults to the 90 days that end on the day of the latest data', () => {
		const period = defaultPeriod(Date.parse('2024-03-31T15:00:00Z'));
		expect(period).toEqual({ from: '2024-01-02', to: '2024-03-31' });
		expect(periodDays(period)).toBe(90);
	});

	it('compares with the period of the same length straight before, across a month end and a leap day', () => {
		expect(previousPeriod({ from: '2024-03-01', to: '2024-03-31' })).toEqual({ from: '2024-01-30', to: '2024-02-29' });
		expect(previousPeriod({ from: '2024-01-01', to: '2024-01-01' })).toEqual({ from: '2023-12-31', to: '2023-12-31' });
		expect(periodDays(previousPeriod({ from: '2024-01-02', to: '2024-03-31' }))).toBe(90);
	});

	it('bounds a period from its first millisecond to the last of its last day', () => {
		expect(periodBounds({ from: '2024-01-01', to: '2024-01-02' })).toEqual({ from: Date.parse('2024-01-01T00:00:00Z'), to: Date.parse('2024-01-02T23:59:59.999Z') });
	});

	it('gives no change when either period has no figure', () => {
		expect(changeOf(42, 40)).toBe(2);
		expect(changeOf(42, null)).toBeNull();
		expect(changeOf(null, 40)).toBeNull();
		expect(changeOf(Number.NaN, 40)).toBeNull();
	});

	it('resolves the period asked for, either end alone giving 90 days, neither the last 90 days of the data', () => {
		const last = Date.parse('2024-03-31T10:00:00Z');
		expect(resolvePeriod({ from: '2024-01-01', to: '2024-01-31' }, last)).toEqual({ from: '2024-01-01', to: '2024-01-31' });
		expect(resolvePeriod({ from: null, to: null }, last)).toEqual({ from: '2024-01-02', to: '2024-03-31' });
		expect(resolvePeriod({ from: null, to: '2024-03-31' }, null)).toEqual({ from: '2024-01-02', to: '2024-03-31' });
		expect(resolvePeriod({ from: '2024-01-02', to: null }, null)).toEqual({ from: '2024-01-02', to: '2024-03-31' });
	});
});
