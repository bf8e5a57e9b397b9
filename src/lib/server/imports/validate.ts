import type { ImportKind, ImportRowError } from '../db/schema';
import { parseBoolean, parseCalendarDate, parseDate, parseGender, parseInteger, parseNumber } from './formats';
import type { ResolvedMapping } from './mapping';

/*
 * One row of cells → one typed record, or the reasons it is not one. Pure: the loader decides
 * what to do with either.
 */

export interface CustomerRecord {
	externalId: string;
	name?: string | null;
	email?: string | null;
	gender?: string | null;
	postcode?: string | null;
	city?: string | null;
	optIn?: boolean | null;
	birthDate?: string | null;
	interests?: string | null;
	preferences?: string | null;
	education?: string | null;
	occupation?: string | null;
	incomeBand?: string | null;
	householdSize?: number | null;
	childrenCount?: number | null;
	loyaltyMember?: boolean | null;
	acquiredAt?: number | null;
	acquisitionChannel?: string | null;
	acquisitionCost?: number | null;
	attributes?: Record<string, string> | null;
}

export interface TransactionRecord {
	customerId: string;
	occurredAt: number;
	amount: number;
	quantity: number | null;
	product: string | null;
	category: string | null;
	channel: string | null;
	margin: number | null;
}

export interface EventRecord {
	customerId: string;
	occurredAt: number;
	eventType: string;
	channel: string | null;
	properties: Record<string, unknown> | null;
}

export interface SurveyRecord {
	customerId: string | null;
	occurredAt: number;
	kind: 'nps' | 'csat' | 'ces';
	score: number;
	eventType: string | null;
	channel: string | null;
	comment: string | null;
}

export interface RecordOf {
	customers: CustomerRecord;
	transactions: TransactionRecord;
	events: EventRecord;
	surveys: SurveyRecord;
}

export type RowResult<K extends ImportKind> = { record: RecordOf[K] } | { errors: ImportRowError[] };

const MAX_TEXT = 1000;
const SCORE_RANGE = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;

const SURVEY_KINDS: Record<string, 'nps' | 'csat' | 'ces'> = {
	nps: 'nps', 'net promoter score': 'nps', aanbevelingsscore: 'nps',
	csat: 'csat', tevredenheid: 'csat', satisfaction: 'csat', klanttevredenheid: 'csat',
	ces: 'ces', 'customer effort score': 'ces', klantinspanning: 'ces', effort: 'ces'
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

class Row {
	readonly errors: ImportRowError[] = [];

	constructor(
		private readonly cells: string[],
		private readonly mapping: ResolvedMapping,
		private readonly row: number
	) {}

	has(field: string): boolean {
		return field in this.mapping.columns;
	}

	raw(field: string): string {
		const index = this.mapping.columns[field];
		return index === undefined ? '' : (this.cells[index] ?? '').trim();
	}

	fail(field: string, value: string, message: string): null {
		const index = this.mapping.columns[field];
		this.errors.push({
			row: this.row,
			column: index === undefined ? field : this.mapping.labels[index]!,
			value: value.length > 200 ? `${value.slice(0, 200)}…` : value,
			message
		});
		return null;
	}

	/** `undefined` when the field is not mapped (so an upsert leaves it alone), else value or null. */
	optional<T>(field: string, parse: (raw: string) => T | null, expected: string): T | null | undefined {
		if (!this.has(field)) return undefined;
		const raw = this.raw(field);
		if (!raw) return null;
		const value = parse(raw);
		return value === null ? this.fail(field, raw, `Expected ${expected}`) : value;
	}

	required<T>(field: string, parse: (raw: string) => T | null, expected: string): T | null {
		const raw = this.raw(field);
		if (!raw) return this.fail(field, raw, `Required: expected ${expected}, found an empty cell`);
		const value = parse(raw);
		return value === null ? this.fail(field, raw, `Expected ${expected}`) : value;
	}

	text(field: string): string | null | undefined {
		return this.optional(field, (raw) => (raw.length <= MAX_TEXT ? raw : null), `text of at most ${MAX_TEXT} characters`);
	}

	requiredText(field: string, max = 200): string | null {
		return this.required(field, (raw) => (raw.length <= max ? raw : null), `text of at most ${max} characters`);
	}
}

const DATE = 'a date such as 31-12-2024, 2024-12-31, 31/12/2024, 20241231 or an ISO timestamp';
const NUMBER = 'a number such as 12.50, 12,50, 1.234,56 or € 12,50';
const WHOLE = 'a whole number';
const BOOLEAN = 'yes/no, ja/nee, true/false or 1/0';

const nn = <T>(value: T | null | undefined): T | null => value ?? null;

function jsonObject(raw: string): Record<string, unknown> | null {
	try {
		const value: unknown = JSON.parse(raw);
		return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
	} catch {
		return null;
	}
}

const validators: { [K in ImportKind]: (row: Row, cells: string[], mapping: ResolvedMapping) => RecordOf[K] | null } = {
	customers(row, cells, mapping) {
		const externalId = row.requiredText('externalId');
		const record: CustomerRecord = {
			externalId: externalId ?? '',
			name: row.text('name'),
			email: row.optional('email', (raw) => (EMAIL.test(raw) && raw.length <= 254 ? raw.toLowerCase() : null), 'an e-mail address'),
			gender: row.optional('gender', parseGender, 'a gender: m/man/male, v/vrouw/female, x/other'),
			postcode: row.optional('postcode', (raw) => (raw.length <= 16 ? raw.toUpperCase().replace(/\s+/g, ' ') : null), 'a postcode'),
			city: row.text('city'),
			optIn: row.optional('optIn', parseBoolean, BOOLEAN),
			birthDate: row.optional('birthDate', parseCalendarDate, DATE),
			interests: row.text('interests'),
			preferences: row.text('preferences'),
			education: row.text('education'),
			occupation: row.text('occupation'),
			incomeBand: row.text('incomeBand'),
			householdSize: row.optional('householdSize', (raw) => nonNegative(parseInteger(raw)), WHOLE),
			childrenCount: row.optional('childrenCount', (raw) => nonNegative(parseInteger(raw)), WHOLE),
			loyaltyMember: row.optional('loyaltyMember', parseBoolean, BOOLEAN),
			acquiredAt: row.optional('acquiredAt', parseDate, DATE),
			acquisitionChannel: row.text('acquisitionChannel'),
			acquisitionCost: row.optional('acquisitionCost', parseNumber, NUMBER)
		};
		if (mapping.unmapped.length) {
			const attributes: Record<string, string> = {};
			for (const index of mapping.unmapped) {
				const value = (cells[index] ?? '').trim();
				if (value) attributes[mapping.labels[index]!] = value.slice(0, MAX_TEXT);
			}
			record.attributes = Object.keys(attributes).length ? attributes : null;
		}
		return externalId === null ? null : record;
	},
	transactions(row) {
		const record = {
			customerId: row.requiredText('customerId'),
			occurredAt: row.required('occurredAt', parseDate, DATE),
			amount: row.required('amount', (raw) => parseNumber(raw), NUMBER),
			quantity: nn(row.optional('quantity', parseNumber, NUMBER)),
			product: nn(row.text('product')),
			category: nn(row.text('category')),
			channel: nn(row.text('channel')),
			margin: nn(row.optional('margin', parseNumber, NUMBER))
		};
		if (record.customerId === null || record.occurredAt === null || record.amount === null) return null;
		return record as TransactionRecord;
	},
	events(row) {
		const record = {
			customerId: row.requiredText('customerId'),
			occurredAt: row.required('occurredAt', parseDate, DATE),
			eventType: row.required('eventType', (raw) => (/^[\p{L}\p{N}_.:\- ]{1,80}$/u.test(raw) ? raw.toLowerCase().replace(/[\s-]+/g, '_') : null), 'an event type such as add_to_cart'),
			channel: nn(row.text('channel')),
			properties: nn(row.optional('properties', jsonObject, 'a JSON object such as {"page": "/cart"}'))
		};
		if (record.customerId === null || record.occurredAt === null || record.eventType === null) return null;
		return record as EventRecord;
	},
	surveys(row) {
		const customerId = row.has('customerId') ? row.raw('customerId') || null : null;
		const kind = row.required('kind', (raw) => SURVEY_KINDS[raw.toLowerCase()] ?? null, 'nps, csat or ces');
		const occurredAt = row.required('occurredAt', parseDate, DATE);
		let score: number | null = null;
		if (kind) {
			const [low, high] = SCORE_RANGE[kind];
			score = row.required('score', (raw) => {
				const value = parseInteger(raw);
				return value !== null && value >= low && value <= high ? value : null;
			}, `a whole number from ${low} to ${high} for ${kind.toUpperCase()}`);
		}
		const record = {
			customerId,
			occurredAt,
			kind,
			score,
			eventType: nn(row.text('eventType')),
			channel: nn(row.text('channel')),
			comment: nn(row.text('comment'))
		};
		if (kind === null || occurredAt === null || score === null) return null;
		return record as SurveyRecord;
	}
};

function nonNegative(value: number | null): number | null {
	return value !== null && value >= 0 ? value : null;
}

/** `row` is the 1-based row number as a spreadsheet shows it (the header is row 1). */
export function validateRow<K extends ImportKind>(
	kind: K,
	cells: string[],
	mapping: ResolvedMapping,
	row: number
): RowResult<K> {
	const reader = new Row(cells, mapping, row);
	const record = (validators[kind] as (row: Row, cells: string[], mapping: ResolvedMapping) => RecordOf[K] | null)(
		reader,
		cells,
		mapping
	);
	if (reader.errors.length || record === null) return { errors: reader.errors };
	return { record };
}
