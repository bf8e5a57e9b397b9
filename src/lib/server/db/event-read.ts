import type Database from 'better-sqlite3';
import type { EventLog } from '../analytics/funnel/types';
import type { WorkerFailure } from '../workers/one-answer';
import { published } from './published';

/*
 * Reading a workspace's events as columns, in pieces that the server thread and the event reader
 * workers (event-reader.worker.ts) share: a plan, the reading of one id range of it, and the
 * merge of the ranges' parts into one set of columns. Reading [a, b] and [b + 1, c] and merging
 * gives exactly what reading [a, c] gives, so the rows and codes do not depend on how many
 * threads read. This module takes its connection as an argument and imports no other server
 * code but published.ts (which imports nothing): the worker bundle holds it and better-sqlite3.
 */

/**
 * All events of a workspace as the funnel's event log, customers numbered densely (0…n−1) in
 * order of their internal id; `customerIds` maps back. Event types and channels become codes, in
 * name order.
 */
export interface EventColumns extends EventLog {
	customerIds: Int32Array;
	externalIds: string[];
}

/** A workspace's customers in ascending order of internal id: whom the columns number densely. */
export interface Customers {
	ids: Int32Array;
	/** Empty when not asked for (see readCustomers). */
	externalIds: string[];
}

/**
 * How to read: by id range, scanning the table in its own order, when the workspace's rows lie
 * close together (one import writes them in a run); otherwise type by type along the type index,
 * so that other workspaces' rows are never scanned. `types` in name order; `low`…`high` the ids
 * of the workspace's rows when planned (rows added later wait for the next dataset version).
 */
export interface EventReadPlan {
	by: 'id' | 'type';
	low: number;
	high: number;
	types: string[];
	/** The workspace's share of the ids low…high (as sampled): what a range's rows are expected to be. */
	share: number;
}

/**
 * One id range of a plan as read: customers numbered densely in `customerIds` (the workspace's
 * customers as the part's reader saw them), types and channels by codes of the part's own.
 */
export interface EventPart {
	customerIds: Int32Array;
	/** The external ids of `customerIds`, when the reader was asked for them. */
	externalIds: string[] | null;
	customer: Int32Array;
	at: Float64Array;
	type: Int32Array;
	/** −1: no channel. */
	channel: Int32Array;
	typeNames: string[];
	channelNames: string[];
	/** Rows of the plan's groups (one for a read by id, one per type for a read by type): group g ends before groupEnds[g]. */
	groupEnds: Int32Array;
}

/** Rows per read: the event loop may run between reads, and a read costs little beyond its rows. */
export const EVENT_CHUNK = 65_536;

/** Ids looked at to tell how close together a workspace's rows lie: SAMPLE_WINDOWS runs of SAMPLE_IDS. */
const SAMPLE_WINDOWS = 64;
const SAMPLE_IDS = 128;

/**
 * The plan of a workspace's read, from a few index lookups (counting the rows would scan five
 * million index entries, half a second): each type's lowest and highest id (the type index ends
 * in the id), and the share of the workspace's rows among ids sampled evenly over that range —
 * all of them when the range is short. Scanning by id pays for other workspaces' rows in the
 * range; at 1 in 8 it still wins.
 */
export function planEventRead(client: Database.Database, workspaceId: string): EventReadPlan {
	const types = client
		.prepare(
			`with recursive types(name) as (
				select min(event_type) from customer_events where workspace_id = :w and ${published('customer_events')}
				union all
				select (select min(event_type) from customer_events where workspace_id = :w and event_type > types.name and ${published('customer_events')})
				from types where types.name is not null
			)
			select name,
				(select min(id) from customer_events where workspace_id = :w and event_type = name and ${published('customer_events')}),
				(select max(id) from customer_events where workspace_id = :w and event_type = name and ${published('customer_events', 'customer_events', { searchById: true })})
			from types where name is not null`
		)
		.raw()
		.all({ w: workspaceId }) as [string, number, number][];
	if (types.length === 0) return { by: 'id', low: 1, high: 0, types: [], share: 0 };
	const low = Math.min(...types.map(([, first]) => first));
	const high = Math.max(...types.map(([, , last]) => last));
	const span = high - low + 1;
	// `+workspace_id`: filter, do not search, by workspace; the id range is the search.
	const own = client
		.prepare(`select count(*) from customer_events where id >= ? and id < ? and +workspace_id = ? and ${published('customer_events')}`)
		.pluck();
	let seen = 0;
	let looked = 0;
	if (span <= SAMPLE_WINDOWS * SAMPLE_IDS) {
		seen = own.get(low, high + 1, workspaceId) as number;
		looked = span;
	} else {
		for (let w = 0; w < SAMPLE_WINDOWS; w++) {
			const from = low + Math.floor((w * (span - SAMPLE_IDS)) / (SAMPLE_WINDOWS - 1));
			seen += own.get(from, from + SAMPLE_IDS, workspaceId) as number;
			looked += SAMPLE_IDS;
		}
	}
	return { by: seen * 8 >= looked ? 'id' : 'type', low, high, types: types.map(([name]) => name), share: seen / looked };
}

/** The plan's ids cut into `parts` ranges of about equal length (fewer when there are few ids). */
export function splitPlan(plan: EventReadPlan, parts: number): { from: number; to: number }[] {
	const span = plan.high - plan.low + 1;
	if (span <= 0) return [];
	const count = Math.max(1, Math.min(parts, Math.ceil(span / EVENT_CHUNK)));
	return Array.from({ length: count }, (_, i) => ({
		from: plan.low + Math.floor((i * span) / count),
		to: plan.low + Math.floor(((i + 1) * span) / count) - 1
	}));
}

/** Typed columns that grow as reads come in. */
class PartBuilder {
	rows = 0;
	customer: Int32Array;
	at: Float64Array;
	type: Int32Array;
	channel: Int32Array;
	readonly typeCodes = new Map<string, number>();
	readonly channelCodes = new Map<string, number>();
	private readonly indexOf: (id: number) => number;

	constructor(
		capacity: number,
		private readonly customerIds: Int32Array
	) {
		this.indexOf = denseIndex(customerIds);
		this.customer = new Int32Array(capacity);
		this.at = new Float64Array(capacity);
		this.type = new Int32Array(capacity);
		this.channel = new Int32Array(capacity);
	}

	code(codes: Map<string, number>, value: string): number {
		let found = codes.get(value);
		if (found === undefined) codes.set(value, (found = codes.size));
		return found;
	}

	private reserve(extra: number): void {
		const needed = this.rows + extra;
		if (needed <= this.customer.length) return;
		const capacity = Math.max(needed, this.customer.length * 2);
		const grow = <T extends Int32Array | Float64Array>(column: T, make: (n: number) => T): T => {
			const bigger = make(capacity);
			bigger.set(column.subarray(0, this.rows));
			return bigger;
		};
		this.customer = grow(this.customer, (n) => new Int32Array(n));
		this.at = grow(this.at, (n) => new Float64Array(n));
		this.type = grow(this.type, (n) => new Int32Array(n));
		this.channel = grow(this.channel, (n) => new Int32Array(n));
	}

	/** A read: JSON arrays of customer ids, moments, channels and types (or one type code for all). A row of no listed customer is left out. */
	append(customersJson: string, momentsJson: string, channelsJson: string, types: string | number): void {
		const ids = JSON.parse(customersJson) as number[];
		const moments = JSON.parse(momentsJson) as number[];
		const names = JSON.parse(channelsJson) as (string | null)[];
		const typeNames = typeof types === 'string' ? (JSON.parse(types) as string[]) : null;
		this.reserve(ids.length);
		const { customer, at, type, channel, channelCodes, typeCodes, indexOf } = this;
		let row = this.rows;
		for (let i = 0; i < ids.length; i++) {
			const index = indexOf(ids[i]!);
			if (index < 0) continue;
			const name = names[i];
			customer[row] = index;
			at[row] = moments[i]!;
			channel[row] = name === null ? -1 : this.code(channelCodes, name!);
			type[row] = typeNames ? this.code(typeCodes, typeNames[i]!) : (types as number);
			row++;
		}
		this.rows = row;
	}

	/** The rows read, as views of the columns (not copies: the merge copies them, and a worker transfers the buffers whole). */
	finish(groupEnds: number[]): EventPart {
		const names = (codes: Map<string, number>) => [...codes.keys()];
		return {
			customerIds: this.customerIds,
			externalIds: null,
			customer: this.customer.subarray(0, this.rows),
			at: this.at.subarray(0, this.rows),
			type: this.type.subarray(0, this.rows),
			channel: this.channel.subarray(0, this.rows),
			typeNames: names(this.typeCodes),
			channelNames: names(this.channelCodes),
			groupEnds: Int32Array.from(groupEnds)
		};
	}
}

/**
 * Reads the plan's rows with ids from…to (inclusive), their customers numbered densely in
 * `customerIds` (ascending internal ids; a row of another customer is left out), yielding between reads so that a caller on
 * the server thread can let other requests run. Handing millions of rows one by one from SQLite
 * to JavaScript costs more than reading them: each read gathers up to EVENT_CHUNK rows into JSON
 * arrays inside SQLite, which JSON.parse turns back in one go.
 */
export function* readEventPart(
	client: Database.Database,
	workspaceId: string,
	plan: EventReadPlan,
	from: number,
	to: number,
	customerIds: Int32Array
): Generator<void, EventPart, void> {
	// Room for the rows the plan's sample expects, and a margin: the columns seldom grow (each growth copies them).
	const span = Math.max(0, to - from + 1);
	const part = new PartBuilder(Math.min(span, Math.ceil(span * plan.share * 1.25) + EVENT_CHUNK), customerIds);
	if (plan.by === 'id') {
		const read = client
			.prepare(
				`select json_group_array(customer_id), json_group_array(occurred_at), json_group_array(channel), json_group_array(event_type)
				from customer_events where id >= ? and id < ? and +workspace_id = ? and ${published('customer_events')}`
			)
			.raw();
		for (let start = from; start <= to; start += EVENT_CHUNK) {
			const [ids, moments, names, types] = read.get(start, Math.min(start + EVENT_CHUNK, to + 1), workspaceId) as [string, string, string, string];
			part.append(ids, moments, names, types);
			yield;
		}
		return part.finish([part.rows]);
	}
	const read = client
		.prepare(
			`select json_group_array(customer_id), json_group_array(occurred_at), json_group_array(channel), max(id), count(*) from (
				select id, customer_id, occurred_at, channel from customer_events
				where workspace_id = ? and event_type = ? and id > ? and id <= ? and ${published('customer_events')} order by id limit ?
			)`
		)
		.raw();
	const groupEnds: number[] = [];
	for (const eventType of plan.types) {
		const typeCode = part.code(part.typeCodes, eventType);
		for (let after = from - 1; ; ) {
			const [ids, moments, names, last, got] = read.get(workspaceId, eventType, after, to, EVENT_CHUNK) as [string, string, string, number | null, number];
			if (got > 0) part.append(ids, moments, names, typeCode);
			yield;
			if (got < EVENT_CHUNK || last === null) break;
			after = last;
		}
		groupEnds.push(part.rows);
	}
	return part.finish(groupEnds);
}

export { runToEnd } from '../../domain/stepwise';

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

/** The names of several parts' code tables in one name-ordered table, and each part's codes in it. */
function mergeCodes(tables: string[][]): { names: string[]; remaps: Int32Array[] } {
	const names = [...new Set(tables.flat())].sort();
	const codeOf = new Map(names.map((name, code) => [name, code]));
	return { names, remaps: tables.map((table) => Int32Array.from(table, (name) => codeOf.get(name)!)) };
}

/** The same ids in the same order. */
const sameIds = (a: Int32Array, b: Int32Array) =>
	a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

/** Rows merged between two pauses of the server's event loop (five million take half a second): a few ms. */
const MERGE_STEP_ROWS = 64_000;

/**
 * The parts of a plan, in id order, as one set of columns over the workspace's `customers`: rows in the plan's order
 * (by id, or by type and then id), customers numbered densely, codes in name order. A row whose
 * customer is not among `customers` (erased while the rows were read) is left out, and a type or
 * channel that no row read names (all its rows erased meanwhile) with them.
 */
export function* mergeEventParts(plan: EventReadPlan, parts: EventPart[], customers: Customers): Generator<void, EventColumns, void> {
	const customerIds = customers.ids;
	const indexOf = denseIndex(customerIds);
	// A part numbered its customers as its reader saw them; only when they changed meanwhile renumbered here.
	const renumber = parts.map((part) => (sameIds(part.customerIds, customerIds) ? null : Int32Array.from(part.customerIds, indexOf)));
	let total = 0;
	for (const part of parts) total += part.customer.length;
	const customer = new Int32Array(total);
	const at = new Float64Array(total);
	const type = new Int32Array(total);
	const channel = new Int32Array(total);
	const types = mergeCodes(parts.map((p) => p.typeNames));
	const channels = mergeCodes(parts.map((p) => p.channelNames));
	const groups = plan.by === 'id' ? 1 : plan.types.length;
	let row = 0;
	for (let g = 0; g < groups; g++) {
		for (let p = 0; p < parts.length; p++) {
			const part = parts[p]!;
			const start = g === 0 ? 0 : (part.groupEnds[g - 1] ?? 0);
			const end = part.groupEnds[g] ?? start;
			const typeRemap = types.remaps[p]!;
			const channelRemap = channels.remaps[p]!;
			const partType = part.type;
			const partChannel = part.channel;
			const toCustomer = renumber[p];
			if (!toCustomer) {
				customer.set(part.customer.subarray(start, end), row);
				at.set(part.at.subarray(start, end), row);
				for (let from = start; from < end; from += MERGE_STEP_ROWS) {
					const to = Math.min(end, from + MERGE_STEP_ROWS);
					for (let i = from; i < to; i++, row++) {
						const code = partChannel[i]!;
						type[row] = typeRemap[partType[i]!]!;
						channel[row] = code < 0 ? -1 : channelRemap[code]!;
					}
					yield;
				}
				continue;
			}
			for (let from = start; from < end; from += MERGE_STEP_ROWS) {
				const to = Math.min(end, from + MERGE_STEP_ROWS);
				for (let i = from; i < to; i++) {
					const index = toCustomer[part.customer[i]!]!;
					if (index < 0) continue;
					const code = partChannel[i]!;
					customer[row] = index;
					at[row] = part.at[i]!;
					type[row] = typeRemap[partType[i]!]!;
					channel[row] = code < 0 ? -1 : channelRemap[code]!;
					row++;
				}
				yield;
			}
		}
	}
	const kept = {
		type: type.subarray(0, row),
		channel: channel.subarray(0, row)
	};
	return {
		customer: customer.subarray(0, row),
		at: at.subarray(0, row),
		type: kept.type,
		channel: kept.channel,
		eventTypes: yield* dropUnused(types.names, kept.type),
		channels: yield* dropUnused(channels.names, kept.channel),
		customerCount: customerIds.length,
		customerIds,
		externalIds: customers.externalIds
	};
}

/** The names some code uses (in their order), the codes renumbered in place to match. */
function* dropUnused(names: string[], codes: Int32Array): Generator<void, string[], void> {
	const used = new Uint8Array(names.length);
	for (let from = 0; from < codes.length; from += MERGE_STEP_ROWS) {
		const to = Math.min(codes.length, from + MERGE_STEP_ROWS);
		for (let i = from; i < to; i++) if (codes[i]! >= 0) used[codes[i]!] = 1;
		yield;
	}
	if (used.every((u) => u === 1)) return names;
	const renumber = new Int32Array(names.length).fill(-1);
	const kept: string[] = [];
	names.forEach((name, code) => {
		if (used[code]) renumber[code] = kept.push(name) - 1;
	});
	for (let from = 0; from < codes.length; from += MERGE_STEP_ROWS) {
		const to = Math.min(codes.length, from + MERGE_STEP_ROWS);
		for (let i = from; i < to; i++) if (codes[i]! >= 0) codes[i] = renumber[codes[i]!]!;
		yield;
	}
	return kept;
}

/** The workspace's customers, with their external ids or without (reading those costs more than the ids). */
export function readCustomers(client: Database.Database, workspaceId: string, withExternalIds: boolean): Customers {
	if (!withExternalIds) {
		const ids = client.prepare(`select id from customers where workspace_id = ? and ${published('customers')} order by id`).pluck().all(workspaceId) as number[];
		return { ids: Int32Array.from(ids), externalIds: [] };
	}
	const rows = client
		.prepare(`select id, external_id from customers where workspace_id = ? and ${published('customers')} order by id`)
		.raw()
		.all(workspaceId) as [number, string][];
	return { ids: Int32Array.from(rows, ([id]) => id), externalIds: rows.map(([, externalId]) => externalId) };
}

/**
 * Reads the workspace's events as columns in the calling thread, yielding between reads. The
 * rows read are those up to the highest id seen at the start: rows that an import adds meanwhile
 * wait for the next dataset version, which that import raises. A row whose customer was erased
 * meanwhile is left out.
 */
export function* readEventColumnsFrom(client: Database.Database, workspaceId: string): Generator<void, EventColumns, void> {
	const plan = planEventRead(client, workspaceId);
	const customers = readCustomers(client, workspaceId, true);
	const parts: EventPart[] = [];
	for (const { from, to } of splitPlan(plan, 1)) parts.push(yield* readEventPart(client, workspaceId, plan, from, to, customers.ids));
	return yield* mergeEventParts(plan, parts, customers);
}

/** What the server thread asks an event reader worker: one id range of a plan. */
export interface EventReadRequest {
	databasePath: string;
	workspaceId: string;
	plan: EventReadPlan;
	from: number;
	to: number;
	/** Whether to answer with the customers' external ids too (one reader of a read is asked). */
	externalIds: boolean;
}

export type EventReadAnswer = { type: 'done'; part: EventPart } | WorkerFailure;

/** The buffers of a part, to transfer rather than copy. */
export const partBuffers = (part: EventPart): ArrayBuffer[] =>
	[part.customerIds, part.customer, part.at, part.type, part.channel, part.groupEnds].map((column) => column.buffer as ArrayBuffer);
