import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSourceWorker } from '../workers/source';
import { openDatabase, type Db } from './connection';
import { readInWorker } from './off-loop-read';
import { runQueries } from './off-loop-read-queries';
import type { ReadQuery } from './off-loop-read.protocol';

/* The read worker answers what the same statements give in this thread, and passes errors on. */

let dir: string;
let path: string;
let db: Db;

const spawn = () => spawnSourceWorker(new URL('./off-loop-read.worker.ts', import.meta.url), 'off-loop-read');

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

describe('readInWorker', () => {
	it('answers each statement in order, as this thread reads them', async () => {
		const inThread = runQueries(db.$client, queries);
		const answered = await readInWorker(spawn(), path, queries);
		expect(answered).toEqual(inThread);
		expect(answered[0]).toEqual({ customers: 250 });
		expect((answered[1] as number[]).length).toBe(50);
		expect(answered[2]).toEqual([
			{ externalId: 'K1', city: 'Gouda' },
			{ externalId: 'K3', city: 'Gouda' },
			{ externalId: 'K5', city: 'Utrecht' }
		]);
	});

	it('fails with the error of a statement that fails, and writes nothing', async () => {
		await expect(readInWorker(spawn(), path, [{ sql: 'select nope from customers', params: [], shape: 'all' }])).rejects.toThrow(/no such column: nope/);
		await expect(
			readInWorker(spawn(), path, [{ sql: 'delete from customers returning id', params: [], shape: 'all' }])
		).rejects.toThrow(/readonly/i);
		expect(db.$client.prepare('select count(*) from customers').pluck().get()).toBe(500);
	});
});
