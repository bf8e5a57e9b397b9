import { describe, expect, it } from 'vitest';
import { looksLikeHeader, matchColumns, resolveMapping } from './fields';

describe('column mapping', () => {
	it('recognises Dutch headers', () => {
		const result = resolveMapping('transactions', ['Klantnummer', 'Datum', 'Bedrag', 'Aantal', 'Kanaal', 'Categorie', 'Marge'], 7);
		expect('mapping' in result && result.mapping.columns).toEqual({
			customerId: 0, occurredAt: 1, amount: 2, quantity: 3, channel: 4, category: 5, margin: 6
		});
	});
	it('recognises English headers with other spellings', () => {
		const result = resolveMapping('customers', ['Customer ID', 'E-mail', 'Name', 'Birth date', 'City', 'Shoe size'], 6);
		if (!('mapping' in result)) throw new Error('expected a mapping');
		expect(result.mapping.columns).toEqual({ externalId: 0, email: 1, name: 2, birthDate: 3, city: 4 });
		expect(result.mapping.unmapped).toEqual([5]);
	});
	it('prefers customer_id over a plain id column', () => {
		const result = resolveMapping('transactions', ['id', 'customer_id', 'date', 'amount'], 4);
		expect('mapping' in result && result.mapping.columns.customerId).toBe(1);
	});
	it('names the missing required field', () => {
		expect(resolveMapping('transactions', ['klant', 'datum'], 2)).toEqual({ problems: [{ kind: 'missing', field: 'amount' }] });
	});
	it('maps a headerless file by position', () => {
		const result = resolveMapping('transactions', null, 5, { customerId: 1, occurredAt: 3, quantity: 4, amount: 5 });
		expect('mapping' in result && result.mapping.columns).toEqual({ customerId: 0, occurredAt: 2, quantity: 3, amount: 4 });
		expect('mapping' in result && result.mapping.labels[4]).toBe('column 5');
	});
	it('lets the user override a header', () => {
		const result = resolveMapping('transactions', ['klant', 'datum', 'bedrag', 'omzet incl btw'], 4, { amount: 'omzet incl btw' });
		expect('mapping' in result && result.mapping.columns.amount).toBe(3);
	});
	it('reports positions and headers the file does not have', () => {
		expect(resolveMapping('transactions', null, 3, { customerId: 1, occurredAt: 2, amount: 9 })).toEqual({
			problems: [{ kind: 'unknown_column', field: 'amount', column: 9 }]
		});
		expect(resolveMapping('transactions', ['a'], 1, { foo: 'a' } as never)).toMatchObject({
			problems: expect.arrayContaining([{ kind: 'unknown_field', field: 'foo' }])
		});
	});

	it('leaves out a field mapped to null, even when a header names it', () => {
		const result = resolveMapping('transactions', ['klant', 'datum', 'bedrag', 'kanaal'], 4, { channel: null });
		expect('mapping' in result && result.mapping.columns).toEqual({ customerId: 0, occurredAt: 1, amount: 2 });
		expect(resolveMapping('transactions', ['klant', 'datum', 'bedrag'], 3, { amount: null })).toEqual({
			problems: [{ kind: 'missing', field: 'amount' }]
		});
	});

	it('tells a header row from a first data row', () => {
		expect(looksLikeHeader('transactions', [['Klantnummer', 'Datum', 'Bedrag'], ['K1', '01-01-2024', '3']])).toBe(true);
		expect(looksLikeHeader('transactions', [['00001', '19970101', '1', '11.77'], ['00002', '19970112', '1', '12.00']])).toBe(false);
		// Unknown names over numbers are still a header.
		expect(looksLikeHeader('transactions', [['wie', 'wanneer', 'hoeveel'], ['K1', '2024-01-01', '3']])).toBe(true);
	});

	it('matches what it can while a required field is missing (the preview shows both)', () => {
		expect(matchColumns('transactions', ['klant', 'datum', 'omschrijving'], 3)).toEqual({
			columns: { customerId: 0, occurredAt: 1 },
			problems: [{ kind: 'missing', field: 'amount' }]
		});
	});
});
