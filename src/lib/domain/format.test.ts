import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
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

describe('one way to write a date per language', () => {
	const src = join(import.meta.dirname, '..', '..');
	const sources = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : sources(path);
			return /\.(svelte|ts)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
		});

	it('is the only place in the app that formats dates: no page, panel or comment uses a format of its own', () => {
		// The header wrote "1 Dec 2026, 16:15", the version history "Dec 1, 2026, 4:19 PM" and the
		// comments "12/1/26, 4:24 PM" when each picked its own Intl options and locale.
		const own = sources(src)
			.filter((path) => !path.endsWith(join('domain', 'format.ts')))
			.filter((path) => /Intl\.DateTimeFormat|toLocale(Date|Time)?String\(/.test(readFileSync(path, 'utf8')))
			.map((path) => relative(src, path));
		expect(own).toEqual([]);
	});

	it('writes a header time, a version and a comment of one moment the same way', () => {
		const moment = Date.UTC(2026, 11, 1, 15, 15);
		const time = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' }).format(moment);
		// The board header gets a Date, the version list an ISO string, a comment epoch ms.
		for (const value of [new Date(moment), new Date(moment).toISOString(), moment]) {
			expect(formatDateTime(value, 'en')).toBe(`1 Dec 2026, ${time}`);
			expect(formatDateTime(value, 'nl')).toBe(`1 dec 2026, ${time}`);
		}
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
