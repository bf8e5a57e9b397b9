import { describe, expect, it } from 'vitest';
import { parseNumber, resolveMapping, validateRow, type ImportKind, type ResolvedMapping } from '../../domain/customer-data';
import { compileFastRow, plainNumber } from './fast-rows';
import { stagedRow, type StagedRow } from './load';

/*
 * The fast path is held to the general one: for every row it takes, it must give exactly the
 * staging values and hash that validateRow + stagedRow give (numbers compared with Object.is, so
 * -0 is not 0), and every row the general path refuses it must leave to it.
 */

function mappingOf(kind: ImportKind, header: string[]): ResolvedMapping {
	const resolved = resolveMapping(kind, header, header.length, {});
	if ('problems' in resolved) throw new Error(JSON.stringify(resolved.problems));
	return resolved.mapping;
}

function general(kind: ImportKind, cells: string[], mapping: ResolvedMapping): StagedRow | null {
	const result = validateRow(kind, cells, mapping, 2);
	return 'errors' in result ? null : stagedRow(kind, result.record);
}

/** What the fast path made of each row, checked against the general path. */
function compare(kind: ImportKind, header: string[], rows: string[][]): (StagedRow | null)[] {
	const mapping = mappingOf(kind, header);
	const fast = compileFastRow(kind, mapping)!;
	expect(fast).not.toBeNull();
	return rows.map((cells) => {
		const expected = general(kind, cells, mapping);
		const got = fast(cells);
		if (expected === null) expect(got, `${JSON.stringify(cells)} is refused by validateRow`).toBeNull();
		else if (got !== null) {
			expect(got.contentHash).toBe(expected.contentHash);
			expect(got.values.length).toBe(expected.values.length);
			got.values.forEach((value, i) => expect(Object.is(value, expected.values[i]), `${JSON.stringify(cells)} value ${i}: ${value} vs ${expected.values[i]}`).toBe(true));
		}
		return got;
	});
}

const TRANSACTIONS = ['klantnummer', 'datum', 'bedrag', 'aantal', 'categorie', 'kanaal', 'marge', 'product'];

describe('the fast path for transaction rows', () => {
	it('stages plain rows (Dutch and ISO dates, decimal commas and points) exactly as validateRow + stagedRow do', () => {
		const plain = [
			['K1', '01-02-2024', '12,50', '3', 'Boeken', 'webshop', '2,5', 'Roman'],
			['K2', '2024-02-29', '1234.5', '', '', '', '', ''],
			['  K3 ', ' 31-12-2023 ', ' -0,00 ', '1,0', 'Films', 'app', '-3', ''],
			['K4', '2024-03-10T14:05:00Z', '007', '2', 'Tuin', 'winkel', '0,1', 'Schep'],
			['K5', '1-2-2024', '999999999999999', '4', 'Games', 'telefoon', '', ''],
			['K6', '45292', '0,000001', '1', 'Muziek', '', '', ''],
			['K7', '15.06.2024', '-12.345678901234', '1', 'Speelgoed', 'app', '', ''],
			['K8', '20240615', '0', '0', 'Boeken', 'webshop', '0', ''],
			['K9', '01-02-2024', '300'],
			['K10', '01-02-2024', '5', '1', 'x'.repeat(1000)]
		];
		const staged = compare('transactions', TRANSACTIONS, plain);
		staged.forEach((row, i) => expect(row, JSON.stringify(plain[i])).not.toBeNull());
		expect(staged[0]!.values).toEqual(['K1', Date.UTC(2024, 1, 1), 12.5, 3, 'Roman', 'Boeken', 'webshop', 2.5]);
		expect(Object.is(staged[2]!.values[2], -0)).toBe(true);
	});

	it('leaves rows the general path refuses or reads the long way to it, with the same result', () => {
		const rows = [
			['', '01-02-2024', '12,50'],
			['K1', '', '12,50'],
			['K1', '31-02-2024', '12,50'],
			['K1', '01-13-2024', '12,50'],
			['K1', '0099-01-01', '12,50'],
			['K1', '01-02-2024', ''],
			['K1', '01-02-2024', 'twaalf'],
			['K1', '01-02-2024', '12,50', 'drie'],
			['K1', '01-02-2024', '12,50', '1', 'y'.repeat(1001)],
			['K'.repeat(201), '01-02-2024', '12,50'],
			['K1', '01-02-2024', '1.234,56'],
			['K1', '01-02-2024', '€ 12,50'],
			['K1', '01-02-2024', '(3,00)'],
			['K1', '01-02-2024', '1,234,567'],
			['K1', '01-02-2024', '12,'],
			['K1', '01-02-2024', ',5'],
			['K1', '01-02-2024', '-'],
			['K1', '01-02-2024', '1234567890123456'],
			['K1', '01-02-2024', '12,50', '1', 'Boeken', 'webshop', '1e3'],
			['K1'],
			[]
		];
		const staged = compare('transactions', TRANSACTIONS, rows);
		// Rows with an error: the fast path must not take them.
		for (const i of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 14, 15, 16, 18, 19, 20]) expect(staged[i], JSON.stringify(rows[i])).toBeNull();
		// Valid, in notations the general parser reads: the fast path may take them, but must agree.
		expect(general('transactions', rows[10]!, mappingOf('transactions', TRANSACTIONS))!.values[2]).toBe(1234.56);
	});

	it('gives the same row when a date repeats (remembered) as the first time, also for a date it refused', () => {
		const rows = Array.from({ length: 3 }, () => [
			['K1', '05-05-2024', '1,5'],
			['K1', '30-02-2024', '1,5']
		]).flat();
		const staged = compare('transactions', TRANSACTIONS, rows);
		expect(staged.map((row) => row !== null)).toEqual([true, false, true, false, true, false]);
	});

	it('maps columns as the file does, wherever they are', () => {
		const header = ['kanaal', 'bedrag', 'iets anders', 'datum', 'klantnummer'];
		const staged = compare('transactions', header, [['app', '7,25', 'x', '03-04-2024', 'K9']]);
		expect(staged[0]!.values).toEqual(['K9', Date.UTC(2024, 3, 3), 7.25, null, null, null, 'app', null]);
	});
});

describe('the fast path for event rows', () => {
	const header = ['klantnummer', 'tijdstip', 'event_type', 'kanaal', 'eigenschappen'];
	it('stages plain rows exactly as validateRow + stagedRow do and leaves the rest to it', () => {
		const rows = [
			['K1', '2024-05-01T10:00:00+02:00', 'Add to cart', 'app', '{"sku": "A1", "n": 2}'],
			['K2', '01-05-2024', 'visit_product_page', '', ''],
			['K3', '01-05-2024', 'Bestelling-geplaatst', 'web', '{}'],
			['K4', '01-05-2024', 'bad/type', '', ''],
			['K5', '01-05-2024', 'view', '', '[1, 2]'],
			['K6', '01-05-2024', 'view', '', '{not json'],
			['K7', '01-05-2024', '', '', ''],
			['K8', 'gisteren', 'view', '', '']
		];
		const staged = compare('events', header, rows);
		expect(staged.map((row) => row !== null)).toEqual([true, true, true, false, false, false, false, false]);
		expect(staged[0]!.values.slice(2)).toEqual(['add_to_cart', 'app', '{"sku":"A1","n":2}']);
	});
});

describe('other kinds', () => {
	it('have no fast path: every row takes validateRow', () => {
		expect(compileFastRow('customers', mappingOf('customers', ['klantnummer', 'naam']))).toBeNull();
		expect(compileFastRow('surveys', mappingOf('surveys', ['klantnummer', 'datum', 'soort', 'score']))).toBeNull();
	});
});

describe('plainNumber', () => {
	it('reads every plain number as parseNumber does, bit for bit', () => {
		// A deterministic sweep of digit strings with and without a separator, some negative.
		let state = 7;
		const next = (n: number) => {
			state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
			return state % n;
		};
		for (let i = 0; i < 20_000; i++) {
			const digits = Array.from({ length: 1 + next(15) }, () => String(next(10))).join('');
			const at = next(digits.length + 1);
			const separator = at > 0 && at < digits.length ? [',', '.'][next(2)]! : '';
			const raw = `${next(4) === 0 ? '-' : ''}${digits.slice(0, at)}${separator}${digits.slice(at)}`;
			const fast = plainNumber(raw);
			expect(fast, raw).not.toBeUndefined();
			expect(Object.is(fast, parseNumber(raw)), `${raw}: ${fast} vs ${parseNumber(raw)}`).toBe(true);
		}
	});

	it('declines every other shape', () => {
		for (const raw of ['', '-', '1,', ',5', '1.2.3', '1,2,3', '1.234,5', '€5', ' 5', '5 ', '+5', '1e3', '1234567890123456', '--1', '0x10']) {
			expect(plainNumber(raw), raw).toBeUndefined();
		}
	});
});
