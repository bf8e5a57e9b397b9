import type { ResolvedMapping } from './fields';
import type { ImportKind } from './kinds';
import { englishImportMessage, type ImportMessageParams } from './messages';
import { parseBoolean, parseCalendarDate, parseDate, parseGender, parseInteger, parseNumber } from './values';
import { eventTypeId } from './event-types';

/*
 * One row of cells → one typed record, or the reasons it is not one. Pure: the loader decides
 * what to do with either, and the browser's preview shows the same verdicts before an import.
 */

/** A cell that is not valid: where, what it held, and what was expected. */
export interface ImportRowError {
	/** The row number as a spreadsheet shows it (the header is row 1); 0 for the file as a whole. */
	row: number;
	column: string | null;
	value: string | null;
	/** Plain English, for scripts. */
	message: string;
	/** The message as a code (a key of messages/*.json) with its parameters, for the UI's language. */
	code?: string;
	params?: ImportMessageParams;
}

/** What a cell should have held: the key of an `import_expected_*` message and its parameters. */
interface Expected {
	key: string;
	params?: ImportMessageParams;
}

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

export interface CategorySpendRecord {
	customerId: string;
	category: string;
	amount: number;
	/** `undefined` when the file has no such column: an earlier total is kept. */
	categoryTotal: number | null | undefined;
}

export interface RecordOf {
	customers: CustomerRecord;
	transactions: TransactionRecord;
	events: EventRecord;
	surveys: SurveyRecord;
	category_spend: CategorySpendRecord;
}

/** An invalid row still tells the values it could read, field by field (the preview shows them). */
export type RowResult<K extends ImportKind> = { record: RecordOf[K] } | { errors: ImportRowError[]; values: Record<string, unknown> };

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
	/** Field → the value read from it, for the cells that could be read. */
	readonly values: Record<string, unknown> = {};

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

	fail(field: string, value: string, expected: Expected): null {
		const index = this.mapping.columns[field];
		const code = value ? 'import_row_invalid' : 'import_row_required';
		const params: ImportMessageParams = { ...expected.params, expected: expected.key };
		this.errors.push({
			row: this.row,
			column: index === undefined ? field : this.mapping.labels[index]!,
			value: value.length > 200 ? `${value.slice(0, 200)}…` : value,
			message: englishImportMessage({ code, params }),
			code,
			params
		});
		return null;
	}

	/** `undefined` when the field is not mapped (so an upsert leaves it alone), else value or null. */
	optional<T>(field: string, parse: (raw: string) => T | null, expected: Expected): T | null | undefined {
		if (!this.has(field)) return undefined;
		const raw = this.raw(field);
		if (!raw) return null;
		return this.#read(field, raw, parse, expected);
	}

	#read<T>(field: string, raw: string, parse: (raw: string) => T | null, expected: Expected): T | null {
		const value = parse(raw);
		if (value === null) return this.fail(field, raw, expected);
		this.values[field] = value;
		return value;
	}

	required<T>(field: string, parse: (raw: string) => T | null, expected: Expected): T | null {
		const raw = this.raw(field);
		if (!raw) return this.fail(field, raw, expected);
		return this.#read(field, raw, parse, expected);
	}

	text(field: string): string | null | undefined {
		return this.optional(field, (raw) => (raw.length <= MAX_TEXT ? raw : null), textOf(MAX_TEXT));
	}

	requiredText(field: string, max = 200): string | null {
		return this.required(field, (raw) => (raw.length <= max ? raw : null), textOf(max));
	}
}

const DATE: Expected = { key: 'import_expected_date' };
const NUMBER: Expected = { key: 'import_expected_number' };
const WHOLE: Expected = { key: 'import_expected_whole' };
const BOOLEAN: Expected = { key: 'import_expected_boolean' };
const textOf = (max: number): Expected => ({ key: 'import_expected_text', params: { max } });

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
			email: row.optional('email', (raw) => (EMAIL.test(raw) && raw.length <= 254 ? raw.toLowerCase() : null), { key: 'import_expected_email' }),
			gender: row.optional('gender', parseGender, { key: 'import_expected_gender' }),
			postcode: row.optional('postcode', (raw) => (raw.length <= 16 ? raw.toUpperCase().replace(/\s+/g, ' ') : null), { key: 'import_expected_postcode' }),
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
			eventType: row.required('eventType', eventTypeId, { key: 'import_expected_event_type' }),
			channel: nn(row.text('channel')),
			properties: nn(row.optional('properties', jsonObject, { key: 'import_expected_json' }))
		};
		if (record.customerId === null || record.occurredAt === null || record.eventType === null) return null;
		return record as EventRecord;
	},
	surveys(row) {
		const customerId = row.has('customerId') ? row.raw('customerId') || null : null;
		const kind = row.required('kind', (raw) => SURVEY_KINDS[raw.toLowerCase()] ?? null, { key: 'import_expected_survey_kind' });
		const occurredAt = row.required('occurredAt', parseDate, DATE);
		let score: number | null = null;
		if (kind) {
			const [low, high] = SCORE_RANGE[kind];
			score = row.required('score', (raw) => {
				const value = parseInteger(raw);
				return value !== null && value >= low && value <= high ? value : null;
			}, { key: 'import_expected_score', params: { low, high, scale: kind.toUpperCase() } });
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
	},
	category_spend(row) {
		const customerId = row.requiredText('customerId');
		const category = row.requiredText('category');
		const amount = row.required('amount', (raw) => nonNegativeNumber(parseNumber(raw)), { key: 'import_expected_spend' });
		// The customer's spend at all firms cannot be below their spend here.
		const categoryTotal = row.optional(
			'categoryTotal',
			(raw) => {
				const total = nonNegativeNumber(parseNumber(raw));
				return total !== null && (amount === null || total >= amount) ? total : null;
			},
			{ key: 'import_expected_category_total', params: { amount: amount ?? 0 } }
		);
		if (customerId === null || category === null || amount === null) return null;
		return { customerId, category, amount, categoryTotal };
	}
};

function nonNegativeNumber(value: number | null): number | null {
	return value !== null && value >= 0 ? value : null;
}

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
	if (reader.errors.length || record === null) return { errors: reader.errors, values: reader.values };
	return { record };
}
