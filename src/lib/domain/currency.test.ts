import { describe, expect, it } from 'vitest';
import { COMMON_CURRENCIES, currencyName, currencyOptions, isCurrencyCode } from './currency';

describe('currency codes', () => {
	it('accepts the ISO 4217 codes the runtime can format', () => {
		for (const code of ['EUR', 'USD', 'GBP', 'JPY', 'ISK', 'KWD']) expect(isCurrencyCode(code), code).toBe(true);
	});
	it('refuses lower case, other lengths and codes nobody issued', () => {
		for (const code of ['usd', 'Eur', 'EURO', 'US', '', 'XYZ', 'QQQ', '€', 'E U']) expect(isCurrencyCode(code), code).toBe(false);
	});
	it('offers only currencies it can format', () => {
		for (const code of COMMON_CURRENCIES) expect(isCurrencyCode(code), code).toBe(true);
	});
});

describe('currency names', () => {
	it('names a currency in the page language', () => {
		expect(currencyName('USD', 'en')).toBe('US Dollar');
		expect(currencyName('USD', 'nl')).toBe('Amerikaanse dollar');
	});
});

describe('the settings choices', () => {
	it('lists the common currencies by name, the code beside each', () => {
		const options = currencyOptions('EUR', 'nl');
		expect(options.map((o) => o.value).sort()).toEqual([...COMMON_CURRENCIES].sort());
		expect(options).toContainEqual({ value: 'EUR', label: 'Euro (EUR)' });
		const names = options.map((o) => o.label);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl')));
	});
	it('keeps a less common current currency choosable', () => {
		const options = currencyOptions('ISK', 'en');
		expect(options).toContainEqual({ value: 'ISK', label: 'Icelandic Króna (ISK)' });
		expect(options).toHaveLength(COMMON_CURRENCIES.length + 1);
	});
});
