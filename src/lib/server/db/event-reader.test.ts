import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnSourceWorker } from '../workers/source';
import { openDatabase, type Db } from './connection';
import { planEventRead, readCustomers, readEventColumnsFrom, readEventPart, runToEnd, type EventColumns } from './event-read';
import { EventReaderStopped, readEventColumnsFallingBack, readEventColumnsInWorkers, terminateEventReaders } from './event-reader';

/*
 * The worker read against the read in this thread, on a database of three workspaces: "dense"
 * (its rows in one run, read by id), "spread" (its rows 1 in 11 between "other"'s, read by type)
 * and "other". Enough rows that the ids split into several parts of several reads each.
 */

const CHANNELS = ['web', 'app', 'store', null] as const;
const TYPES = ['view_product', 'add_to_cart', 'purchase', 'complaint', 'login'];

let dir: string;
let path: string;
let db: Db;

const spawn = () => spawnSourceWorker(new URL('./event-reader.worker.ts', import.meta.url), 'event-reader');

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'waymark-event-reader-'));
	path = join(dir, 'events.db');
	db = openDatabase(path);
	const client = db.$client;
	// Only the tables read here are filled: no workspaces or imports behind them.
	client.pragma('foreign_keys = OFF');
	const customer = client.prepare('insert into customers (workspace_id, external_id, created_at) values (?, ?, 0)');
	const event = client.prepare('insert into customer_events (workspace_id, customer_id, occurred_at, event_type, channel, row_hash) values (?, ?, ?, ?, ?, ?)');
	let hash = 0;
	let seed = 7;
	const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
	client.transaction(() => {
		// Customers of the workspaces created in turns: ids not in one run per workspace.
		const ids: Record<string, number[]> = { dense: [], spread: [], other: [] };
		for (let c = 0; c < 3000; c++) {
			for (const ws of ['dense', 'spread', 'other']) ids[ws]!.push(Number(customer.run(ws, `${ws}-${c}`).lastInsertRowid));
		}
		const add = (ws: string) => {
			const list = ids[ws]!;
			const channel = CHANNELS[Math.floor(random() * CHANNELS.length)]!;
			// Whole seconds: moments shared by a customer's events happen.
			event.run(ws, list[Math.floor(random() * list.length)]!, 1_700_000_000_000 + Math.floor(random() * 5000) * 1000, TYPES[Math.floor(random() * TYPES.length)]!, channel, `h${hash++}`);
		};
		for (let i = 0; i < 200_000; i++) add('dense');
		for (let i = 0; i < 220_000; i++) add(i % 11 === 5 ? 'spread' : 'other');
		// A channel only an erased customer's rows name, and that customer erased (its rows linger).
		event.run('spread', ids.spread![0]!, 1_700_000_000_000, 'purchase', 'kiosk', `h${hash++}`);
		client.prepare('delete from customers where id = ?').run(ids.spread![0]!);
	})();
});

afterAll(() => {
	db.$client.close();
	rmSync(dir, { recursive: true, force: true });
});

/** The workspace's rows straight from SQL, as comparable lines (external id, moment, type, channel). */
function expectedRows(workspaceId: string): string[] {
	const rows = db.$client
		.prepare(
			`select c.external_id, e.occurred_at, e.event_type, coalesce(e.channel, '-') from customer_events e
			join customers c on c.id = e.customer_id where e.workspace_id = ?`
		)
		.raw()
		.all(workspaceId) as [string, number, string, string][];
	return rows.map((row) => row.join('|')).sort();
}

/** Equal columns: typed arrays compared byte for byte (toEqual walks 200,000 elements slowly). */
function expectSame(actual: EventColumns, expected: EventColumns): void {
	for (const key of Object.keys(expected) as (keyof EventColumns)[]) {
		const [a, b] = [actual[key], expected[key]];
		if (ArrayBuffer.isView(b)) {
			const view = a as Int32Array;
			expect(view.constructor, key).toBe(b.constructor);
			expect(Buffer.from(view.buffer, view.byteOffset, view.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength)), key).toBe(true);
		} else expect(a, key).toEqual(b);
	}
}

const rowsOf = (columns: EventColumns) =>
	Array.from(columns.customer, (c, i) =>
		[columns.externalIds[c], columns.at[i], columns.eventTypes[columns.type[i]!], columns.channel[i]! < 0 ? '-' : columns.channels[columns.channel[i]!]].join('|')
	).sort();

describe('event columns read in worker threads', () => {
	it('plans a read by id for rows in a run and by type for rows spread out', () => {
		expect(planEventRead(db.$client, 'dense').by).toBe('id');
		expect(planEventRead(db.$client, 'spread').by).toBe('type');
		expect(planEventRead(db.$client, 'nobody')).toEqual({ by: 'id', low: 1, high: 0, types: [], share: 0 });
	});

	it('reads the same rows when the plan expected far fewer (the columns grow)', () => {
		const plan = planEventRead(db.$client, 'dense');
		const { ids } = readCustomers(db.$client, 'dense', false);
		const read = (share: number) => runToEnd(readEventPart(db.$client, 'dense', { ...plan, share }, plan.low, plan.high, ids));
		const [expected, grown] = [read(plan.share), read(0)];
		expect(grown.customer.length).toBe(200_000);
		for (const key of ['customer', 'at', 'type', 'channel'] as const) expect(Buffer.from(grown[key].buffer, 0, grown[key].byteLength).equals(Buffer.from(expected[key].buffer, 0, expected[key].byteLength))).toBe(true);
		expect(grown.typeNames).toEqual(expected.typeNames);
	});

	it.each(['dense', 'spread'])('gives exactly the columns of the read in this thread (%s)', async (workspaceId) => {
		const inThread = runToEnd(readEventColumnsFrom(db.$client, workspaceId));
		expect(rowsOf(inThread).join('\n') === expectedRows(workspaceId).join('\n')).toBe(true);
		expect(inThread.eventTypes).toEqual([...TYPES].sort());
		// Name order, and no "kiosk": only the erased customer's row named it.
		expect(inThread.channels).toEqual(['app', 'store', 'web']);
		expect(inThread.customerCount).toBe(workspaceId === 'spread' ? 2999 : 3000);
		for (const workers of [2, 3]) {
			const inWorkers = await readEventColumnsInWorkers(db.$client, path, workspaceId, spawn, workers);
			expectSame(inWorkers, inThread);
		}
	}, 60_000);

	it('gives empty columns for a workspace without events', async () => {
		const columns = await readEventColumnsInWorkers(db.$client, path, 'nobody', spawn, 2);
		expectSame(columns, runToEnd(readEventColumnsFrom(db.$client, 'nobody')));
		expect(columns.customer.length).toBe(0);
	});

	it("fails with the worker's error, or as stopped when a worker dies, rather than waiting", async () => {
		await expect(readEventColumnsInWorkers(db.$client, join(dir, 'missing.db'), 'dense', spawn, 2)).rejects.toThrow(/unable to open|does not exist/i);
		const dying = () => new Worker('process.exit(3)', { eval: true });
		await expect(readEventColumnsInWorkers(db.$client, path, 'dense', dying, 2)).rejects.toBeInstanceOf(EventReaderStopped);
	});

	it('reads in this thread, with a log, when the workers fail', async () => {
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			const dying = () => new Worker('process.exit(3)', { eval: true });
			const columns = await readEventColumnsFallingBack(db.$client, 'spread', dying, 2);
			expectSame(columns, runToEnd(readEventColumnsFrom(db.$client, 'spread')));
			expect(logged).toHaveBeenCalledTimes(1);
			expect(String(logged.mock.calls[0]![0])).toMatch(/worker threads failed; reading them in the server thread/);
		} finally {
			logged.mockRestore();
		}
	});

	// Last: after a shutdown no read starts over.
	it('fails, without reading again, when the workers are stopped for shutdown', async () => {
		const reading = readEventColumnsFallingBack(db.$client, 'dense', () => new Worker('setInterval(() => {}, 1000)', { eval: true }), 2);
		await terminateEventReaders();
		await expect(reading).rejects.toBeInstanceOf(EventReaderStopped);
	});
});
