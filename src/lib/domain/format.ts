/**
 * Locale-aware formatting for everything the UI shows as a date or a number. Pure functions
 * over Intl, shared by server and client so both render the same text (no hydration flicker).
 */
export type Locale = 'en' | 'nl';

/** Intl locales per UI language: British English writes 22 Nov 2026 and 24-hour time. */
export const intlLocale: Record<Locale, string> = { en: 'en-GB', nl: 'nl-NL' };

const toDate = (value: Date | number | string): Date =>
	value instanceof Date ? value : new Date(value);

/*
 * One date format and one date-and-time format per language, made once: every date the UI shows
 * goes through these two (22 Nov 2026 · 22 Nov 2026, 16:15 · 22 nov 2026, 16:15), whether the
 * server rendered it or the browser (the canvas's version history and comments), never through
 * the browser's own default.
 */
const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
	en: new Intl.DateTimeFormat(intlLocale.en, { dateStyle: 'medium' }),
	nl: new Intl.DateTimeFormat(intlLocale.nl, { dateStyle: 'medium' })
};
const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
	en: new Intl.DateTimeFormat(intlLocale.en, { dateStyle: 'medium', timeStyle: 'short' }),
	nl: new Intl.DateTimeFormat(intlLocale.nl, { dateStyle: 'medium', timeStyle: 'short' })
};

export function formatDate(value: Date | number | string, locale: Locale): string {
	return dateFormats[locale].format(toDate(value));
}

export function formatDateTime(value: Date | number | string, locale: Locale): string {
	return dateTimeFormats[locale].format(toDate(value));
}

/*
 * Number formats made once per language and options and kept: making an Intl.NumberFormat costs
 * far more than formatting with one, and a page of tables formats thousands of figures.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${locale}|${options.style ?? ''}|${options.currency ?? ''}|${options.minimumFractionDigits ?? ''}|${options.maximumFractionDigits ?? ''}`;
	let format = numberFormats.get(key);
	if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(intlLocale[locale], options)));
	return format;
}

export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 2): string {
	return numberFormat(locale, { maximumFractionDigits }).format(value);
}

/** `currency` is an ISO 4217 code: the workspace's (see `$lib/domain/currency`). */
export function formatMoney(value: number, locale: Locale, currency: string): string {
	return numberFormat(locale, { style: 'currency', currency }).format(value);
}

/** Money at a glance: whole units from 1,000 up (€ 3.521.011 rather than € 3.521.011,17). */
export function formatMoneyShort(value: number, locale: Locale, currency: string): string {
	const whole = Math.abs(value) >= 1000;
	return numberFormat(locale, { style: 'currency', currency, ...(whole ? { maximumFractionDigits: 0, minimumFractionDigits: 0 } : {}) }).format(value);
}

/** Amounts in one currency and language: `format` in full (€ 1.234,56), `short` at a glance. */
export interface MoneyFormat {
	readonly currency: string;
	format(value: number): string;
	short(value: number): string;
}

export function moneyFormat(locale: Locale, currency: string): MoneyFormat {
	return {
		currency,
		format: (value) => formatMoney(value, locale, currency),
		short: (value) => formatMoneyShort(value, locale, currency)
	};
}

/** `value` is a fraction: 0.125 reads as 12.5%. */
export function formatPercent(value: number, locale: Locale, maximumFractionDigits = 1): string {
	return numberFormat(locale, { style: 'percent', maximumFractionDigits }).format(value);
}
