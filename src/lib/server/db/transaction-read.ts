import type Database from 'better-sqlite3';
import type { Stepwise } from '$lib/domain/stepwise';
import type { WorkerFailure } from '../workers/one-answer';
import { readCustomers } from './event-read';
import { published } from './published';

/*
 * Reading a workspace's transactions (a million rows, a second of work) as columns, and what the
 * analyses read beside them, in pieces that the server thread and the transaction reader worker
 * (transaction-reader.worker.ts) share. Takes its connection as an argument and imports no other
 * server code but event-read.ts and published.ts: the worker bundle holds it and better-sqlite3.
 */

/** A condition on the customer column of a statement: `and <column> in (…group…)`, or '' for every customer. */
export interface ScopeSql {
	sql: string;
	params: (string | number)[];
}

/**
 * The transactions in the order a plain read of them gives — along the (workspace, customer,
 * row hash) index — which is the order the summaries meet the customers in. Customers are numbered densely
 * (0…n−1) in order of internal id: `customerIds` and `externalIds` map back.
 */
export interface TransactionColumns {
	customer: Int32Array;
	occurredAt: Float64Array;
	amount: Float64Array;
	/** 1 when the row carries none. */
	quantity: Float64Array;
	/** Gross margin in money; NaN when the row carries none. */
	margin: Float64Array;
	customerIds: Int32Array;
	externalIds: string[];
}

/** Per customer of the columns' numbering: NaN where the SQL gives null (no cost known, no category spend). */
export interface FactColumns {
	acquisitionCost: Float64Array;
	categoryTotal: Float64Array;
	categoryOwnSpend: Float64Array;
}

/** What to read, in one read transaction when a worker reads it. */
export interface TransactionReadRequest {
	workspaceId: string;
	/** Rows dated at or after this moment are not counted (futureFromNow, on the server's thread). */
	before: number;
	/** The rows, of a group's customers or all. */
	rows?: { group: ScopeSql };
	/** The first and last moments of all the workspace's counted rows (not only the group's). */
	span?: boolean;
	/** The customers' facts, of a group's customers (the others' are NaN) or all. */
	facts?: { group: ScopeSql };
	/** Revenue per customer over every row, whatever its date (internal id → sum of amounts). */
	revenue?: boolean;
}

export interface TransactionReadResult {
	columns: TransactionColumns | null;
	span: { from: number; to: number } | null;
	facts: FactColumns | null;
	revenue: { ids: Int32Array; sums: Float64Array } | null;
}

/** Rows per statement when reading in the server's thread: the event loop runs between them. */
export const TRANSACTION_CHUNK = 32_768;

type Row = [number, number, number, number, number | null, string];

/** Typed columns that grow as rows come in. */
class ColumnsBuilder {
	rows = 0;
	customer = new Int32Array(1024);
	occurredAt = new Float64Array(1024);
	amount = new Float64Array(1024);
	quantity = new Float64Array(1024);
	margin = new Float64Array(1024);

	constructor(private readonly indexOf: Map<number, number>) {}

	private grow(): void {
		const size = this.customer.length * 2;
		const bigger = <T extends Int32Array | Float64Array>(column: T, make: (n: number) => T): T => {
			const copy = make(size);
			copy.set(column);
			return copy;
		};
		this.customer = bigger(this.customer, (n) => new Int32Array(n));
		this.occurredAt = bigger(this.occurredAt, (n) => new Float64Array(n));
		this.amount = bigger(this.amount, (n) => new Float64Array(n));
		this.quantity = bigger(this.quantity, (n) => new Float64Array(n));
		this.margin = bigger(this.margin, (n) => new Float64Array(n));
	}

	/** A row of no listed customer (erased meanwhile) is left out, as the join of a plain read leaves it out. */
	add(row: Row): void {
		const index = this.indexOf.get(row[0]);
		if (index === undefined) return;
		if (this.rows === this.customer.length) this.grow();
		const r = this.rows++;
		this.customer[r] = index;
		this.occurredAt[r] = row[1];
		this.amount[r] = row[2];
		this.quantity[r] = row[3];
		this.margin[r] = row[4] ?? Number.NaN;
	}

	finish(customers: { ids: Int32Array; externalIds: string[] }): TransactionColumns {
		// Copies, not views: the worker transfers each buffer whole.
		return {
			customer: this.customer.slice(0, this.rows),
			occurredAt: this.occurredAt.slice(0, this.rows),
			amount: this.amount.slice(0, this.rows),
			quantity: this.quantity.slice(0, this.rows),
			margin: this.margin.slice(0, this.rows),
			customerIds: customers.ids,
			externalIds: customers.externalIds
		};
	}
}

/**
 * The rows of the request, along the (workspace, customer, row hash) index. With `chunk`, in
 * statements of that many rows each continuing after the last one's customer and hash (an open iterator would keep the
 * connection busy for every other statement), yielding between them, and only rows with ids up
 * to those published when it started, so that an import finishing meanwhile does not show in
 * half of them; without, one statement (a worker's read transaction keeps it to one state).
 */
export function* readTransactionColumns(
	client: Database.Database,
	request: TransactionReadRequest & { rows: { group: ScopeSql } },
	chunk: number | null
): Stepwise<TransactionColumns> {
	const customers = readCustomers(client, request.workspaceId, true);
	const indexOf = new Map<number, number>();
	customers.ids.forEach((id, index) => indexOf.set(id, index));
	const built = new ColumnsBuilder(indexOf);
	const { group } = request.rows;
	const select = `select t.customer_id, t.occurred_at, t.amount, coalesce(t.quantity, 1), t.margin, t.row_hash
		from customer_transactions t
		where t.workspace_id = ? and t.occurred_at < ? and ${published('customer_transactions', 't')}${group.sql}`;
	const order = 'order by t.workspace_id, t.customer_id, t.row_hash';
	if (chunk === null) {
		const rows = client.prepare(`${select} ${order}`).raw().iterate(request.workspaceId, request.before, ...group.params) as IterableIterator<Row>;
		for (const row of rows) built.add(row);
		return built.finish(customers);
	}
	const highest = (client.prepare(`select coalesce(max(id), 0) from customer_transactions`).pluck().get() as number) ?? 0;
	const read = client
		.prepare(`${select} and (t.customer_id, t.row_hash) > (?, ?) and +t.id <= ? ${order} limit ?`)
		.raw();
	let after: [number, string] = [0, ''];
	for (;;) {
		const rows = read.all(request.workspaceId, request.before, ...group.params, ...after, highest, chunk) as Row[];
		for (const row of rows) built.add(row);
		if (rows.length < chunk) break;
		const last = rows[rows.length - 1]!;
		after = [last[0], last[5]];
		yield;
	}
	return built.finish(customers);
}

/**
 * First and last moments of the workspace's rows dated before `before`: so that one row dated
 * next year does not make every customer look lapsed.
 */
export function readTransactionSpan(client: Database.Database, workspaceId: string, before: number): { from: number; to: number } | null {
	const row = client
		.prepare(
			`select min(occurred_at) as "from", max(occurred_at) as "to" from customer_transactions
			where workspace_id = ? and occurred_at < ? and ${published('customer_transactions')}`
		)
		.get(workspaceId, before) as { from: number | null; to: number | null };
	return row.from === null || row.to === null ? null : { from: row.from, to: row.to };
}

/** The span from the columns when they hold every counted row (no group): the same rows, no second scan. */
export function spanOfColumns(columns: TransactionColumns): { from: number; to: number } | null {
	if (columns.occurredAt.length === 0) return null;
	let from = Infinity;
	let to = -Infinity;
	for (const at of columns.occurredAt) {
		if (at < from) from = at;
		if (at > to) to = at;
	}
	return { from, to };
}

/** The customers' facts (of `group`), as columns over `customerIds` (ascending internal ids). */
export function readFactColumns(client: Database.Database, workspaceId: string, group: ScopeSql, customerIds: Int32Array): FactColumns {
	const rows = client
		.prepare(
			`select c0.id, c0.acquisition_cost,
				(select sum(cs.category_total) from category_spend cs where cs.customer_id = c0.id and cs.category_total is not null),
				(select sum(cs.amount) from category_spend cs where cs.customer_id = c0.id and cs.category_total is not null)
			from customers c0 where c0.workspace_id = ? and ${published('customers', 'c0')}${group.sql}`
		)
		.raw()
		.iterate(workspaceId, ...group.params) as IterableIterator<[number, number | null, number | null, number | null]>;
	const n = customerIds.length;
	const facts: FactColumns = {
		acquisitionCost: new Float64Array(n).fill(Number.NaN),
		categoryTotal: new Float64Array(n).fill(Number.NaN),
		categoryOwnSpend: new Float64Array(n).fill(Number.NaN)
	};
	const indexOf = new Map<number, number>();
	customerIds.forEach((id, index) => indexOf.set(id, index));
	for (const [id, cost, total, own] of rows) {
		const index = indexOf.get(id);
		if (index === undefined) continue;
		facts.acquisitionCost[index] = cost ?? Number.NaN;
		facts.categoryTotal[index] = total ?? Number.NaN;
		facts.categoryOwnSpend[index] = own ?? Number.NaN;
	}
	return facts;
}

/** Revenue per customer over every row of the workspace, as two columns. */
export function readRevenue(client: Database.Database, workspaceId: string): { ids: Int32Array; sums: Float64Array } {
	const rows = client
		.prepare(`select customer_id, sum(amount) from customer_transactions where workspace_id = ? and ${published('customer_transactions')} group by customer_id`)
		.raw()
		.all(workspaceId) as [number, number][];
	return { ids: Int32Array.from(rows, ([id]) => id), sums: Float64Array.from(rows, ([, sum]) => sum) };
}

/**
 * Everything the request asks for. `chunk` as for readTransactionColumns; the other statements
 * run whole (each is one aggregate or one row per customer).
 */
export function* readTransactionData(client: Database.Database, request: TransactionReadRequest, chunk: number | null): Stepwise<TransactionReadResult> {
	const columns = request.rows ? yield* readTransactionColumns(client, { ...request, rows: request.rows }, chunk) : null;
	if (request.span || request.facts || request.revenue) yield;
	const span = !request.span ? null : columns && request.rows!.group.sql === '' ? spanOfColumns(columns) : readTransactionSpan(client, request.workspaceId, request.before);
	if (request.facts) yield;
	const facts = request.facts
		? readFactColumns(client, request.workspaceId, request.facts.group, columns?.customerIds ?? readCustomers(client, request.workspaceId, false).ids)
		: null;
	if (request.revenue) yield;
	const revenue = request.revenue ? readRevenue(client, request.workspaceId) : null;
	return { columns, span, facts, revenue };
}

export interface TransactionWorkerRequest {
	databasePath: string;
	request: TransactionReadRequest;
}

export type TransactionReadAnswer = { type: 'done'; result: TransactionReadResult } | WorkerFailure;

/** The buffers of a result, to transfer rather than copy. */
export function resultBuffers(result: TransactionReadResult): ArrayBuffer[] {
	const { columns, facts, revenue } = result;
	const views = [
		...(columns ? [columns.customer, columns.occurredAt, columns.amount, columns.quantity, columns.margin, columns.customerIds] : []),
		...(facts ? [facts.acquisitionCost, facts.categoryTotal, facts.categoryOwnSpend] : []),
		...(revenue ? [revenue.ids, revenue.sums] : [])
	];
	// A column may share its buffer with another (customerIds of an empty read): each once.
	return [...new Set(views.map((view) => view.buffer as ArrayBuffer))];
}
