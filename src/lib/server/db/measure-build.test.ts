import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './connection';
import { MEASURE_CHUNK_ROWS, rebuildMeasures } from './measure-build';

/*
 * A rebuild stepped by hand: what readers see between its steps, how much each write
 * transaction holds, and what it does with the rows of a rebuild that stopped half-way.
 */

const CUSTOMERS = 5_000;
const DAY = 86_400_000;
const END = Date.UTC(2026, 5, 30);

let dir: string;
let db: Db;
const ws = 'w1';

const visible = () => db.$client.prepare('select count(*) from current_customer_measures where workspace_id = ?').pluck().get(ws) as number;
const rowsOfBuild = () =>
	Object.fromEntries(
		(db.$client.prepare('select build, count(*) as n from customer_measures where workspace_id = ? group by build').all(ws) as { build: number; n: number }[]).map((r) => [r.build, r.n])
	);
const moveVersionOn = () =>
	db.$client
		.prepare(`insert into datasets (workspace_id, version, updated_at) values (?, 1, 0) on conflict (workspace_id) do update set version = version + 1`)
		.run(ws);

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'waymark-measure-build-'));
	db = openDatabase(join(dir, 'measures.db'));
	const client = db.$client;
	// Only the tables read here are filled: no workspace row behind them.
	client.pragma('foreign_keys = OFF');
	client.transaction(() => {
		const customer = client.prepare('insert into customers (workspace_id, external_id, created_at) values (?, ?, 0)');
		const purchase = client.prepare('insert into customer_transactions (workspace_id, customer_id, occurred_at, amount, row_hash) values (?, ?, ?, ?, ?)');
		for (let i = 0; i < CUSTOMERS; i++) {
			const id = Number(customer.run(ws, `c${i}`).lastInsertRowid);
			for (let p = 0; p <= i % 4; p++) purchase.run(ws, id, END - ((i + p * 7) % 200) * DAY, 10 + (i % 13), `${i}:${p}`);
		}
	})();
	moveVersionOn();
});

afterAll(() => {
	db.$client.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('a rebuild of the customer measures', () => {
	it('shows readers nothing of the new build until its flip, and writes in transactions of at most a chunk', () => {
		const steps = rebuildMeasures(db.$client, ws);
		let yields = 0;
		const seen: number[] = [];
		for (let step = steps.next(); !step.done; step = steps.next()) {
			yields++;
			seen.push(visible());
		}
		// The read, ⌈5,000 / chunk⌉ writes, the flip (and no old build to delete).
		expect(yields).toBe(1 + Math.ceil(CUSTOMERS / MEASURE_CHUNK_ROWS) + 1);
		expect(seen.slice(0, -1).every((n) => n === 0)).toBe(true);
		expect(seen.at(-1)).toBe(CUSTOMERS);
		expect(rowsOfBuild()).toEqual({ 1: CUSTOMERS });
	});

	it('writes nothing when the measures are of the current dataset version', () => {
		const steps = rebuildMeasures(db.$client, ws);
		expect(steps.next()).toMatchObject({ done: true, value: { datasetVersion: 1 } });
		expect(rowsOfBuild()).toEqual({ 1: CUSTOMERS });
	});

	it('deletes the rows a rebuild stopped half-way left, and the old build after the flip', () => {
		const client = db.$client;
		const before = client.prepare('select customer_id, revenue, r_score from current_customer_measures where workspace_id = ? order by customer_id').all(ws);
		// What a rebuild killed after its first chunk leaves: rows of build 2, never made current.
		client.prepare(`insert into customer_measures (customer_id, workspace_id, build, transactions, revenue, revenue_rank_percent)
			select customer_id, workspace_id, 2, 0, -1, 0 from customer_measures where workspace_id = ? limit 1500`).run(ws);
		expect(visible()).toBe(CUSTOMERS);
		moveVersionOn();

		const steps = rebuildMeasures(client, ws);
		for (let step = steps.next(); !step.done; step = steps.next()) expect(visible()).toBe(CUSTOMERS);
		expect(rowsOfBuild()).toEqual({ 2: CUSTOMERS });
		// The same data: the same measures, none of the leftovers'.
		expect(client.prepare('select customer_id, revenue, r_score from current_customer_measures where workspace_id = ? order by customer_id').all(ws)).toEqual(before);
	});
});
