import { describe, expect, it } from 'vitest';
import { previewText, PREVIEW_ROWS } from './preview';

const input = { kind: 'transactions' as const, mapping: {}, delimiter: 'auto' as const, header: null, sheet: null, today: '2026-11-22' };

describe('previewing a text file', () => {
	it('detects a Dutch semicolon export, its header and mapping, and what the import would say', () => {
		const file = Buffer.from('Klantnummer;Datum;Bedrag;Kanaal\nK1;05-03-2024;€ 1.234,56;web\nK2;31-02-2024;tien;app\n');
		const preview = previewText(file, false, input);
		expect(preview).toMatchObject({
			file: 'text', encoding: 'utf-8', delimiter: ';', header: true,
			columns: ['Klantnummer', 'Datum', 'Bedrag', 'Kanaal'],
			rowNumbers: [1, 2, 3],
			mapping: { customerId: 1, occurredAt: 2, amount: 3, channel: 4, quantity: null },
			problems: []
		});
		expect(preview.errors.map((e) => [e.row, e.column, e.code])).toEqual([
			[3, 'Datum', 'import_row_invalid'],
			[3, 'Bedrag', 'import_row_invalid']
		]);
	});

	it('reads a headerless positional file (CDNOW) as numbered columns that need a mapping', () => {
		const file = Buffer.from('00001 19970101  1  11.77\n00002 19970112  1  12.00\n00002 19970112  5  77.00\n');
		const preview = previewText(file, false, input);
		expect(preview).toMatchObject({ delimiter: 'whitespace', header: false, columns: ['column 1', 'column 2', 'column 3', 'column 4'] });
		expect(preview.problems.map((p) => p.field)).toEqual(['customerId', 'occurredAt', 'amount']);
		const mapped = previewText(file, false, { ...input, mapping: { customerId: 1, occurredAt: 2, quantity: 3, amount: 4 } });
		expect(mapped).toMatchObject({ problems: [], errors: [], mapping: { customerId: 1, occurredAt: 2, quantity: 3, amount: 4 } });
	});

	it('decodes Windows-1252 and drops a row cut off at the end of the sample', () => {
		const file = Buffer.from('klantnummer;naam;bedrag\nK1;M\xfcller;\x80 12,50\nK2;Sm', 'latin1');
		const preview = previewText(file, true, { ...input, kind: 'customers' });
		expect(preview.encoding).toBe('windows-1252');
		expect(preview.rows).toEqual([['klantnummer', 'naam', 'bedrag'], ['K1', 'Müller', '€ 12,50']]);
	});

	it('names the valid rows dated after the server’s today, which the import takes but flags', () => {
		const file = Buffer.from('klantnummer;datum;bedrag\nK1;22-11-2026;10\nK2;23-11-2026;11\nK3;31-02-2027;12\nK4;01-03-2027;13\n');
		const preview = previewText(file, false, input);
		expect(preview.today).toBe('2026-11-22');
		expect(preview.futureDated).toEqual([
			{ row: 3, occurredAt: '2026-11-23T00:00:00.000Z' },
			{ row: 5, occurredAt: '2027-03-01T00:00:00.000Z' }
		]);
		expect(preview.errors.map((e) => e.row)).toEqual([4]);
	});

	it('shows at most the header and the first rows', () => {
		const lines = ['customer_id,date,amount', ...Array.from({ length: 100 }, (_, i) => `C${i},2024-01-01,${i}`)];
		expect(previewText(Buffer.from(lines.join('\n')), false, input).rows).toHaveLength(PREVIEW_ROWS + 1);
	});
});
