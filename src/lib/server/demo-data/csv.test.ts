import { describe, expect, it } from 'vitest';
import { amsterdamTime, formatRow, headers } from './csv';
import type { CustomerRow, TransactionRow } from './generate';

const transaction: TransactionRow = {
	transactionId: 'O0000001',
	customerId: 'K000001',
	timestamp: '2026-07-14T18:05:09.000Z',
	channel: 'shop',
	product: 'Dumbbellset 2×5 kg',
	category: 'sport',
	quantity: 2,
	amount: 1234.5,
	margin: -3.2,
	promotion: true
};

describe('Dutch and English CSV dialects', () => {
	it('write a Dutch Excel export: decimal comma, dd-mm-yyyy in Dutch local time, ja/nee, Dutch channel names', () => {
		expect(headers('transaction', 'nl')).toEqual(['ordernummer', 'klantnummer', 'datum', 'kanaal', 'product', 'categorie', 'aantal', 'bedrag', 'marge', 'actie']);
		expect(formatRow('transaction', transaction, 'nl')).toEqual(['O0000001', 'K000001', '14-07-2026 20:05:09', 'winkel', 'Dumbbellset 2×5 kg', 'sport', '2', '1234,50', '-3,20', 'ja']);
	});

	it('write English exports with the generator keys and values, ISO dates and a decimal point', () => {
		expect(headers('transaction', 'en')).toEqual(Object.keys(transaction));
		expect(formatRow('transaction', transaction, 'en')).toEqual(['O0000001', 'K000001', '2026-07-14T18:05:09.000Z', 'shop', 'Dumbbellset 2×5 kg', 'sport', '2', '1234.50', '-3.20', 'true']);
	});

	it('leave missing profile fields empty and translate coded values', () => {
		const customer: CustomerRow = {
			customerId: 'K000002', name: 'Daniëlle van der Meer', email: 'danielle.vandermeer2@example.nl', gender: 'F',
			birthDate: null, postcode: '1011 AB', city: 'Amsterdam', optIn: false, interests: ['koken', 'reizen'],
			incomeBand: 'middle', householdSize: null, children: null, loyaltyMember: true, acquisitionDate: '2025-03-09',
			acquisitionChannel: 'referral', acquisitionCost: 12
		};
		expect(formatRow('customer', customer, 'nl')).toEqual([
			'K000002', 'Daniëlle van der Meer', 'danielle.vandermeer2@example.nl', 'V', '', '1011 AB', 'Amsterdam', 'nee',
			'koken, reizen', 'modaal', '', '', 'ja', '09-03-2025', 'aanbeveling', '12,00'
		]);
	});

	it('switch between CET and CEST on the last Sundays of March and October at 01:00 UTC', () => {
		expect(amsterdamTime('2026-03-29T00:59:00.000Z')).toBe('29-03-2026 01:59:00');
		expect(amsterdamTime('2026-03-29T01:00:00.000Z')).toBe('29-03-2026 03:00:00');
		expect(amsterdamTime('2025-10-26T00:59:59.000Z')).toBe('26-10-2025 02:59:59');
		expect(amsterdamTime('2025-10-26T01:00:00.000Z')).toBe('26-10-2025 02:00:00');
		expect(amsterdamTime('2024-12-31T23:30:00.000Z')).toBe('01-01-2025 00:30:00');
	});
});
