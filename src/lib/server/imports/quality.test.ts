import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { DataSummary } from '../db';
import { completeness, csvCell, dataOverview, errorReportCsv, errorReportFileName, futureDated, staleness } from './quality';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 22, 12);
const TOMORROW = Date.UTC(2026, 10, 23);

/** A kind's summary whose newest row is `to`, none of them after today. */
const upTo = (to: number | null) => ({ to, latestBeforeFuture: to, futureRows: 0 });

function summary(overrides: Partial<DataSummary> = {}): DataSummary {
	const empty = { count: 0, from: null, filled: [], repeatedRows: 0, ...upTo(null) };
	return {
		datasetVersion: 3,
		futureFrom: TOMORROW,
		customers: { count: 4, imported: 3, latestAcquiredAt: null, filled: [{ field: 'email', filled: 3 }, { field: 'name', filled: 1 }] },
		transactions: { ...empty, count: 3, ...upTo(NOW - 10 * DAY), filled: [{ field: 'channel', filled: 2 }], repeatedRows: 1, amount: 30 },
		events: empty,
		surveys: { ...empty, count: 2, ...upTo(NOW - 31 * DAY - 1) },
		lastImports: {
			customers: { id: 'c', fileName: 'klanten.csv', finishedAt: NOW - 45 * DAY },
			transactions: { id: 't', fileName: null, finishedAt: NOW - DAY },
			events: null,
			surveys: { id: 's', fileName: 'nps.csv', finishedAt: NOW - 2 * DAY },
			category_spend: null
		},
		duplicateEmails: { groups: 1, customers: 2, largest: [{ count: 2, externalIds: ['K1', 'K2'] }] },
		...overrides
	};
}

describe('completeness', () => {
	it('gives each column its share of the rows and flags those under half filled', () => {
		const [customers, transactions, events] = completeness(summary());
		expect(customers).toEqual({
			kind: 'customers',
			rows: 4,
			columns: [
				{ field: 'email', filled: 3, share: 0.75, low: false },
				{ field: 'name', filled: 1, share: 0.25, low: true }
			]
		});
		expect(transactions!.columns).toEqual([{ field: 'channel', filled: 2, share: 2 / 3, low: false }]);
		expect(events).toEqual({ kind: 'events', rows: 0, columns: [] });
	});

	it('has no share, and no flag, for a kind without rows', () => {
		const [customers] = completeness(summary({ customers: { count: 0, imported: 0, latestAcquiredAt: null, filled: [{ field: 'email', filled: 0 }] } }));
		expect(customers!.columns).toEqual([{ field: 'email', filled: 0, share: null, low: false }]);
	});

	it('takes exactly half as complete enough', () => {
		const [customers] = completeness(summary({ customers: { count: 2, imported: 2, latestAcquiredAt: null, filled: [{ field: 'city', filled: 1 }] } }));
		expect(customers!.columns[0]!.low).toBe(false);
	});
});

describe('staleness', () => {
	it('judges behavioural data by its newest row and customer profiles by their last import', () => {
		const kinds = staleness(summary(), NOW, 30);
		expect(kinds.map(({ kind, ageDays, stale }) => ({ kind, ageDays, stale }))).toEqual([
			{ kind: 'customers', ageDays: 45, stale: true },
			{ kind: 'transactions', ageDays: 10, stale: false },
			{ kind: 'events', ageDays: null, stale: false },
			// Imported two days ago, but its newest answer is 31 days old.
			{ kind: 'surveys', ageDays: 31, stale: true }
		]);
		expect(kinds[3]!.lastImport).toEqual({ id: 's', fileName: 'nps.csv', finishedAt: NOW - 2 * DAY });
	});

	it('is not stale at exactly the limit, and the limit is configurable', () => {
		const exactly = summary({ transactions: { ...summary().transactions, ...upTo(NOW - 30 * DAY) } });
		expect(staleness(exactly, NOW, 30)[1]).toMatchObject({ ageDays: 30, stale: false });
		expect(staleness(exactly, NOW, 7)[1]).toMatchObject({ stale: true });
	});

	it('is not made current by rows dated in the future: it judges by the newest row up to today', () => {
		const future = summary({ transactions: { ...summary().transactions, to: NOW + 400 * DAY, latestBeforeFuture: NOW - 45 * DAY, futureRows: 2 } });
		expect(staleness(future, NOW, 30)[1]).toMatchObject({ latestDataAt: NOW - 45 * DAY, ageDays: 45, stale: true });
	});

	it('does not judge customers known only from their rows, never imported as customers', () => {
		const bare = summary({ customers: { count: 5, imported: 0, latestAcquiredAt: null, filled: [] } });
		bare.lastImports.customers = null;
		expect(staleness(bare, NOW, 30)[0]).toMatchObject({ lastImport: null, ageDays: null, stale: false });
	});
});

describe('rows dated in the future', () => {
	it('are counted per kind with the latest of them; kinds without any say zero', () => {
		const future = summary({
			transactions: { ...summary().transactions, count: 5, to: Date.UTC(2027, 2, 1), latestBeforeFuture: NOW - DAY, futureRows: 2 },
			surveys: { ...summary().surveys, to: TOMORROW, latestBeforeFuture: null, futureRows: 2 }
		});
		expect(futureDated(future)).toEqual([
			{ kind: 'transactions', count: 2, latest: Date.UTC(2027, 2, 1) },
			{ kind: 'events', count: 0, latest: null },
			{ kind: 'surveys', count: 2, latest: TOMORROW }
		]);
		expect(dataOverview(future, { now: NOW, today: '2026-11-22', staleAfterDays: 30, mayReadCustomers: false }).futureDated).toEqual({
			today: '2026-11-22',
			kinds: futureDated(future)
		});
	});
});

describe('the data overview', () => {
	it('lists whose e-mail addresses are shared only to those who may read customer rows', () => {
		expect(dataOverview(summary(), { now: NOW, today: '2026-11-22', staleAfterDays: 30, mayReadCustomers: true }).duplicates).toEqual({
			emailGroups: 1,
			emailCustomers: 2,
			emailGroupIds: [{ count: 2, externalIds: ['K1', 'K2'] }],
			repeatedRows: { transactions: 1, events: 0, surveys: 0 }
		});
		expect(dataOverview(summary(), { now: NOW, today: '2026-11-22', staleAfterDays: 30, mayReadCustomers: false }).duplicates.emailGroupIds).toBeNull();
	});
});

describe('the error report', () => {
	it('writes a header and one line per error, quoting what needs quotes', () => {
		const csv = errorReportCsv([
			{ row: 3, column: 'datum', value: '31-02-2024', message: 'Expected a date (dd-mm-yyyy)' },
			{ row: 4, column: 'bedrag', value: 'tien, "ongeveer"', message: 'Expected a number' },
			{ row: 0, column: null, value: null, message: 'Missing column' }
		]);
		expect(csv).toBe(
			'row,column,value,message\r\n' +
				'3,datum,31-02-2024,Expected a date (dd-mm-yyyy)\r\n' +
				'4,bedrag,"tien, ""ongeveer""",Expected a number\r\n' +
				'0,,,Missing column\r\n'
		);
	});

	it('with a semicolon delimiter quotes semicolons instead of commas', () => {
		expect(errorReportCsv([{ row: 2, column: 'bedrag', value: '1,5;2', message: 'Expected a number' }], ';')).toBe(
			'row;column;value;message\r\n2;bedrag;"1,5;2";Expected a number\r\n'
		);
	});

	it('keeps spreadsheets from running a value as a formula, but leaves negative numbers alone', () => {
		expect(csvCell('=HYPERLINK("http://x")', ',')).toBe('"\'=HYPERLINK(""http://x"")"');
		expect(csvCell('@SUM(A1)', ',')).toBe("'@SUM(A1)");
		expect(csvCell('+31 6 1234', ',')).toBe('+31 6 1234');
		expect(csvCell('-12,50', ';')).toBe('-12,50');
		expect(csvCell('-1+2', ';')).toBe("'-1+2");
	});

	it('reads back cell for cell (apart from the formula guard) whatever the values hold', () => {
		let seed = 7;
		const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
		const alphabet = ['a', 'Z', ' ', ',', ';', '"', '\n', '\r\n', 'é', '€', '1', '.', "'", '\t'];
		for (let i = 0; i < 300; i++) {
			const value = Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
			const delimiter = random() < 0.5 ? ',' : ';';
			const parsed = Papa.parse<string[]>(errorReportCsv([{ row: i, column: 'c', value, message: 'm' }], delimiter), {
				delimiter,
				newline: '\r\n',
				skipEmptyLines: false
			});
			const cell = parsed.data[1]![2]!;
			expect(cell.startsWith("'") && /^[\t\r]/.test(value) ? cell.slice(1) : cell, JSON.stringify(value)).toBe(value);
		}
	});

	it('names the file after the uploaded file', () => {
		expect(errorReportFileName('kapot.csv', 'abc')).toBe('kapot-errors.csv');
		expect(errorReportFileName('Klanten export (2).CSV', 'abc')).toBe('Klanten_export_2-errors.csv');
		expect(errorReportFileName(null, 'abc')).toBe('import-abc-errors.csv');
		expect(errorReportFileName('"; rm -rf.csv', 'abc')).toBe('rm_-rf-errors.csv');
	});
});
