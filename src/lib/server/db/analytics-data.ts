import type { StepVoices } from '$lib/domain/metrics';
import { getDb } from './connection';
import type { RuleFilter } from './customer-groups';

/*
 * What the analyses read: transactions, survey answers and per-customer facts of a workspace,
 * optionally only of one customer group. Rows stream from SQLite (an iterator, no arrays of a
 * million objects); customers are named by their external id.
 */

/** `and t.customer_id in (…group…)`, or nothing for the whole workspace. */
function scope(column: string, workspaceId: string, filter: RuleFilter | null): { sql: string; params: (string | number)[] } {
	if (!filter) return { sql: '', params: [] };
	return {
		sql: ` and ${column} in (select c.id from customers c join customer_measures m on m.customer_id = c.id where c.workspace_id = ? and ${filter.where})`,
		params: [workspaceId, ...filter.params]
	};
}

export interface TransactionRow {
	customerId: string;
	occurredAt: number;
	amount: number;
	quantity: number;
}

export function* transactionRows(workspaceId: string, filter: RuleFilter | null = null): Generator<TransactionRow> {
	const group = scope('t.customer_id', workspaceId, filter);
	const rows = getDb()
		.$client.prepare(
			`select c.external_id, t.occurred_at, t.amount, coalesce(t.quantity, 1)
			from customer_transactions t join customers c on c.id = t.customer_id
			where t.workspace_id = ?${group.sql}`
		)
		.raw()
		.iterate(workspaceId, ...group.params) as IterableIterator<[string, number, number, number]>;
	for (const [customerId, occurredAt, amount, quantity] of rows) yield { customerId, occurredAt, amount, quantity };
}

export interface SurveyRow {
	customerId: string | null;
	occurredAt: number;
	kind: 'nps' | 'csat' | 'ces';
	score: number;
	eventType: string | null;
	channel: string | null;
}

/** Survey answers; anonymous answers only for the whole workspace (they belong to no group). */
export function surveyRows(workspaceId: string, filter: RuleFilter | null = null): SurveyRow[] {
	const group = scope('s.customer_id', workspaceId, filter);
	return getDb()
		.$client.prepare(
			`select c.external_id as customerId, s.occurred_at as occurredAt, s.kind, s.score, s.event_type as eventType, s.channel
			from survey_responses s left join customers c on c.id = s.customer_id
			where s.workspace_id = ?${group.sql}`
		)
		.all(workspaceId, ...group.params) as SurveyRow[];
}

export interface CustomerFacts {
	customerId: string;
	acquisitionCost: number | null;
	/** Sum of the stated category totals (spend at all suppliers) over the customer's categories, when known. */
	categoryTotal: number | null;
	/** Sum of what the customer spent with us in those same categories (the category-spend import). */
	categoryOwnSpend: number | null;
}

export function customerFacts(workspaceId: string, filter: RuleFilter | null = null): CustomerFacts[] {
	const group = scope('c0.id', workspaceId, filter);
	return getDb()
		.$client.prepare(
			`select c0.external_id as customerId, c0.acquisition_cost as acquisitionCost,
				(select sum(cs.category_total) from category_spend cs where cs.customer_id = c0.id and cs.category_total is not null) as categoryTotal,
				(select sum(cs.amount) from category_spend cs where cs.customer_id = c0.id and cs.category_total is not null) as categoryOwnSpend
			from customers c0 where c0.workspace_id = ?${group.sql}`
		)
		.all(workspaceId, ...group.params) as CustomerFacts[];
}

/** First and last transaction moments of the workspace (ms), or null without transactions. */
export function transactionSpan(workspaceId: string): { from: number; to: number } | null {
	const row = getDb()
		.$client.prepare('select min(occurred_at) as "from", max(occurred_at) as "to" from customer_transactions where workspace_id = ?')
		.get(workspaceId) as { from: number | null; to: number | null };
	return row.from === null || row.to === null ? null : { from: row.from, to: row.to };
}

export interface EventTypeSummary {
	eventType: string;
	events: number;
	customers: number;
	channels: { channel: string; events: number }[];
}

/** The event types of a workspace with their counts and channels: what journey steps bind to. */
export function eventTypeSummaries(workspaceId: string): EventTypeSummary[] {
	const client = getDb().$client;
	const types = client
		.prepare(
			`select event_type as eventType, count(*) as events, count(distinct customer_id) as customers
			from customer_events where workspace_id = ? group by event_type order by events desc, event_type`
		)
		.all(workspaceId) as Omit<EventTypeSummary, 'channels'>[];
	const channels = client
		.prepare(
			`select event_type as eventType, coalesce(channel, '') as channel, count(*) as events
			from customer_events where workspace_id = ? group by event_type, channel order by events desc`
		)
		.all(workspaceId) as { eventType: string; channel: string; events: number }[];
	const byType = new Map<string, { channel: string; events: number }[]>();
	for (const row of channels) {
		const list = byType.get(row.eventType) ?? [];
		list.push({ channel: row.channel, events: row.events });
		byType.set(row.eventType, list);
	}
	return types.map((type) => ({ ...type, channels: byType.get(type.eventType) ?? [] }));
}

/**
 * All events of a workspace as columns, customers numbered densely (0…n−1) in order of their
 * internal id; `customerIds` maps back. Event types and channels become codes, in name order.
 */
export interface EventColumns {
	customer: Int32Array;
	at: Float64Array;
	type: Int32Array;
	channel: Int32Array;
	eventTypes: string[];
	channels: string[];
	customerCount: number;
	customerIds: Int32Array;
	externalIds: string[];
}

/** Rows per read: the event loop may run between reads, and a read costs little beyond its rows. */
const EVENT_CHUNK = 65_536;

/**
 * Internal customer id → dense index (−1: not a customer of the list), for ids in ascending
 * order. A table when the ids lie close together (the usual case: one import creates them in a
 * run), a binary search otherwise.
 */
function denseIndex(ids: Int32Array): (id: number) => number {
	const n = ids.length;
	if (n === 0) return () => -1;
	const low = ids[0]!;
	const span = ids[n - 1]! - low + 1;
	if (span <= 4 * n + 1024) {
		const table = new Int32Array(span).fill(-1);
		for (let i = 0; i < n; i++) table[ids[i]! - low] = i;
		return (id) => (id >= low && id - low < span ? table[id - low]! : -1);
	}
	return (id) => {
		let lo = 0;
		let hi = n - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >>> 1;
			const value = ids[mid]!;
			if (value === id) return mid;
			if (value < id) lo = mid + 1;
			else hi = mid - 1;
		}
		return -1;
	};
}

/**
 * Reads the workspace's events as columns, yielding between reads so that the caller can let
 * other requests run (see journeyData).
 *
 * Handing millions of rows one by one from SQLite to JavaScript costs more than reading them:
 * each read gathers up to EVENT_CHUNK rows into JSON arrays inside SQLite, which JSON.parse
 * turns back in one go. When the workspace's rows lie close together by id (one import writes
 * them in a run), reads go by id range, scanning the table in its own order; otherwise by event
 * type along the type index, so that other workspaces' rows are never scanned.
 *
 * The rows read are those up to the highest id seen at the start: rows that an import adds
 * meanwhile wait for the next dataset version, which that import raises. A row whose customer
 * was erased meanwhile is left out.
 */
export function* readEventColumns(workspaceId: string): Generator<void, EventColumns, void> {
	const client = getDb().$client;
	const bounds = client
		.prepare('select count(*) as count, min(id) as low, max(id) as high from customer_events where workspace_id = ?')
		.get(workspaceId) as { count: number; low: number | null; high: number | null };
	const customers = client.prepare('select id, external_id from customers where workspace_id = ? order by id').raw().all(workspaceId) as [number, string][];
	const customerIds = Int32Array.from(customers, ([id]) => id);
	const indexOf = denseIndex(customerIds);
	const count = bounds.count;
	const customer = new Int32Array(count);
	const at = new Float64Array(count);
	const type = new Int32Array(count);
	const channel = new Int32Array(count);
	const typeCodes = new Map<string, number>();
	const channelCodes = new Map<string, number>();
	const code = (codes: Map<string, number>, value: string) => {
		let found = codes.get(value);
		if (found === undefined) codes.set(value, (found = codes.size));
		return found;
	};
	let row = 0;
	/** Appends a read: JSON arrays of customer ids, moments, channels and types (or one type code for all). */
	const append = (customersJson: string, momentsJson: string, channelsJson: string, types: string | number) => {
		const ids = JSON.parse(customersJson) as number[];
		const moments = JSON.parse(momentsJson) as number[];
		const names = JSON.parse(channelsJson) as (string | null)[];
		const typeNames = typeof types === 'string' ? (JSON.parse(types) as string[]) : null;
		const first = row;
		for (let i = 0; i < ids.length && row < count; i++) {
			const index = indexOf(ids[i]!);
			if (index < 0) continue;
			const name = names[i];
			customer[row] = index;
			at[row] = moments[i]!;
			type[row] = i;
			channel[row] = name === null ? -1 : code(channelCodes, name!);
			row++;
		}
		// The row's position in the read stood in for its type until here.
		if (typeNames) for (let r = first; r < row; r++) type[r] = code(typeCodes, typeNames[type[r]!]!);
		else type.fill(types as number, first, row);
	};

	if (count > 0 && bounds.low !== null && bounds.high !== null) {
		const { low, high } = bounds;
		// Scanning by id pays for other workspaces' rows in the range; at 1 in 8 it still wins.
		if (count * 8 >= high - low + 1) {
			// `+workspace_id`: filter, do not search, by workspace; the id range is the search.
			const read = client
				.prepare(
					`select json_group_array(customer_id), json_group_array(occurred_at), json_group_array(channel), json_group_array(event_type)
					from customer_events where id >= ? and id < ? and +workspace_id = ?`
				)
				.raw();
			for (let from = low; from <= high && row < count; from += EVENT_CHUNK) {
				const [ids, moments, names, types] = read.get(from, Math.min(from + EVENT_CHUNK, high + 1), workspaceId) as [string, string, string, string];
				append(ids, moments, names, types);
				yield;
			}
		} else {
			const types = client
				.prepare('select distinct event_type from customer_events where workspace_id = ? order by event_type')
				.pluck()
				.all(workspaceId) as string[];
			const read = client
				.prepare(
					`select json_group_array(customer_id), json_group_array(occurred_at), json_group_array(channel), max(id), count(*) from (
						select id, customer_id, occurred_at, channel from customer_events
						where workspace_id = ? and event_type = ? and id > ? and id <= ? order by id limit ?
					)`
				)
				.raw();
			for (const eventType of types) {
				const typeCode = code(typeCodes, eventType);
				for (let after = low - 1; row < count; ) {
					const [ids, moments, names, last, got] = read.get(workspaceId, eventType, after, high, EVENT_CHUNK) as [string, string, string, number | null, number];
					if (got > 0) append(ids, moments, names, typeCode);
					yield;
					if (got < EVENT_CHUNK || last === null) break;
					after = last;
				}
			}
		}
	}

	// Codes in name order, whichever order the rows came in.
	const sorted = (codes: Map<string, number>) => {
		const names = [...codes.keys()].sort();
		const remap = new Int32Array(codes.size);
		names.forEach((name, index) => (remap[codes.get(name)!] = index));
		return { names, remap };
	};
	const types = sorted(typeCodes);
	const channels = sorted(channelCodes);
	for (let i = 0; i < row; i++) {
		type[i] = types.remap[type[i]!]!;
		if (channel[i]! >= 0) channel[i] = channels.remap[channel[i]!]!;
	}
	return {
		customer: customer.subarray(0, row),
		at: at.subarray(0, row),
		type: type.subarray(0, row),
		channel: channel.subarray(0, row),
		eventTypes: types.names,
		channels: channels.names,
		customerCount: customerIds.length,
		customerIds,
		externalIds: customers.map(([, externalId]) => externalId)
	};
}

/** All of readEventColumns at once. */
export function eventColumns(workspaceId: string): EventColumns {
	const reading = readEventColumns(workspaceId);
	for (;;) {
		const step = reading.next();
		if (step.done) return step.value;
	}
}

/** Revenue per customer (internal id → sum of amounts). */
export function revenueByCustomer(workspaceId: string): Map<number, number> {
	const rows = getDb()
		.$client.prepare('select customer_id, sum(amount) from customer_transactions where workspace_id = ? group by customer_id')
		.raw()
		.all(workspaceId) as [number, number][];
	return new Map(rows);
}

/** Event types that say a customer complained or needed help (the domain's examples). */
export const COMPLAINT_EVENT_TYPES = ['complaint', 'contact_customer_service'] as const;

export type { StepVoices } from '$lib/domain/metrics';

/**
 * What customers said near a journey step: comments on answers tagged with its event types, and
 * how many complained or called within `windowMs` of their first event of the step.
 */
export function stepVoices(
	workspaceId: string,
	filter: RuleFilter | null,
	eventTypes: readonly string[],
	options: { windowMs: number; from: number | null; to: number | null; limit?: number }
): StepVoices {
	const client = getDb().$client;
	const types = eventTypes.map(() => '?').join(', ');
	const from = options.from ?? -8.64e15;
	const to = options.to ?? 8.64e15;
	const answers = scope('s.customer_id', workspaceId, filter);
	const comments = client
		.prepare(
			`select s.kind, s.score, s.comment, s.occurred_at as at from survey_responses s
			where s.workspace_id = ? and s.event_type in (${types}) and s.comment is not null and trim(s.comment) <> ''
				and s.occurred_at between ? and ?${answers.sql}
			order by s.occurred_at desc, s.id desc limit ?`
		)
		.all(workspaceId, ...eventTypes, from, to, ...answers.params, options.limit ?? 5) as StepVoices['comments'];
	const reached = scope('e.customer_id', workspaceId, filter);
	const complaints = COMPLAINT_EVENT_TYPES.map(() => '?').join(', ');
	const complainants = client
		.prepare(
			`select count(distinct c.customer_id) from customer_events c
			join (
				select e.customer_id, min(e.occurred_at) as at from customer_events e
				where e.workspace_id = ? and e.event_type in (${types}) and e.occurred_at between ? and ?${reached.sql}
				group by e.customer_id
			) s on s.customer_id = c.customer_id
			where c.workspace_id = ? and c.event_type in (${complaints}) and c.occurred_at >= s.at and c.occurred_at <= s.at + ?`
		)
		.pluck()
		.get(workspaceId, ...eventTypes, from, to, ...reached.params, workspaceId, ...COMPLAINT_EVENT_TYPES, options.windowMs) as number;
	return { comments, complainants };
}
