import { eventTypeId, parseDate, parseNumber, type ImportKind, type ResolvedMapping } from '../../domain/customer-data';
import { rowContentHash, type SqlValue, type StagedRow } from './load';

/*
 * The hot path of a large import: a row whose every cell is plainly valid goes from its cells
 * straight to its staging values and content hash, without the general validator's per-cell
 * bookkeeping. It must give exactly what validateRow + stagedRow give (fast-rows.test.ts holds
 * it to that). Anything it is not sure of — an empty required cell, a text too long, a date or
 * number the parsers refuse — makes it answer null, and the row takes validateRow, which says
 * what is wrong: every error still comes from the one general path.
 */

/** A row's staging values, or null: "ask validateRow". */
export type FastRow = (cells: string[]) => StagedRow | null;

/** As validate.ts: customer ids and texts longer than this are refused. */
const MAX_ID = 200;
const MAX_TEXT = 1000;
/** Distinct cells whose parsed value is remembered (dates, event types); beyond it, parsed each time. */
const REMEMBERED = 20_000;

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * A cell of the shape most numbers have (`-?\d+([.,]\d+)?`, at most 15 digits), as parseNumber
 * reads it — Number() of the text with a '.' for the ','. The digits as a whole number over a
 * power of ten is that same double: both are exact, and a division rounds correctly, as Number()
 * does. Undefined for any other shape.
 */
export function plainNumber(raw: string): number | undefined {
	const length = raw.length;
	const negative = length > 0 && raw.charCodeAt(0) === 45;
	let digits = 0;
	let decimals = -1;
	let whole = 0;
	for (let i = negative ? 1 : 0; i < length; i++) {
		const code = raw.charCodeAt(i);
		if (code >= 48 && code <= 57) {
			whole = whole * 10 + (code - 48);
			digits++;
			if (decimals >= 0) decimals++;
		} else if ((code === 44 || code === 46) && decimals < 0 && digits > 0) decimals = 0;
		else return undefined;
	}
	if (digits === 0 || digits > 15 || decimals === 0) return undefined;
	const value = decimals > 0 ? whole / POWERS_OF_TEN[decimals]! : whole;
	return negative ? -value : value;
}

/** A number cell as parseNumber reads it; null when it does not. */
const numberOf = (raw: string): number | null => plainNumber(raw) ?? parseNumber(raw);

/** A pure parser with its answers for the first REMEMBERED distinct cells kept. */
function remembering<T>(parse: (raw: string) => T | null): (raw: string) => T | null {
	const known = new Map<string, T | null>();
	return (raw) => {
		const answer = known.get(raw);
		if (answer !== undefined) return answer;
		const value = parse(raw);
		if (known.size < REMEMBERED) known.set(raw, value);
		return value;
	};
}

/** The trimmed cell at `index`, as validate.ts reads it; '' for a field the file does not map. */
const cellAt = (cells: string[], index: number): string => (index >= 0 && index < cells.length ? cells[index]!.trim() : '');

/** The column of a field, or -1. */
const columnOf = (mapping: ResolvedMapping, field: string): number => mapping.columns[field] ?? -1;

/** NOT_VALID: the cell is not plainly valid (the row goes to validateRow). */
const NOT_VALID = Symbol('not valid');
type Cell<T> = T | null | typeof NOT_VALID;

const optionalText = (raw: string): Cell<string> => (raw === '' ? null : raw.length <= MAX_TEXT ? raw : NOT_VALID);
const optionalNumber = (raw: string): Cell<number> => {
	if (raw === '') return null;
	return numberOf(raw) ?? NOT_VALID;
};

const compilers: Partial<Record<ImportKind, (mapping: ResolvedMapping) => FastRow>> = {
	transactions(mapping) {
		const [customerId, occurredAt, amount, quantity, product, category, channel, margin] = [
			'customerId', 'occurredAt', 'amount', 'quantity', 'product', 'category', 'channel', 'margin'
		].map((field) => columnOf(mapping, field)) as [number, number, number, number, number, number, number, number];
		const dateOf = remembering(parseDate);
		return (cells) => {
			const id = cellAt(cells, customerId);
			if (id === '' || id.length > MAX_ID) return null;
			const at = dateOf(cellAt(cells, occurredAt));
			if (at === null) return null;
			const raw = cellAt(cells, amount);
			const value = raw === '' ? null : numberOf(raw);
			if (value === null) return null;
			const count = optionalNumber(cellAt(cells, quantity));
			const item = optionalText(cellAt(cells, product));
			const group = optionalText(cellAt(cells, category));
			const via = optionalText(cellAt(cells, channel));
			const profit = optionalNumber(cellAt(cells, margin));
			if (count === NOT_VALID || item === NOT_VALID || group === NOT_VALID || via === NOT_VALID || profit === NOT_VALID) return null;
			const values: SqlValue[] = [id, at, value, count, item, group, via, profit];
			return { values, contentHash: rowContentHash(values) };
		};
	},
	events(mapping) {
		const [customerId, occurredAt, eventType, channel, properties] = ['customerId', 'occurredAt', 'eventType', 'channel', 'properties'].map(
			(field) => columnOf(mapping, field)
		) as [number, number, number, number, number];
		const dateOf = remembering(parseDate);
		const typeOf = remembering(eventTypeId);
		return (cells) => {
			const id = cellAt(cells, customerId);
			if (id === '' || id.length > MAX_ID) return null;
			const at = dateOf(cellAt(cells, occurredAt));
			if (at === null) return null;
			const rawType = cellAt(cells, eventType);
			const type = rawType === '' ? null : typeOf(rawType);
			if (type === null) return null;
			const via = optionalText(cellAt(cells, channel));
			if (via === NOT_VALID) return null;
			const rawProperties = cellAt(cells, properties);
			let json: string | null = null;
			if (rawProperties !== '') {
				// As validate.ts's jsonObject, then load.ts's JSON.stringify: the same text.
				let parsed: unknown;
				try {
					parsed = JSON.parse(rawProperties);
				} catch {
					return null;
				}
				if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
				json = JSON.stringify(parsed);
			}
			const values: SqlValue[] = [id, at, type, via, json];
			return { values, contentHash: rowContentHash(values) };
		};
	}
};

/** The fast path for rows of `kind` under `mapping`, compiled once per import; null for kinds without one. */
export function compileFastRow(kind: ImportKind, mapping: ResolvedMapping): FastRow | null {
	return compilers[kind]?.(mapping) ?? null;
}
