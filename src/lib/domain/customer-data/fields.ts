import type { ImportKind } from './kinds';
import type { ImportMessage } from './messages';
import { parseDate, parseNumber } from './values';

/*
 * Which column holds which field. Headers are recognised in Dutch and English; a mapping
 * given by the user (header names, or 1-based positions for files without a header) wins.
 * Pure: the import job and the browser's mapping preview resolve mappings the same way.
 */

/** How a field's value reads: what the preview shows it as. */
export type FieldType = 'text' | 'number' | 'date' | 'boolean';

export interface FieldSpec {
	required: boolean;
	type: FieldType;
	/** Normalised header spellings (see `normaliseHeader`). */
	headers: string[];
}

const typed = (type: FieldType, required: boolean, ...headers: string[]): FieldSpec => ({
	required,
	type,
	headers: headers.map(normaliseHeader)
});
const field = (required: boolean, ...headers: string[]) => typed('text', required, ...headers);
const numeric = (required: boolean, ...headers: string[]) => typed('number', required, ...headers);
const moment = (required: boolean, ...headers: string[]) => typed('date', required, ...headers);
const yesNo = (...headers: string[]) => typed('boolean', false, ...headers);

const customerId = (required: boolean) =>
	field(
		required,
		'customer_id', 'customer id', 'customerid', 'customer', 'customer number', 'customer_no', 'client_id',
		'klantnummer', 'klantnr', 'klant_id', 'klantid', 'klant', 'klant nummer', 'relatienummer', 'external_id', 'id'
	);
const occurredAt = (required: boolean) =>
	moment(required, 'date', 'datum', 'timestamp', 'tijdstip', 'time', 'datetime', 'transaction_date', 'order_date', 'orderdatum', 'aankoopdatum', 'created_at', 'event_time');
const channel = field(false, 'channel', 'kanaal', 'sales_channel', 'verkoopkanaal', 'source', 'bron');

export const FIELDS = {
	customers: {
		externalId: customerId(true),
		name: field(false, 'name', 'naam', 'full_name', 'volledige naam', 'klantnaam'),
		email: field(false, 'email', 'e-mail', 'e-mailadres', 'emailadres', 'email address', 'mail'),
		gender: field(false, 'gender', 'geslacht', 'sex'),
		postcode: field(false, 'postcode', 'postal_code', 'zip', 'zipcode', 'zip code', 'postal code'),
		city: field(false, 'city', 'woonplaats', 'plaats', 'stad', 'town'),
		optIn: yesNo('opt_in', 'opt-in', 'optin', 'nieuwsbrief', 'newsletter', 'toestemming', 'consent'),
		birthDate: moment(false, 'birth_date', 'birth date', 'birthdate', 'date_of_birth', 'date of birth', 'dob', 'geboortedatum'),
		interests: field(false, 'interests', 'interesses', 'interesse'),
		preferences: field(false, 'preferences', 'voorkeuren', 'voorkeur'),
		education: field(false, 'education', 'opleiding', 'opleidingsniveau'),
		occupation: field(false, 'occupation', 'beroep', 'job', 'functie'),
		incomeBand: field(false, 'income_band', 'income', 'inkomen', 'inkomensklasse', 'inkomenscategorie'),
		householdSize: numeric(false, 'household_size', 'household size', 'huishoudgrootte', 'grootte huishouden', 'gezinsgrootte'),
		childrenCount: numeric(false, 'children', 'number_of_children', 'kinderen', 'aantal kinderen', 'aantal_kinderen'),
		loyaltyMember: yesNo('loyalty_member', 'loyalty', 'loyaliteitsprogramma', 'klantenkaart', 'spaarprogramma', 'member'),
		acquiredAt: moment(false, 'acquisition_date', 'acquired_at', 'acquired', 'klant sinds', 'klant_sinds', 'acquisitiedatum', 'signup_date', 'inschrijfdatum'),
		acquisitionChannel: field(false, 'acquisition_channel', 'acquisitiekanaal', 'herkomst', 'wervingskanaal'),
		acquisitionCost: numeric(false, 'acquisition_cost', 'acquisitiekosten', 'wervingskosten', 'cac')
	},
	transactions: {
		customerId: customerId(true),
		occurredAt: occurredAt(true),
		amount: numeric(true, 'amount', 'bedrag', 'value', 'waarde', 'revenue', 'omzet', 'total', 'totaal', 'dollar_value', 'price', 'prijs', 'spend'),
		quantity: numeric(false, 'quantity', 'aantal', 'qty', 'number', 'number_of_cds', 'stuks', 'units'),
		product: field(false, 'product', 'productnaam', 'item', 'artikel', 'sku', 'product_id'),
		category: field(false, 'category', 'categorie', 'productcategorie', 'product_category', 'productgroep'),
		channel,
		margin: numeric(false, 'margin', 'marge', 'brutomarge', 'gross_margin', 'profit', 'winst')
	},
	events: {
		customerId: customerId(true),
		occurredAt: occurredAt(true),
		eventType: field(true, 'event_type', 'event', 'type', 'gebeurtenis', 'actie', 'action', 'event_name'),
		channel,
		properties: field(false, 'properties', 'eigenschappen', 'data', 'details', 'payload')
	},
	surveys: {
		customerId: customerId(false),
		occurredAt: occurredAt(true),
		kind: field(true, 'kind', 'soort', 'survey', 'survey_type', 'type', 'metric', 'vraag'),
		score: numeric(true, 'score', 'cijfer', 'rating', 'beoordeling', 'waardering'),
		eventType: field(false, 'event_type', 'step', 'stap', 'touchpoint', 'contactmoment', 'event'),
		channel,
		comment: field(false, 'comment', 'opmerking', 'toelichting', 'feedback', 'antwoord', 'text')
	},
	category_spend: {
		customerId: customerId(true),
		category: field(true, 'category', 'categorie', 'productcategorie', 'product_category', 'productgroep'),
		amount: numeric(true, 'amount', 'spend', 'bedrag', 'besteding', 'bestedingen', 'uitgaven', 'omzet', 'value', 'waarde'),
		categoryTotal: numeric(
			false,
			'category_total', 'category total', 'total_category_spend', 'market_spend', 'wallet', 'wallet_size',
			'totaal categorie', 'categorietotaal', 'totale besteding', 'totale bestedingen', 'totale uitgaven'
		)
	}
} as const satisfies Record<ImportKind, Record<string, FieldSpec>>;

export type FieldName<K extends ImportKind> = keyof (typeof FIELDS)[K] & string;

/** Field → header name, or 1-based column position; `null` leaves the field out. */
export type MappingInput = Record<string, string | number | null>;

/** Field → 0-based column index, plus the header name to show in error messages. */
export interface ResolvedMapping {
	columns: Record<string, number>;
	/** Column index → its name in messages: the header, or "column 3". */
	labels: string[];
	/** Columns no field claims (customers: kept as custom attributes). */
	unmapped: number[];
}

export function normaliseHeader(header: string): string {
	return header
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '');
}

export function fieldsOf(kind: ImportKind): Record<string, FieldSpec> {
	return FIELDS[kind];
}

export type MappingProblem =
	| { kind: 'missing'; field: string }
	| { kind: 'unknown_field'; field: string }
	| { kind: 'unknown_column'; field: string; column: string | number };

/**
 * Matches fields to columns. With a header row, the user's mapping names headers (or
 * positions) and the rest is recognised from the header; without one, only positions count.
 * A field the mapping sets to `null` stays out, also when a header would match it. Returns
 * what matched even when something is wrong: the preview shows both.
 */
export function matchColumns(
	kind: ImportKind,
	header: string[] | null,
	width: number,
	input: MappingInput = {}
): { columns: Record<string, number>; problems: MappingProblem[] } {
	const specs = fieldsOf(kind);
	const problems: MappingProblem[] = [];
	const columns: Record<string, number> = {};
	const normalised = header?.map(normaliseHeader) ?? [];
	const taken = new Set<number>();

	for (const [name, target] of Object.entries(input)) {
		if (!(name in specs)) {
			problems.push({ kind: 'unknown_field', field: name });
			continue;
		}
		if (target === null) continue;
		let index = -1;
		if (typeof target === 'number') index = target >= 1 && target <= width ? target - 1 : -1;
		else index = normalised.indexOf(normaliseHeader(target));
		if (index < 0) problems.push({ kind: 'unknown_column', field: name, column: target });
		else {
			columns[name] = index;
			taken.add(index);
		}
	}
	if (header) {
		for (const [name, spec] of Object.entries(specs)) {
			if (name in columns || name in input) continue;
			// The first spelling in the list that is present wins, so `customer_id` beats `id`.
			for (const spelling of spec.headers) {
				const index = normalised.findIndex((h, i) => h === spelling && !taken.has(i));
				if (index >= 0) {
					columns[name] = index;
					taken.add(index);
					break;
				}
			}
		}
	}
	for (const [name, spec] of Object.entries(specs)) {
		if (spec.required && !(name in columns) && !problems.some((p) => p.field === name)) {
			problems.push({ kind: 'missing', field: name });
		}
	}
	return { columns, problems };
}

export function resolveMapping(
	kind: ImportKind,
	header: string[] | null,
	width: number,
	input: MappingInput = {}
): { mapping: ResolvedMapping } | { problems: MappingProblem[] } {
	const { columns, problems } = matchColumns(kind, header, width, input);
	if (problems.length) return { problems };
	const taken = new Set(Object.values(columns));
	const labels = columnLabels(header, width);
	const unmapped = labels.map((_, i) => i).filter((i) => !taken.has(i) && (header?.[i]?.trim() ?? '') !== '');
	return { mapping: { columns, labels, unmapped } };
}

/** Column names as messages and the preview show them: the header, or "column 3". */
export function columnLabels(header: string[] | null, width: number): string[] {
	return Array.from({ length: width }, (_, i) => header?.[i]?.trim() || `column ${i + 1}`);
}

/** A mapping problem as a message code and its parameters (see ./messages). */
export function problemMessage(problem: MappingProblem, header: string[] | null): ImportMessage {
	switch (problem.kind) {
		case 'missing':
			return header
				? { code: 'import_mapping_missing', params: { field: problem.field, found: header.map((h) => `"${h}"`).join(', ') } }
				: { code: 'import_mapping_missing_position', params: { field: problem.field } };
		case 'unknown_field':
			return { code: 'import_mapping_unknown_field', params: { field: problem.field } };
		case 'unknown_column':
			return { code: 'import_mapping_unknown_column', params: { field: problem.field, column: JSON.stringify(problem.column) } };
	}
}

/**
 * Whether the first row names the columns: a row is a header when a cell names a field of
 * this kind, or when it holds no number or date while the rows below do (CDNOW has none).
 */
export function looksLikeHeader(kind: ImportKind, rows: string[][]): boolean {
	const [first, ...rest] = rows.filter((row) => row.some((cell) => cell.trim() !== ''));
	if (!first) return true;
	const spellings = new Set(Object.values(fieldsOf(kind)).flatMap((spec) => spec.headers));
	if (first.some((cell) => spellings.has(normaliseHeader(cell)))) return true;
	const valueLike = (cell: string) => cell.trim() !== '' && (parseNumber(cell) !== null || parseDate(cell) !== null);
	if (first.some(valueLike)) return false;
	return rest.length === 0 || rest.some((row) => row.some(valueLike));
}
