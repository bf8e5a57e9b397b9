import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatMoneyShort, formatNumber, formatPercent, moneyFormat } from './format';

// Intl separates some parts with a no-break space (U+00A0) or a narrow one (U+202F).
const NBSP = '\u00a0';

describe('money reads the way each language writes it', () => {
	it('puts the euro sign before the amount with Dutch separators and a no-break space', () => {
		expect(formatMoney(1234.56, 'nl', 'EUR')).toBe(`€${NBSP}1.234,56`);
	});
	it('writes English amounts with the euro sign attached and English separators', () => {
		expect(formatMoney(1234.56, 'en', 'EUR')).toBe('€1,234.56');
	});
	it("shows the workspace's currency, not the language's: dollars stay dollars in Dutch", () => {
		expect(formatMoney(10, 'en', 'USD')).toBe('US$10.00');
		expect(formatMoney(1234.5, 'nl', 'USD')).toBe(`US$${NBSP}1.234,50`);
		expect(formatMoney(1234.5, 'en', 'GBP')).toBe('£1,234.50');
	});
	it('uses the minor units of the currency (none for yen)', () => {
		expect(formatMoney(1234.5, 'en', 'JPY')).toBe('JP¥1,235');
	});
});

describe('numbers and percentages', () => {
	it('groups thousands and uses the local decimal mark', () => {
		expect(formatNumber(1234567.891, 'nl')).toBe('1.234.567,89');
		expect(formatNumber(1234567.891, 'en')).toBe('1,234,567.89');
	});
	it('shows a fraction as a percentage', () => {
		expect(formatPercent(0.125, 'nl')).toBe('12,5%');
		expect(formatPercent(0.125, 'en')).toBe('12.5%');
	});
});

describe('dates', () => {
	const date = new Date(Date.UTC(2026, 10, 22, 9, 5));
	it('names the month in the user language', () => {
		expect(formatDate(date, 'nl')).toBe('22 nov 2026');
		expect(formatDate(date, 'en')).toBe('22 Nov 2026');
	});
	it('adds a 24-hour time', () => {
		const time = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' }).format(date);
		expect(formatDateTime(date, 'en')).toBe(`22 Nov 2026, ${time}`);
		expect(formatDateTime(date, 'nl')).toBe(`22 nov 2026, ${time}`);
	});
	it('accepts timestamps and ISO strings as well as dates', () => {
		expect(formatDate(date.getTime(), 'en')).toBe(formatDate(date.toISOString(), 'en'));
	});
});

describe('short money', () => {
	it('drops the cents from a thousand up', () => {
		expect(formatMoneyShort(3_521_011.17, 'en', 'EUR')).toBe('€3,521,011');
		expect(formatMoneyShort(3_521_011.17, 'nl', 'EUR').replace(NBSP, ' ')).toBe('€ 3.521.011');
		expect(formatMoneyShort(12.5, 'nl', 'EUR').replace(NBSP, ' ')).toBe('€ 12,50');
	});
});

describe('money bound to a currency', () => {
	it('formats in full and at a glance in the currency it was made for', () => {
		const dollars = moneyFormat('en', 'USD');
		expect(dollars.currency).toBe('USD');
		expect(dollars.format(3_521_011.17)).toBe('US$3,521,011.17');
		expect(dollars.short(3_521_011.17)).toBe('US$3,521,011');
		expect(moneyFormat('nl', 'CHF').short(12.5)).toBe(`CHF${NBSP}12,50`);
	});
});
