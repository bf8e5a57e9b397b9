import { describe, expect, it } from 'vitest';
import { periodIndex, periodLabel, periodOf } from './calendar-period';

describe('calendar periods', () => {
	const at = (iso: string) => Date.parse(iso);

	it('labels months, quarters, ISO weeks (by their Monday) and days in UTC', () => {
		expect(periodOf(at('2025-03-31T23:59:59Z'), 'month')).toBe('2025-03');
		expect(periodOf(at('2025-04-01T00:00:00Z'), 'month')).toBe('2025-04');
		expect(periodOf(at('2025-12-31T12:00:00Z'), 'quarter')).toBe('2025-Q4');
		expect(periodOf(at('2025-03-09T12:00:00Z'), 'week')).toBe('2025-03-03'); // a Sunday belongs to the week of Monday 3 March
		expect(periodOf(at('2025-03-10T00:00:00Z'), 'week')).toBe('2025-03-10');
		expect(periodOf(at('2025-03-05T22:00:00Z'), 'day')).toBe('2025-03-05');
	});

	it('numbers consecutive periods consecutively, across year ends', () => {
		expect(periodIndex(at('2025-01-15T00:00:00Z'), 'month') - periodIndex(at('2024-12-15T00:00:00Z'), 'month')).toBe(1);
		expect(periodIndex(at('2025-01-06T00:00:00Z'), 'week') - periodIndex(at('2024-12-30T00:00:00Z'), 'week')).toBe(1);
		const index = periodIndex(at('2024-11-20T00:00:00Z'), 'quarter');
		expect(periodLabel(index, 'quarter')).toBe('2024-Q4');
	});
});
