import { describe, expect, it } from 'vitest';
import { periodActivity } from './period-activity';

const at = (iso: string) => Date.parse(iso);

describe('buying in a period', () => {
	// Customer 0: two days in the period; 1: twice on one day; 2: once in, once before; 3: only after.
	const rows: [number, string][] = [
		[1, '2024-02-10T09:00:00Z'],
		[0, '2024-02-03T10:00:00Z'],
		[2, '2024-01-20T10:00:00Z'],
		[1, '2024-02-10T18:00:00Z'],
		[0, '2024-02-01T10:00:00Z'],
		[2, '2024-02-15T10:00:00Z'],
		[3, '2024-03-02T10:00:00Z']
	];
	const columns = { customer: Int32Array.from(rows.map(([c]) => c)), occurredAt: Float64Array.from(rows.map(([, d]) => at(d))) };

	it('counts the customers who bought in it and those who bought on a second day, whatever the row order', () => {
		const activity = periodActivity(columns, 4, at('2024-02-01T00:00:00Z'), at('2024-02-29T23:59:59.999Z'));
		expect(activity.customers).toEqual([0, 1, 2]);
		expect(activity.repeatBuyers).toBe(1);
		expect(activity.repeatPurchaseRate).toBeCloseTo(1 / 3, 12);
	});

	it('has no rate for a period without purchases', () => {
		const activity = periodActivity(columns, 4, at('2023-01-01T00:00:00Z'), at('2023-01-31T00:00:00Z'));
		expect(activity.customers).toEqual([]);
		expect(activity.repeatPurchaseRate).toBeNaN();
	});

	it('counts only the customers included', () => {
		const activity = periodActivity(columns, 4, at('2024-02-01T00:00:00Z'), at('2024-02-29T23:59:59.999Z'), Uint8Array.from([0, 1, 1, 1]));
		expect(activity.customers).toEqual([1, 2]);
		expect(activity.repeatBuyers).toBe(0);
	});
});
