import { describe, expect, it } from 'vitest';
import { resolveMapping, type ResolvedMapping } from './fields';
import { renderImportMessage } from './messages';
import { validateRow, type ImportRowError } from './validate';

const mappingFor = (kind: Parameters<typeof resolveMapping>[0], header: string[]): ResolvedMapping => {
	const result = resolveMapping(kind, header, header.length);
	if (!('mapping' in result)) throw new Error(JSON.stringify(result));
	return result.mapping;
};

describe('row validation', () => {
	const transactions = mappingFor('transactions', ['klantnummer', 'datum', 'bedrag', 'aantal', 'categorie']);

	it('turns a Dutch transaction row into a record', () => {
		expect(validateRow('transactions', ['K001', '05-03-2024', '€ 1.234,56', '2', 'Boeken'], transactions, 2)).toEqual({
			record: {
				customerId: 'K001', occurredAt: Date.UTC(2024, 2, 5), amount: 1234.56, quantity: 2,
				product: null, category: 'Boeken', channel: null, margin: null
			}
		});
	});

	it('names row, column, value and what was expected for every bad cell', () => {
		const result = validateRow('transactions', ['K001', '31-02-2024', 'twaalf', 'x', ''], transactions, 7);
		expect(result).toEqual({
			errors: [
				{ row: 7, column: 'datum', value: '31-02-2024', message: expect.stringMatching(/^Expected a date/), code: 'import_row_invalid', params: { expected: 'import_expected_date' } },
				{ row: 7, column: 'bedrag', value: 'twaalf', message: expect.stringMatching(/^Expected a number/), code: 'import_row_invalid', params: { expected: 'import_expected_number' } },
				{ row: 7, column: 'aantal', value: 'x', message: expect.stringMatching(/^Expected a number/), code: 'import_row_invalid', params: { expected: 'import_expected_number' } }
			],
			// What could be read is still told: the preview shows it beside the bad cells.
			values: { customerId: 'K001' }
		});
	});

	it('requires the customer', () => {
		const result = validateRow('transactions', ['', '05-03-2024', '1', '', ''], transactions, 3);
		expect(result).toMatchObject({ errors: [expect.objectContaining({ column: 'klantnummer', message: expect.stringMatching(/^Required/) })] });
	});

	it('leaves unmapped customer fields undefined so that an upsert keeps them, and keeps extra columns', () => {
		const customers = mappingFor('customers', ['klantnummer', 'naam', 'geslacht', 'nieuwsbrief', 'schoenmaat']);
		const result = validateRow('customers', ['K1', 'Anna Müller', 'V', 'ja', '39'], customers, 2);
		expect(result).toEqual({
			record: expect.objectContaining({ externalId: 'K1', name: 'Anna Müller', gender: 'female', optIn: true, attributes: { schoenmaat: '39' } })
		});
		expect('record' in result && result.record.email).toBeUndefined();
	});

	it('checks survey scores against the scale of their kind', () => {
		const surveys = mappingFor('surveys', ['klantnummer', 'datum', 'soort', 'score']);
		expect(validateRow('surveys', ['K1', '2024-01-01', 'NPS', '10'], surveys, 2)).toMatchObject({ record: { kind: 'nps', score: 10 } });
		expect(validateRow('surveys', ['', '2024-01-01', 'csat', '5'], surveys, 2)).toMatchObject({ record: { customerId: null } });
		expect(validateRow('surveys', ['K1', '2024-01-01', 'csat', '6'], surveys, 4)).toEqual({
			errors: [
				{
					row: 4, column: 'score', value: '6', message: 'Expected a whole number from 1 to 5 for CSAT',
					code: 'import_row_invalid', params: { expected: 'import_expected_score', low: 1, high: 5, scale: 'CSAT' }
				}
			],
			values: { kind: 'csat', occurredAt: Date.UTC(2024, 0, 1) }
		});
	});

	it('reads event properties as JSON objects', () => {
		const events = mappingFor('events', ['customer_id', 'timestamp', 'event_type', 'properties']);
		expect(validateRow('events', ['c1', '2024-01-01T10:00:00Z', 'Add to cart', '{"sku":"A1"}'], events, 2)).toMatchObject({
			record: { eventType: 'add_to_cart', properties: { sku: 'A1' } }
		});
		expect(validateRow('events', ['c1', '2024-01-01', 'visit', '[1]'], events, 3)).toMatchObject({ errors: [{ column: 'properties' }] });
	});

	it('says what was expected in Dutch as well as in English', () => {
		const [error] = (validateRow('transactions', ['', '05-03-2024', '1', '', ''], transactions, 3) as { errors: ImportRowError[] }).errors;
		expect(error!.message).toBe('Required: expected text of at most 200 characters, found an empty cell');
		expect(renderImportMessage({ code: error!.code!, params: error!.params! }, { locale: 'nl' })).toBe(
			'Verplicht: verwacht tekst van hoogstens 200 tekens, maar de cel is leeg'
		);
		const [date] = (validateRow('transactions', ['K1', 'morgen', '1', '', ''], transactions, 4) as { errors: ImportRowError[] }).errors;
		expect(renderImportMessage({ code: date!.code!, params: date!.params! }, { locale: 'nl' })).toMatch(/^Verwacht: een datum zoals 31-12-2024/);
	});

	it('reads category spend, refusing a category total below the spend here', () => {
		const spend = mappingFor('category_spend', ['klantnummer', 'categorie', 'besteding', 'totale besteding']);
		expect(validateRow('category_spend', ['K1', 'Boeken', '€ 120,00', '400'], spend, 2)).toEqual({
			record: { customerId: 'K1', category: 'Boeken', amount: 120, categoryTotal: 400 }
		});
		expect(validateRow('category_spend', ['K1', 'Boeken', '120', '100'], spend, 3)).toMatchObject({
			errors: [{ column: 'totale besteding', params: { expected: 'import_expected_category_total', amount: 120 } }]
		});
		expect(validateRow('category_spend', ['K1', 'Boeken', '-5', ''], spend, 4)).toMatchObject({
			errors: [{ column: 'besteding', message: 'Expected an amount of 0 or more, such as 12,50' }]
		});
		const withoutTotal = mappingFor('category_spend', ['klantnummer', 'categorie', 'bedrag']);
		expect(validateRow('category_spend', ['K1', 'Boeken', '3'], withoutTotal, 2)).toMatchObject({ record: { categoryTotal: undefined } });
	});
});
