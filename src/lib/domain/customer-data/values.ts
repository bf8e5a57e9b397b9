/*
 * Reading the values real customer files contain: Dutch and English number and date notations,
 * booleans, genders. Pure functions shared by the server (imports) and the browser (the import
 * preview); every parser returns `null` for "not this kind of value" so that validation can say
 * what was expected.
 */

const CURRENCY = /[€$£¥]|\b(?:EUR|USD|GBP)\b/gi;
/** Most cells of a large file: digits with at most one separator, read the same by the general path. */
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;
const GROUPS_OF_THREE = { ',': /^\d{1,3}(,\d{3})+$/, '.': /^\d{1,3}(\.\d{3})+$/ } as const;

/**
 * A number as people write it: `1.234,56` and `1,234.56`, `€ 12,50`, `-3`, `(3,00)`.
 * With only one kind of separator, a single `,` is decimal (Dutch), several are thousands;
 * a single `.` is decimal, several are thousands; `decimal` forces the reading.
 */
export function parseNumber(raw: string, decimal?: ',' | '.'): number | null {
	// A single separator is decimal unless `decimal` says otherwise.
	if (decimal === undefined && PLAIN_NUMBER.test(raw)) {
		const value = Number(raw.replace(',', '.'));
		return Number.isFinite(value) ? value : null;
	}
	let text = raw.replace(CURRENCY, '').replace(/[\s\u00a0\u202f']/g, '');
	if (!text) return null;
	let negative = false;
	if (/^\(.*\)$/.test(text)) {
		negative = true;
		text = text.slice(1, -1);
	}
	if (text.startsWith('-') || text.startsWith('−')) {
		negative = !negative;
		text = text.slice(1);
	} else if (text.endsWith('-')) {
		negative = !negative;
		text = text.slice(0, -1);
	} else if (text.startsWith('+')) text = text.slice(1);
	if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return null;
	const commas = text.split(',').length - 1;
	const dots = text.split('.').length - 1;
	let normalised: string;
	if (commas && dots) {
		const decimalSep = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
		const thousands = decimalSep === ',' ? '.' : ',';
		const [whole, fraction, ...rest] = text.split(decimalSep);
		if (rest.length || fraction === undefined || fraction.includes(thousands)) return null;
		if (!/^\d{1,3}([.,]\d{3})*$/.test(whole!)) return null;
		normalised = `${whole!.split(thousands).join('')}.${fraction}`;
	} else if (commas || dots) {
		const sep = commas ? ',' : '.';
		const count = commas || dots;
		const groupsOfThree = GROUPS_OF_THREE[sep].test(text);
		const isThousands = count > 1 || (decimal !== undefined && decimal !== sep && groupsOfThree);
		if (isThousands) {
			if (!groupsOfThree) return null;
			normalised = text.split(sep).join('');
		} else {
			normalised = text.replace(sep, '.');
		}
	} else {
		normalised = text;
	}
	if (normalised.startsWith('.') || normalised.endsWith('.')) return null;
	const value = Number(normalised);
	if (!Number.isFinite(value)) return null;
	return negative ? -value : value;
}

/** A whole number (counts, household size), allowing `3,0`. */
export function parseInteger(raw: string): number | null {
	const value = parseNumber(raw);
	return value !== null && Number.isInteger(value) ? value : null;
}

const DAY_MS = 86_400_000;
/** 1899-12-30: Excel's day 0 once its 1900 leap-year bug is accounted for (serials > 60). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function utc(year: number, month: number, day: number, h = 0, m = 0, s = 0, ms = 0): number | null {
	if (month < 1 || month > 12 || day < 1 || day > 31 || h > 23 || m > 59 || s > 59) return null;
	const time = Date.UTC(year, month - 1, day, h, m, s, ms);
	const date = new Date(time);
	// Rejects 31-02-2024 instead of rolling it over into March.
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
	return time;
}

const TIME = String.raw`(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?`;
const ZONE = String.raw`(Z|[+-]\d{2}:?\d{2})?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${TIME}${ZONE}$`);
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})${TIME}$`);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{1,5}(?:\.\d+)?$/;

/**
 * A moment as epoch milliseconds (UTC; times without a zone are read as UTC), or null.
 * Accepts yyyy-mm-dd, dd-mm-yyyy, dd/mm/yyyy, dd.mm.yyyy (day first: the Dutch order),
 * yyyymmdd, ISO-8601 timestamps with optional zone, and Excel serial day numbers.
 */
export function parseDate(raw: string): number | null {
	const text = raw.trim();
	if (!text) return null;
	let match = ISO.exec(text);
	if (match) {
		const [, y, mo, d, h, mi, s, ms, zone] = match;
		const local = utc(+y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0), +(s ?? 0), ms ? +ms.padEnd(3, '0') : 0);
		if (local === null) return null;
		if (!zone || zone === 'Z') return local;
		const sign = zone.startsWith('-') ? -1 : 1;
		const digits = zone.slice(1).replace(':', '');
		const offset = sign * (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60_000;
		return local - offset;
	}
	match = DAY_FIRST.exec(text);
	if (match) {
		const [, d, mo, y, h, mi, s, ms] = match;
		return utc(+y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0), +(s ?? 0), ms ? +ms.padEnd(3, '0') : 0);
	}
	match = COMPACT.exec(text);
	if (match) return utc(+match[1]!, +match[2]!, +match[3]!);
	if (SERIAL.test(text)) {
		const serial = Number(text);
		// 1 … 2958465 is Excel's range (1900-01-01 … 9999-12-31); small numbers are suspicious
		// but legal. Serials up to 60 fall before Excel's phantom 1900-02-29.
		if (serial < 1 || serial > 2_958_465) return null;
		const days = serial < 61 ? serial + 1 : serial;
		return Math.round(EXCEL_EPOCH_MS + days * DAY_MS);
	}
	return null;
}

/** A calendar date (birth date) as `yyyy-mm-dd`. */
export function parseCalendarDate(raw: string): string | null {
	const time = parseDate(raw);
	return time === null ? null : new Date(time).toISOString().slice(0, 10);
}

const TRUE = new Set(['1', 'true', 'yes', 'y', 'ja', 'j', 'x', 'waar', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'n', 'nee', 'onwaar', 'off']);

export function parseBoolean(raw: string): boolean | null {
	const text = raw.trim().toLowerCase();
	if (TRUE.has(text)) return true;
	if (FALSE.has(text)) return false;
	return null;
}

const GENDERS: Record<string, 'female' | 'male' | 'other' | 'unknown'> = {
	f: 'female', female: 'female', v: 'female', vrouw: 'female', woman: 'female', w: 'female',
	m: 'male', male: 'male', man: 'male',
	x: 'other', other: 'other', anders: 'other', divers: 'other', nonbinary: 'other', 'non-binary': 'other',
	u: 'unknown', unknown: 'unknown', onbekend: 'unknown'
};

export function parseGender(raw: string): 'female' | 'male' | 'other' | 'unknown' | null {
	return GENDERS[raw.trim().toLowerCase()] ?? null;
}
