import { describe, expect, it } from 'vitest';
import { summarizeTransactions, type Transaction } from './summary';
import { CDNOW_CALIBRATION_END, CDNOW_HOLDOUT_END, cdnowPublishedSummary, cdnowSampleTransactions } from './test-fixtures';

const at = (date: string, hour = 12) => Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
const buy = (customerId: string, date: string, amount: number, quantity?: number, hour?: number): Transaction => ({ customerId, occurredAt: at(date, hour), amount, quantity });

describe('summarizeTransactions', () => {
	const transactions = [
		buy('A', '2024-01-01', 10, 2),
		buy('A', '2024-01-01', 5, 1, 23), // same UTC day: one purchase of 15
		buy('A', '2024-01-15', 30),
		buy('B', '2024-01-29', 20),
		buy('A', '2024-01-29', 40, 3),
		buy('A', '2024-02-12', 99), // after calibration: holdout
		buy('A', '2024-02-12', 1, 1, 8), // same holdout day
		buy('B', '2024-03-01', 7), // after the holdout end: ignored
		buy('C', '2024-02-05', 50) // first purchase after calibration: not a calibration customer
	];
	const options = { calibrationEnd: at('2024-01-29', 0), timeUnit: 'week' as const, holdoutEnd: at('2024-02-26') };

	it('merges same-day transactions and counts repeat purchase days from the first purchase', () => {
		const [a, b] = summarizeTransactions(transactions, options);
		expect(a).toEqual({
			customerId: 'A',
			x: 2,
			tx: 4,
			T: 4,
			monetaryValue: 35, // (30 + 40) / 2: the first day is not a repeat
			firstPurchaseAt: Date.UTC(2024, 0, 1),
			purchaseDays: 3,
			revenue: 85,
			revenueSquares: 15 * 15 + 30 * 30 + 40 * 40, // per purchase day, the merged first day as one
			items: 7, // 2 + 1 + 1 (quantity unknown) + 3
			holdoutPurchaseDays: 1
		});
		expect(b).toMatchObject({ customerId: 'B', x: 0, tx: 0, T: 0, monetaryValue: 0, purchaseDays: 1, holdoutPurchaseDays: 0 });
	});

	it('leaves out customers who first bought after the calibration end', () => {
		expect(summarizeTransactions(transactions, options).map((c) => c.customerId)).toEqual(['A', 'B']);
	});

	it('measures t_x and T in the chosen time unit (a month is 365.25/12 days)', () => {
		const [a] = summarizeTransactions(transactions, { ...options, timeUnit: 'month' });
		expect(a!.T).toBeCloseTo(28 / (365.25 / 12), 12);
		const [byDay] = summarizeTransactions(transactions, { ...options, timeUnit: 'day' });
		expect(byDay!.T).toBe(28);
		expect(byDay!.holdoutPurchaseDays).toBe(1);
	});

	it('gives null holdout counts without a holdout period, and accepts any iterable', () => {
		function* stream() {
			yield* transactions;
		}
		const [a] = summarizeTransactions(stream(), { calibrationEnd: options.calibrationEnd, timeUnit: 'week' });
		expect(a!.holdoutPurchaseDays).toBeNull();
		expect(a!.x).toBe(2);
	});

	it('does not depend on the order of the transactions', () => {
		const reversed = summarizeTransactions([...transactions].reverse(), options);
		const byId = (list: typeof reversed) => Object.fromEntries(list.map((c) => [c.customerId, c]));
		expect(byId(reversed)).toEqual(byId(summarizeTransactions(transactions, options)));
	});

	it('reproduces the published CDNOW summary (x, t_x, T, z̄ for all 2,357 customers)', () => {
		const summary = summarizeTransactions(cdnowSampleTransactions(), { calibrationEnd: CDNOW_CALIBRATION_END, timeUnit: 'week', holdoutEnd: CDNOW_HOLDOUT_END });
		const published = cdnowPublishedSummary();
		expect(summary).toHaveLength(2357);
		const mine = new Map(summary.map((c) => [Number(c.customerId), c]));
		for (const p of published) {
			const c = mine.get(p.id)!;
			expect(c.x).toBe(p.x);
			// The published file rounds to 2 decimals.
			expect(Math.abs(c.tx - p.tx)).toBeLessThanOrEqual(0.005 + 1e-9);
			expect(Math.abs(c.T - p.T)).toBeLessThanOrEqual(0.005 + 1e-9);
			expect(Math.abs(c.monetaryValue - p.zbar)).toBeLessThanOrEqual(0.005 + 1e-9);
		}
		expect(summary.filter((c) => c.x > 0)).toHaveLength(946);
	});
});
