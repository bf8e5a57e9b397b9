/**
 * The currency a workspace's amounts are in (ISO 4217). Amounts are stored as plain numbers in
 * whatever currency the imported files used; the workspace's currency only says how to show
 * them — changing it never converts anything.
 */
import { intlLocale, type Locale } from './format';

export const DEFAULT_CURRENCY = 'EUR';

/** Offered first in the settings; any other code Intl knows is accepted too (through the API). */
export const COMMON_CURRENCIES = [
	'EUR', 'USD', 'GBP', 'CHF', 'SEK', 'DKK', 'NOK', 'PLN', 'CZK', 'HUF', 'RON', 'JPY', 'CNY', 'INR', 'CAD', 'AUD', 'NZD', 'ZAR', 'BRL', 'MXN'
] as const;

let known: ReadonlySet<string> | null = null;

/** The codes this runtime can format (Node 20 and current browsers list about 300). */
function knownCurrencies(): ReadonlySet<string> {
	known ??= new Set(Intl.supportedValuesOf('currency'));
	return known;
}

/** An upper-case three-letter ISO 4217 code that Intl can format: `USD` yes, `usd`, `XYZ` and `EURO` no. */
export function isCurrencyCode(code: string): boolean {
	return /^[A-Z]{3}$/.test(code) && knownCurrencies().has(code);
}

/** "US dollar", "Amerikaanse dollar"; the code itself when the runtime has no name for it. */
export function currencyName(code: string, locale: Locale): string {
	try {
		return new Intl.DisplayNames(intlLocale[locale], { type: 'currency' }).of(code) ?? code;
	} catch {
		return code;
	}
}

/**
 * The settings' choices: the common currencies (the current one added when it is not among
 * them), each as "US dollar (USD)", sorted by name in the page's language.
 */
export function currencyOptions(current: string, locale: Locale): { value: string; label: string }[] {
	const codes: string[] = [...COMMON_CURRENCIES];
	if (!codes.includes(current)) codes.push(current);
	const collator = new Intl.Collator(intlLocale[locale]);
	return codes
		.map((code) => ({ value: code, name: currencyName(code, locale) }))
		.sort((a, b) => collator.compare(a.name, b.name))
		.map(({ value, name }) => ({ value, label: name === value ? value : `${name} (${value})` }));
}
