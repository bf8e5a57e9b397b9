import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnSourceWorker } from '../workers/source';
import { openDatabase, type Db } from './connection';
import { OffLoopReader } from './off-loop-read';
import { runQueries } from './off-loop-read-queries';
import type { ReadQuery } from './off-loop-read.protocol';

/*
 * The read worker answers what the same statements give in this thread, and passes errors on; one
 * worker serves every read until it is closed, and one that died is replaced at the next read.
 */

let dir: string;
let path: string;
let db: Db;

let spawned = 0;
const spawn = () => {
	spawned++;
	return spawnSourceWorker(new URL('./off-loop-read.worker.ts', import.meta.url), 'off-loop-read');
};

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'waymark-off-loop-read-'));
	path = join(dir, 'read.db');
	db = openDatabase(path);
	const client = db.$client;
	client.pragma('foreign_keys = OFF');
	const customer = client.prepare('insert into customers (workspace_id, external_id, city, created_at) values (?, ?, ?, 0)');
	client.transaction(() => {
		for (let i = 0; i < 500; i++) customer.run(i % 2 ? 'a' : 'b', `K${i}`, i % 5 === 0 ? 'Utrecht' : 'Gouda');
	})();
});

afterAll(() => {
	db.$client.close();
	rmSync(dir, { recursive: true, force: true });
});

const queries: ReadQuery[] = [
	{ sql: 'select count(*) as customers from customers where workspace_id = ?', params: ['a'], shape: 'get' },
	{ sql: 'select id from customers where workspace_id = ? and city = ? order by id', params: ['b', 'Utrecht'], shape: 'pluck' },
	{ sql: 'select external_id as externalId, city from customers where workspace_id = ? order by id limit 3', params: ['a'], shape: 'all' }
];

// Closed after each test, also when it failed: a live worker would keep vitest from exiting.
const readers: OffLoopReader[] = [];
const opened = (reader: OffLoopReader) => (readers.push(reader), reader);
afterEach(async () => {
	await Promise.all(readers.splice(0).map((reader) => reader.close()));
});

describe('OffLoopReader', () => {
	it('answers each statement in order, as this thread reads them', async () => {
		const reader = opened(new OffLoopReader(spawn));
		const inThread = runQueries(db.$client, queries);
		const answered = await reader.read(path, queries);
		expect(answered).toEqual(inThread);
		expect(answered[0]).toEqual({ customers: 250 });
		expect((answered[1] as number[]).length).toBe(50);
		expect(answered[2]).toEqual([
			{ externalId: 'K1', city: 'Gouda' },
			{ externalId: 'K3', city: 'Gouda' },
			{ externalId: 'K5', city: 'Utrecht' }
		]);
		await reader.close();
	});

	it('fails with the error of a statement that fails, and writes nothing', async () => {
		const reader = opened(new OffLoopReader(spawn));
		await expect(reader.read(path, [{ sql: 'select nope from customers', params: [], shape: 'all' }])).rejects.toThrow(/no such column: nope/);
		await expect(reader.read(path, [{ sql: 'delete from customers returning id', params: [], shape: 'all' }])).rejects.toThrow(/readonly/i);
		expect(db.$client.prepare('select count(*) from customers').pluck().get()).toBe(500);
		await reader.close();
	});

	it('serves many reads, concurrent ones too, from one worker that sees later writes', async () => {
		const reader = opened(new OffLoopReader(spawn));
		const before = spawned;
		const count = (workspace: string): ReadQuery[] => [{ sql: 'select count(*) from customers where workspace_id = ?', params: [workspace], shape: 'pluck' }];
		// A failing read among them answers only itself.
		const answers = await Promise.allSettled([
			reader.read(path, count('a')),
			reader.read(path, [{ sql: 'select nope', params: [], shape: 'all' }]),
			reader.read(path, count('b')),
			reader.read(path, count('c'))
		]);
		expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : 'failed'))).toEqual([[[250]], 'failed', [[250]], [[0]]]);
		db.$client.prepare("insert into customers (workspace_id, external_id, created_at) values ('c', 'K-new', 0)").run();
		for (let i = 0; i < 20; i++) expect(await reader.read(path, count('c'))).toEqual([[1]]);
		expect(spawned - before).toBe(1);
		db.$client.prepare("delete from customers where workspace_id = 'c'").run();
		await reader.close();
	});

	it('fails the reads in flight when closed, and refuses reads after', async () => {
		const reader = opened(new OffLoopReader(spawn));
		const inFlight = reader.read(path, queries);
		const failed = expect(inFlight).rejects.toThrow(/closed/);
		await reader.close();
		await failed;
		await expect(reader.read(path, queries)).rejects.toThrow(/closed/);
	});

	it('starts another worker at the next read when its worker died', async () => {
		let last: Worker | null = null;
		const reader = opened(new OffLoopReader(() => (last = spawn())));
		await reader.read(path, queries);
		const before = spawned;
		await last!.terminate();
		expect(await reader.read(path, queries)).toEqual(runQueries(db.$client, queries));
		expect(spawned - before).toBe(1);
		await reader.close();
	});
});
