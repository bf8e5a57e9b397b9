import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runToEnd } from '$lib/domain/stepwise';
import { spawnSourceWorker } from '../workers/source';
import { openDatabase, type Db } from './connection';
import { readTransactionData, type ScopeSql, type TransactionReadRequest, type TransactionReadResult } from './transaction-read';
import { readTransactionsFallingBack, readTransactionsInWorker, terminateTransactionReaders, TransactionReaderStopped } from './transaction-reader';

/*
 * The worker read against the read in this thread (in chunks of a few rows and in one go) and
 * against the statements the analyses ran before, on a database of two workspaces whose rows
 * lie between each other's: some dated after "today", some without quantity or margin, a
 * customer erased (its rows linger), a group, and an import still moving in.
 */

let dir: string;
let path: string;
let db: Db;

const BEFORE = 1_700_000_000_000 + 4000 * 1000;
const spawn = () => spawnSourceWorker(new URL('./transaction-reader.worker.ts', import.meta.url), 'transaction-reader');
/** Customers whose external id ends in 3: a group. */
const group = (column: string): ScopeSql => ({ sql: ` and ${column} in (select id from customers where workspace_id = ? and external_id like ?)`, params: ['shop', '%3'] });
const everyone: ScopeSql = { sql: '', params: [] };

const request = (rows: ScopeSql | null, facts: ScopeSql | null): TransactionReadRequest => ({
	workspaceId: 'shop',
	before: BEFORE,
	...(rows ? { rows: { group: rows } } : {}),
	span: true,
	...(facts ? { facts: { group: facts } } : {}),
	revenue: true
});

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'waymark-transaction-reader-'));
	path = join(dir, 'transactions.db');
	db = openDatabase(path);
	const client = db.$client;
	client.pragma('foreign_keys = OFF');
	const customer = client.prepare('insert into customers (workspace_id, external_id, acquisition_cost, created_at) values (?, ?, ?, 0)');
	const transaction = client.prepare(
		'insert into customer_transactions (workspace_id, customer_id, occurred_at, amount, quantity, margin, row_hash) values (?, ?, ?, ?, ?, ?, ?)'
	);
	const spend = client.prepare('insert into category_spend (customer_id, category, amount, category_total) values (?, ?, ?, ?)');
	let seed = 11;
	const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
	client.transaction(() => {
		const ids: Record<string, number[]> = { shop: [], other: [] };
		for (let c = 0; c < 400; c++) {
			for (const ws of ['shop', 'other']) ids[ws]!.push(Number(customer.run(ws, `${ws}-${c}`, c % 3 === 0 ? null : c * 1.5).lastInsertRowid));
		}
		for (const [c, id] of ids.shop!.entries()) if (c % 4 === 3) spend.run(id, 'books', c * 2.25, c % 8 === 7 ? null : c * 10.5);
		for (let i = 0; i < 6000; i++) {
			const ws = i % 3 === 0 ? 'other' : 'shop';
			const list = ids[ws]!;
			// Whole seconds, some after BEFORE: those are not counted.
			const at = 1_700_000_000_000 + Math.floor(random() * 4400) * 1000;
			const amount = Math.round(random() * 10_000) / 100 + 0.1;
			transaction.run(ws, list[Math.floor(random() * list.length)]!, at, amount, i % 5 === 0 ? null : 1 + (i % 3), i % 2 === 0 ? null : amount / 3, `${(Math.imul(i + 1, 0x9e3779b1) >>> 0).toString(16)}:0`);
		}
		client.prepare('delete from customers where id = ?').run(ids.shop![1]!);
		// An import moving in: its rows (above the bound) are not to be seen yet.
		const highest = client.prepare('select max(id) from customer_transactions').pluck().get() as number;
		client.prepare(`insert into import_moves (import_id, table_name, rows_above, customers_above, created_at) values ('moving', 'customer_transactions', ?, 1000000, 0)`).run(highest);
		for (let i = 0; i < 50; i++) transaction.run('shop', ids.shop![7]!, 1_700_000_000_000, 1000, 1, null, `moving-${i}`);
	})();
});

afterAll(() => {
	db.$client.close();
	rmSync(dir, { recursive: true, force: true });
});

/** The rows as the analyses read them before (db.transactionRows's statement), in its order. */
function previousRows(scope: ScopeSql): string[] {
	return (
		db.$client
			.prepare(
				`select c.external_id, t.occurred_at, t.amount, coalesce(t.quantity, 1), t.margin
				from customer_transactions t join customers c on c.id = t.customer_id
				where t.workspace_id = ? and t.occurred_at < ? and +t.id <= (select coalesce(min(rows_above), 9223372036854775807) from import_moves where table_name = 'customer_transactions')${scope.sql}`
			)
			.raw()
			.all('shop', BEFORE, ...scope.params) as unknown[][]
	).map((row) => row.join('|'));
}

const rowsOf = (result: TransactionReadResult) => {
	const c = result.columns!;
	return Array.from(c.customer, (customer, i) => [c.externalIds[customer], c.occurredAt[i], c.amount[i], c.quantity[i], Number.isNaN(c.margin[i]) ? '' : c.margin[i]].join('|'));
};

/** Equal results: every typed array byte for byte (NaN included), the rest by value. */
function expectSame(actual: TransactionReadResult, expected: TransactionReadResult): void {
	const flat = (result: TransactionReadResult) => ({ ...result.columns, ...result.facts, ...result.revenue, span: result.span });
	const [a, b] = [flat(actual), flat(expected)] as Record<string, unknown>[];
	expect(Object.keys(a!).sort()).toEqual(Object.keys(b!).sort());
	for (const key of Object.keys(b!)) {
		const [x, y] = [a![key], b![key]];
		if (ArrayBuffer.isView(y)) {
			const view = x as Float64Array;
			expect(view.constructor, key).toBe(y.constructor);
			expect(Buffer.from(view.buffer, view.byteOffset, view.byteLength).equals(Buffer.from(y.buffer, y.byteOffset, y.byteLength)), key).toBe(true);
		} else expect(x, key).toEqual(y);
	}
}

describe('transactions read as columns off the server thread', () => {
	it.each([
		['every customer', everyone, everyone],
		['a group', group('t.customer_id'), group('c0.id')]
	])('gives the rows of the previous read, in its order (%s)', (_, rows, facts) => {
		const inOneGo = runToEnd(readTransactionData(db.$client, request(rows, facts), null));
		const expected = previousRows(rows);
		expect(expected.length).toBeGreaterThan(rows === everyone ? 3000 : 300);
		expect(rowsOf(inOneGo)).toEqual(expected);
		// In chunks of 7 rows, continuing after each chunk's last hash: the same columns.
		expectSame(runToEnd(readTransactionData(db.$client, request(rows, facts), 7)), inOneGo);
	});

	it("gives the span, facts and revenue of the repository's statements", () => {
		const result = runToEnd(readTransactionData(db.$client, request(group('t.customer_id'), group('c0.id')), 64));
		const span = db.$client
			.prepare(`select min(occurred_at) as "from", max(occurred_at) as "to" from customer_transactions where workspace_id = 'shop' and occurred_at < ? and id <= (select min(rows_above) from import_moves)`)
			.get(BEFORE);
		// The workspace's span, not the group's.
		expect(result.span).toEqual(span);
		expect(runToEnd(readTransactionData(db.$client, request(everyone, null), null)).span).toEqual(span);
		const { columns, facts } = result;
		const known = (value: number) => (Number.isNaN(value) ? null : value);
		const factRows = Array.from(columns!.externalIds, (externalId, i) => [externalId, known(facts!.acquisitionCost[i]!), known(facts!.categoryTotal[i]!), known(facts!.categoryOwnSpend[i]!)]).filter(([id]) => String(id).endsWith('3'));
		const expectedFacts = db.$client
			.prepare(
				`select c0.external_id, c0.acquisition_cost,
					(select sum(cs.category_total) from category_spend cs where cs.customer_id = c0.id and cs.category_total is not null),
					(select sum(cs.amount) from category_spend cs where cs.customer_id = c0.id and cs.category_total is not null)
				from customers c0 where c0.workspace_id = 'shop' and c0.external_id like '%3' order by c0.id`
			)
			.raw()
			.all();
		expect(factRows).toEqual(expectedFacts);
		expect(factRows.some(([, , total]) => total !== null)).toBe(true);
		// Customers outside the group have no facts.
		expect(Number.isNaN(facts!.acquisitionCost[columns!.externalIds.indexOf('shop-2')]!)).toBe(true);
		const revenue = db.$client
			.prepare(`select customer_id, sum(amount) from customer_transactions where workspace_id = 'shop' and id <= (select min(rows_above) from import_moves) group by customer_id`)
			.raw()
			.all() as [number, number][];
		expect(Array.from(result.revenue!.ids)).toEqual(revenue.map(([id]) => id));
		expect(Array.from(result.revenue!.sums)).toEqual(revenue.map(([, sum]) => sum));
	});

	it.each([
		['every customer', everyone, everyone],
		['a group', group('t.customer_id'), group('c0.id')]
	])('gives exactly the columns of the read in this thread in a worker (%s)', async (_, rows, facts) => {
		const inWorker = await readTransactionsInWorker(path, request(rows, facts), spawn);
		expectSame(inWorker, runToEnd(readTransactionData(db.$client, request(rows, facts), 100)));
	}, 60_000);

	it('gives empty columns and no span for a workspace without transactions', async () => {
		const result = await readTransactionsInWorker(path, { ...request(everyone, everyone), workspaceId: 'nobody' }, spawn);
		expect(result.columns!.customer.length).toBe(0);
		expect(result.span).toBeNull();
		expectSame(result, runToEnd(readTransactionData(db.$client, { ...request(everyone, everyone), workspaceId: 'nobody' }, 5)));
	}, 60_000);

	it("fails with the worker's error, or as stopped when the worker dies", async () => {
		await expect(readTransactionsInWorker(join(dir, 'missing.db'), request(everyone, null), spawn)).rejects.toThrow(/unable to open|does not exist/i);
		await expect(readTransactionsInWorker(path, request(everyone, null), () => new Worker('process.exit(3)', { eval: true }))).rejects.toBeInstanceOf(TransactionReaderStopped);
	});

	it('reads in this thread, with a log, when the worker fails', async () => {
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			const result = await readTransactionsFallingBack(db.$client, request(everyone, everyone), () => new Worker('process.exit(3)', { eval: true }));
			expectSame(result, runToEnd(readTransactionData(db.$client, request(everyone, everyone), null)));
			expect(logged).toHaveBeenCalledTimes(1);
			expect(String(logged.mock.calls[0]![0])).toMatch(/worker thread failed; reading them in the server thread/);
		} finally {
			logged.mockRestore();
		}
	});

	// Last: after a shutdown no read starts over.
	it('fails, without reading again, when the worker is stopped for shutdown', async () => {
		const reading = readTransactionsFallingBack(db.$client, request(everyone, null), () => new Worker('setInterval(() => {}, 1000)', { eval: true }));
		await terminateTransactionReaders();
		await expect(reading).rejects.toBeInstanceOf(TransactionReaderStopped);
	});
});
