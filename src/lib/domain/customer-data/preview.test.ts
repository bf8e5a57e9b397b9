import { describe, expect, it } from 'vitest';
import { resolveMapping } from './fields';
import { renderImportMessage } from './messages';
import { invalidRowCount, invalidRowsOf } from './preview';
import { validateRow } from './validate';

describe('the invalid rows a preview counts and lists', () => {
	it('are the same rows, one entry each however many of its cells are bad', () => {
		const header = ['klantnummer', 'datum', 'bedrag'];
		const resolved = resolveMapping('transactions', header, header.length);
		if (!('mapping' in resolved)) throw new Error('mapping');
		const cells = [
			['K1', '05-03-2024', '10'],
			['K2', '31-02-2024', 'twaalf'],
			['', 'gisteren', ''],
			['K4', '06-03-2024', 'x'],
			['K5', '07-03-2024', '1'],
			['K6', '', '2'],
			['K7', '99-99-9999', '3'],
			['K8', '08-03-2024', '€ -']
		];
		const rows = cells.map((row, i) => ({ row: i + 2, result: validateRow('transactions', row, resolved.mapping, i + 2) }));
		const invalid = invalidRowsOf(rows);
		// Six of these eight rows are not valid; the preview listed five (its first five cell errors).
		expect(invalid.map(({ row }) => row)).toEqual([3, 4, 5, 7, 8, 9]);
		expect(invalid.find(({ row }) => row === 4)!.errors.map((error) => error.column)).toEqual(['klantnummer', 'datum', 'bedrag']);
	});
});

describe('what a failed import says', () => {
	it('names the option to choose, never the API parameter, in English and Dutch', () => {
		const many = { code: 'import_failed_invalid_rows', params: { count: 6 } };
		const one = { code: 'import_failed_invalid_rows', params: { count: 1 } };
		expect(renderImportMessage(many, { locale: 'en' })).toBe(
			'6 rows are not valid; nothing was imported. Fix them, or import again with “Import the valid rows and skip invalid ones” to leave them out'
		);
		expect(renderImportMessage(one, { locale: 'en' })).toBe(
			'1 row is not valid; nothing was imported. Fix it, or import again with “Import the valid rows and skip invalid ones” to leave it out'
		);
		expect(renderImportMessage(many, { locale: 'nl' })).toBe(
			'6 rijen zijn niet geldig; er is niets geïmporteerd. Verbeter ze, of importeer opnieuw met ‘Geldige rijen importeren en ongeldige overslaan’ om ze weg te laten'
		);
		const stopped = { code: 'import_failed_invalid_rows_stopped', params: { count: 1000 } };
		expect(renderImportMessage(stopped, { locale: 'en' })).not.toMatch(/skipInvalid/);
		expect(renderImportMessage(stopped, { locale: 'en' })).toBe(
			'1000 rows are not valid (reading stopped there); nothing was imported. Fix them, or import again with “Import the valid rows and skip invalid ones” to leave them out'
		);
	});
});

describe('the invalid rows of an import', () => {
	it('are counted as rows, not as bad cells, and a missing column is about no row', () => {
		const errors = [{ row: 3 }, { row: 3 }, { row: 4 }, { row: 4 }, { row: 4 }, { row: 7 }, { row: 0 }];
		expect(invalidRowCount(errors)).toBe(3);
	});
});
