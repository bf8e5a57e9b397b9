import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { published } from '../../src/lib/server/db/published';
import { Client, withDatabase } from './helpers';
import { counts, finished, importValid, upload } from './imports';
import { startServer, type ServerProcess } from './server-process';

/*
 * An import's move in chunks (issue 13), against real servers with the real import worker: with
 * 50 rows per chunk a move takes dozens of transactions, and the test holds it between two of them
 * by taking the write lock itself (another connection; the worker's next chunk waits). What
 * readers see then, what a failure, an erasure, a deleted workspace and a crash leave.
 */

const CHUNK_ROWS = '50';
/** Customers the file refers to: K0…K9 exist before it, the others it creates bare. */
const CUSTOMERS = 200;
const ROWS = 3000;

/** Transactions, every row different; K0 … K{customers-1}. */
function transactionsFile(rows = ROWS, customers = CUSTOMERS): string {
	const lines = ['klantnummer;datum;bedrag'];
	for (let i = 0; i < rows; i++) lines.push(`K${i % customers};${String((i % 28) + 1).padStart(2, '0')}-03-2024;${i + 1},50`);
	return lines.join('\n');
}

/** Ten customers with a transaction each: what the workspace holds before the file. */
const EARLIER = ['klantnummer;datum;bedrag', ...Array.from({ length: 10 }, (_, i) => `K${i};01-01-2023;9,99`)].join('\n');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function signUp(server: ServerProcess, email: string): Promise<{ client: Client; workspaceId: string }> {
	const client = new Client(server.baseUrl);
	const signup = await client.post('/api/v1/auth/signup', { email, password: 'a-long-password', name: 'M' });
	expect(signup.status).toBe(201);
	const workspaceId = (await client.post('/api/v1/workspaces', { name: email })).body.id as string;
	await importValid(client, workspaceId, EARLIER, { kind: 'transactions' });
	return { client, workspaceId };
}

/** A connection of the test's own to the server's file, that can hold the write lock. */
class Probe {
	readonly db: Database.Database;
	constructor(path: string) {
		this.db = new Database(path);
		this.db.pragma('busy_timeout = 10000');
	}
	moves = (): string[] => this.db.prepare('select import_id from import_moves').pluck().all() as string[];
	raw = (workspaceId: string) => ({
		transactions: this.db.prepare('select count(*) from customer_transactions where workspace_id = ?').pluck().get(workspaceId) as number,
		customers: this.db.prepare('select count(*) from customers where workspace_id = ?').pluck().get(workspaceId) as number
	});
	/** What every reader of the server sees: the same condition its queries use. */
	visible = (workspaceId: string) => ({
		transactions: this.db
			.prepare(`select count(*) from customer_transactions where workspace_id = ? and ${published('customer_transactions')}`)
			.pluck()
			.get(workspaceId) as number,
		customers: this.db.prepare(`select count(*) from customers where workspace_id = ? and ${published('customers')}`).pluck().get(workspaceId) as number
	});

	/**
	 * Waits until the import's move has written some of its rows (not all: it is still announced),
	 * then takes the write lock: the move stays between two chunks until `release`.
	 */
	async holdMidMove(importId: string, workspaceId: string, before: number): Promise<void> {
		for (let i = 0; i < 20_000; i++) {
			if (this.raw(workspaceId).transactions > before) {
				this.db.exec('begin immediate');
				if (this.moves().includes(importId)) return;
				this.db.exec('rollback');
				throw new Error('the move ended before it was held');
			}
			await sleep(2);
		}
		throw new Error('the move was never seen');
	}
	release(): void {
		this.db.exec('rollback');
	}
	close(): void {
		this.db.close();
	}
}

async function untilNoMoves(probe: Probe): Promise<void> {
	for (let i = 0; i < 2_000 && probe.moves().length > 0; i++) await sleep(10);
	expect(probe.moves()).toEqual([]);
}

describe('an import moving in chunks', () => {
	let server: ServerProcess;
	let probe: Probe;

	beforeAll(async () => {
		server = await startServer({ env: { WAYMARK_IMPORT_MOVE_CHUNK_ROWS: CHUNK_ROWS } });
		probe = new Probe(server.databasePath);
	});
	afterAll(async () => {
		probe?.close();
		await server?.dispose();
	});

	it('shows readers none of it between two chunks, and all of it after the last', async () => {
		const { client, workspaceId } = await signUp(server, 'between@example.test');
		const started = await upload(client, workspaceId, transactionsFile(), { kind: 'transactions' });
		expect(started.status).toBe(202);
		await probe.holdMidMove(started.body.id, workspaceId, 10);
		try {
			const raw = probe.raw(workspaceId);
			// Part of the import is in the tables: some of its rows, all its bare customers.
			expect(raw.transactions).toBeGreaterThan(10);
			expect(raw.transactions).toBeLessThan(10 + ROWS);
			expect(raw.customers).toBe(CUSTOMERS);
			expect(probe.visible(workspaceId)).toEqual({ transactions: 10, customers: 10 });
			const summary = await client.get(`/api/v1/workspaces/${workspaceId}/data/summary`);
			expect(summary.status).toBe(200);
			expect(summary.body).toMatchObject({ datasetVersion: 1, customers: { count: 10 }, transactions: { count: 10 } });
			expect((await client.get(`/api/v1/imports/${started.body.id}`)).body.status).toBe('running');
		} finally {
			probe.release();
		}
		expect(await finished(client, started.body.id)).toMatchObject({ status: 'done', rowsImported: ROWS });
		expect(probe.moves()).toEqual([]);
		expect(probe.visible(workspaceId)).toEqual({ transactions: 10 + ROWS, customers: CUSTOMERS });
		const summary = await client.get(`/api/v1/workspaces/${workspaceId}/data/summary`);
		expect(summary.body).toMatchObject({ datasetVersion: 2, customers: { count: CUSTOMERS }, transactions: { count: 10 + ROWS } });
	});

	it('a failure after some chunks leaves nothing, and the same file imports in full after', async () => {
		const { client, workspaceId } = await signUp(server, 'failure@example.test');
		// A real failure inside a chunk's transaction, once a thousand of the import's rows are in (after: before the
		// insert an id to come reads -1).
		probe.db.exec(
			`create trigger fail_move after insert on customer_transactions
			 when new.id > (select rows_above from import_moves) + 1000
			 begin select raise(abort, 'the test fails this chunk'); end`
		);
		try {
			const done = await importValidOrNot(client, workspaceId);
			expect(done).toMatchObject({ status: 'failed', rowsImported: 0 });
		} finally {
			probe.db.exec('drop trigger fail_move');
		}
		expect(probe.moves()).toEqual([]);
		expect(probe.raw(workspaceId)).toEqual({ transactions: 10, customers: 10 });
		expect(counts(workspaceId, server.databasePath)).toMatchObject({ customers: 10, customer_transactions: 10 });
		// Nothing of it stayed behind to be taken for a repeat.
		expect(await importValidOrNot(client, workspaceId)).toMatchObject({ status: 'done', rowsImported: ROWS });
		expect(probe.raw(workspaceId)).toEqual({ transactions: 10 + ROWS, customers: CUSTOMERS });
	});

	async function importValidOrNot(client: Client, workspaceId: string) {
		const started = await upload(client, workspaceId, transactionsFile(), { kind: 'transactions' });
		expect(started.status).toBe(202);
		return finished(client, started.body.id);
	}

	it('erasing customers during the move keeps them erased: one from before, one the import creates', async () => {
		const { client, workspaceId } = await signUp(server, 'erase@example.test');
		const started = await upload(client, workspaceId, transactionsFile(), { kind: 'transactions' });
		await probe.holdMidMove(started.body.id, workspaceId, 10);
		probe.release();
		// K3 existed before the import, K150 is one of its bare customers (not visible yet).
		for (const externalId of ['K3', 'K150']) {
			expect((await client.delete(`/api/v1/workspaces/${workspaceId}/customers/${externalId}`)).status).toBe(204);
		}
		// Still moving: the erasures came during the move, not after it.
		expect(probe.moves()).toEqual([started.body.id]);
		const done = await finished(client, started.body.id);
		expect(done.status).toBe('done');
		const rowsPerCustomer = ROWS / CUSTOMERS;
		expect(probe.raw(workspaceId)).toEqual({ transactions: 10 - 1 + ROWS - 2 * rowsPerCustomer, customers: CUSTOMERS - 2 });
		const left = withDatabase(
			(db) => db.prepare("select count(*) from customers where workspace_id = ? and external_id in ('K3', 'K150')").pluck().get(workspaceId),
			server.databasePath
		);
		expect(left).toBe(0);
	});

	it('deleting the workspace during the move ends the import and leaves nothing of it', async () => {
		const { client, workspaceId } = await signUp(server, 'delete@example.test');
		const started = await upload(client, workspaceId, transactionsFile(), { kind: 'transactions' });
		await probe.holdMidMove(started.body.id, workspaceId, 10);
		probe.release();
		expect((await client.delete(`/api/v1/workspaces/${workspaceId}`)).status).toBe(204);
		await untilNoMoves(probe);
		expect(probe.raw(workspaceId)).toEqual({ transactions: 0, customers: 0 });
		expect((await client.get(`/api/v1/imports/${started.body.id}`)).status).toBe(404);
		// The server goes on importing.
		const other = (await client.post('/api/v1/workspaces', { name: 'After' })).body.id as string;
		expect(await importValid(client, other, EARLIER, { kind: 'transactions' })).toMatchObject({ rowsImported: 10 });
	});
});

describe('a crash during a chunked move', () => {
	it('is cleaned up at the next start; the same file then imports in full', async () => {
		let server = await startServer({ env: { WAYMARK_IMPORT_MOVE_CHUNK_ROWS: CHUNK_ROWS } });
		const databasePath = server.databasePath;
		const probe = new Probe(databasePath);
		try {
			const { client, workspaceId } = await signUp(server, 'crash@example.test');
			const started = await upload(client, workspaceId, transactionsFile(), { kind: 'transactions' });
			await probe.holdMidMove(started.body.id, workspaceId, 10);
			await server.stop('SIGKILL');
			probe.release();
			// What the killed move left: rows and bare customers above the announced ids, hidden.
			expect(probe.moves()).toEqual([started.body.id]);
			expect(probe.raw(workspaceId).transactions).toBeGreaterThan(10);
			expect(probe.raw(workspaceId).customers).toBe(CUSTOMERS);
			expect(probe.visible(workspaceId)).toEqual({ transactions: 10, customers: 10 });

			server = await startServer({ databasePath, env: { WAYMARK_IMPORT_MOVE_CHUNK_ROWS: CHUNK_ROWS } });
			const again = new Client(server.baseUrl);
			for (const [name, value] of client.cookies) again.cookies.set(name, value);
			await untilNoMoves(probe);
			expect(probe.raw(workspaceId)).toEqual({ transactions: 10, customers: 10 });
			expect((await again.get(`/api/v1/imports/${started.body.id}`)).body).toMatchObject({ status: 'failed', rowsImported: 0 });
			expect(await importValid(again, workspaceId, transactionsFile(), { kind: 'transactions' })).toMatchObject({ rowsImported: ROWS });
			expect(probe.raw(workspaceId)).toEqual({ transactions: 10 + ROWS, customers: CUSTOMERS });
		} finally {
			probe.close();
			await server.stop();
			rmSync(dirname(databasePath), { recursive: true, force: true });
		}
	}, 120_000);
});
