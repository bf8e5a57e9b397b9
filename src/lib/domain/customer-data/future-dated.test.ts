import { describe, expect, it } from 'vitest';
import { resolveMapping } from './fields';
import { calendarDay, futureDatedRows, futureFrom } from './future-dated';
import { validateRow } from './validate';

const header = ['klantnummer', 'datum', 'bedrag'];
const resolved = resolveMapping('transactions', header, header.length);
if (!('mapping' in resolved)) throw new Error('mapping');
const rowsOf = (dates: string[]) =>
	dates.map((date, i) => ({ row: i + 2, result: validateRow('transactions', ['K1', date, '10'], resolved.mapping, i + 2) }));

describe('rows dated after today', () => {
	it('today is the server’s calendar date; the future starts at the next midnight of the import’s calendar', () => {
		expect(calendarDay(new Date(2027, 1, 28, 23, 59))).toBe('2027-02-28');
		expect(futureFrom('2027-02-28')).toBe(Date.UTC(2027, 2, 1));
		expect(futureFrom('2024-12-31')).toBe(Date.UTC(2025, 0, 1));
	});

	it('flags valid rows after today, not today’s own rows, not invalid ones', () => {
		const rows = rowsOf(['28-02-2027', '2027-02-28T23:59:59Z', '01-03-2027', '31-02-2027', '2052-06-01', '05-03-2024']);
		expect(futureDatedRows(rows, '2027-02-28')).toEqual([
			{ row: 4, occurredAt: Date.UTC(2027, 2, 1) },
			{ row: 6, occurredAt: Date.UTC(2052, 5, 1) }
		]);
	});

	it('customer profiles carry no moment of their own: nothing is flagged', () => {
		const customers = resolveMapping('customers', ['klantnummer', 'klant sinds'], 2);
		if (!('mapping' in customers)) throw new Error('mapping');
		const result = validateRow('customers', ['K1', '2052-01-01'], customers.mapping, 2);
		expect(futureDatedRows([{ row: 2, result }], '2027-02-28')).toEqual([]);
	});
});
