import type Database from 'better-sqlite3';
import { describe, expect, inject, it } from 'vitest';
import { Client, makeUser, makeWorkspace, uniqueEmail, withDatabase } from './helpers';
import { importValid } from './imports';
import { startServer } from './server-process';

/*
 * The customer measures of a new dataset version are rebuilt off the server's thread, as a new
 * build written in short transactions and made current at the end: the server answers and
 * writes meanwhile, readers see the old build until then, and a rebuild killed half-way leaves
 * the old build current and its own rows to be deleted by the next one. The rebuild's progress
 * is watched in the database file; orders of events are asserted, not times.
 */

const DAY = 86_400_000;
const END = Date.UTC(2026, 5, 30);

/**
 * Writes `count` customers with one to three purchases straight into the database, as a
 * finished import leaves them, and moves the dataset version on. Customer i bought
 * 1 + (i mod 3) times, 10 each, the last on END − (i mod 100) days.
 */
function writeCustomers(databasePath: string, workspaceId: string, count: number, prefix: string): void {
	withDatabase((db) => {
		const now = Date.now();
		db.transaction(() => {
			const customer = db.prepare('insert into customers (workspace_id, external_id, created_at) values (?, ?, ?)');
			const purchase = db.prepare(
				'insert into customer_transactions (workspace_id, customer_id, occurred_at, amount, row_hash) values (?, ?, ?, 10, ?)'
			);
			for (let i = 0; i < count; i++) {
				const id = Number(customer.run(workspaceId, `${prefix}-${i}`, now).lastInsertRowid);
				for (let p = 0; p <= i % 3; p++) purchase.run(workspaceId, id, END - (i % 100) * DAY - p * 30 * DAY, `${prefix}-${i}-${p}`);
			}
			db.prepare(
				`insert into datasets (workspace_id, version, updated_at) values (?, 1, ?)
				on conflict (workspace_id) do update set version = version + 1, updated_at = excluded.updated_at`
			).run(workspaceId, now);
		})();
	}, databasePath);
}

interface BuildState {
	current: number | null;
	rowsOf: Map<number, number>;
}

function buildState(db: Database.Database, workspaceId: string): BuildState {
	const current = (db.prepare('select build from measure_sets where workspace_id = ?').pluck().get(workspaceId) as number | undefined) ?? null;
	const rows = db.prepare('select build, count(*) as n from customer_measures where workspace_id = ? group by build').all(workspaceId) as { build: number; n: number }[];
	return { current, rowsOf: new Map(rows.map((r) => [r.build, r.n])) };
}

/** Watches the file until a build other than the current one has rows: a rebuild half-way. */
async function untilRebuilding(databasePath: string, workspaceId: string): Promise<BuildState> {
	for (let i = 0; i < 20_000; i++) {
		const state = withDatabase((db) => buildState(db, workspaceId), databasePath);
		if ([...state.rowsOf.keys()].some((build) => build > (state.current ?? 0))) return state;
		await new Promise((resolve) => setTimeout(resolve, 2));
	}
	throw new Error('no rebuild was seen');
}

const everyone = { match: 'all', conditions: [] };
const repeatBuyers = { match: 'all', conditions: [{ field: 'transactions', op: 'gte', value: 2 }] };

describe('customer measures rebuilt off the server thread', () => {
	it('lets the server write while it rebuilds, and makes the new build current at the end', async () => {
		const { client } = await makeUser();
		const workspaceId = (await makeWorkspace(client, 'Measures')).id;
		const databasePath = inject('databasePath');
		writeCustomers(databasePath, workspaceId, 100_000, 'a');

		const figures = client.post(`/api/v1/workspaces/${workspaceId}/groups/preview`, { rule: repeatBuyers });
		const during = await untilRebuilding(databasePath, workspaceId);
		expect(during.current).toBeNull();
		// A write on the server thread, answered while the rebuild has not finished.
		const renamed = await client.patch(`/api/v1/workspaces/${workspaceId}`, { name: 'Measures, renamed' });
		expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
		const afterWrite = withDatabase((db) => buildState(db, workspaceId), databasePath);
		expect(afterWrite.current).toBeNull();

		const answered = await figures;
		expect(answered.status, JSON.stringify(answered.body)).toBe(200);
		// Customers i with i mod 3 ≥ 1 bought at least twice.
		expect(answered.body).toMatchObject({ customers: 66_666, share: 0.66666 });
		const built = withDatabase((db) => buildState(db, workspaceId), databasePath);
		expect(built.current).toBe(1);
		expect([...built.rowsOf]).toEqual([[1, 100_000]]);
	}, 120_000);

	it('starts the rebuild when an import commits, before anyone asks for a figure', async () => {
		const { client } = await makeUser();
		const workspaceId = (await makeWorkspace(client, 'Measures warmed')).id;
		const databasePath = inject('databasePath');
		await importValid(client, workspaceId, ['customer_id,date,amount', 'w1,2026-03-01,20', 'w1,2026-04-01,30', 'w2,2026-03-15,10'].join('\n'), { kind: 'transactions' });
		const version = () =>
			withDatabase((db) => db.prepare('select version from datasets where workspace_id = ?').pluck().get(workspaceId) as number, databasePath);
		const built = () =>
			withDatabase((db) => (db.prepare('select dataset_version from measure_sets where workspace_id = ?').pluck().get(workspaceId) as number | undefined) ?? null, databasePath);
		// No request reads the measures here; only the import's own change can have started the rebuild.
		for (let i = 0; i < 500 && built() !== version(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
		expect(built()).toBe(version());
		expect(withDatabase((db) => db.prepare('select count(*) from customer_measures where workspace_id = ?').pluck().get(workspaceId), databasePath)).toBe(2);
	}, 60_000);

	it('shares one rebuild between callers, and leaves no old build behind after the next import', async () => {
		const { client } = await makeUser();
		const workspaceId = (await makeWorkspace(client, 'Measures shared')).id;
		const databasePath = inject('databasePath');
		writeCustomers(databasePath, workspaceId, 3_000, 'b');
		const first = await client.post(`/api/v1/workspaces/${workspaceId}/groups/preview`, { rule: everyone });
		expect(first.body.customers).toBe(3_000);

		writeCustomers(databasePath, workspaceId, 2_000, 'c');
		const answers = await Promise.all(
			[everyone, repeatBuyers, everyone].map((rule) => client.post(`/api/v1/workspaces/${workspaceId}/groups/preview`, { rule }))
		);
		expect(answers.map((a) => a.body.customers)).toEqual([5_000, 2_000 + 1_333, 5_000]);
		const state = withDatabase((db) => buildState(db, workspaceId), databasePath);
		// One rebuild for the three: the build after the first, and only its rows.
		expect(state.current).toBe(2);
		expect([...state.rowsOf]).toEqual([[2, 5_000]]);
	}, 120_000);

	it('leaves the old build current when the server is killed half-way through a rebuild', async () => {
		const server = await startServer();
		try {
			const client = new Client(server.baseUrl);
			expect((await client.post('/api/v1/auth/signup', { email: uniqueEmail(), password: 'pw-measures-crash', name: 'Crash' })).status).toBe(201);
			const workspaceId = (await makeWorkspace(client, 'Measures crash')).id;
			writeCustomers(server.databasePath, workspaceId, 1_000, 'd');
			expect((await client.post(`/api/v1/workspaces/${workspaceId}/groups/preview`, { rule: everyone })).body.customers).toBe(1_000);

			writeCustomers(server.databasePath, workspaceId, 100_000, 'e');
			client.post(`/api/v1/workspaces/${workspaceId}/groups/preview`, { rule: everyone }).catch(() => {});
			await untilRebuilding(server.databasePath, workspaceId);
			await server.stop('SIGKILL');

			const crashed = withDatabase((db) => {
				const state = buildState(db, workspaceId);
				const visible = db.prepare('select count(*) from current_customer_measures where workspace_id = ?').pluck().get(workspaceId);
				return { state, visible };
			}, server.databasePath);
			expect(crashed.state.current).toBe(1);
			expect(crashed.state.rowsOf.get(1)).toBe(1_000);
			expect(crashed.state.rowsOf.get(2)).toBeGreaterThan(0);
			// Readers see the old build, whole.
			expect(crashed.visible).toBe(1_000);

			const restarted = await startServer({ databasePath: server.databasePath });
			try {
				const again = new Client(restarted.baseUrl);
				again.cookies.clear();
				for (const [name, value] of client.cookies) again.cookies.set(name, value);
				const answer = await again.post(`/api/v1/workspaces/${workspaceId}/groups/preview`, { rule: everyone });
				expect(answer.status, JSON.stringify(answer.body)).toBe(200);
				expect(answer.body.customers).toBe(101_000);
				const state = withDatabase((db) => buildState(db, workspaceId), server.databasePath);
				expect(state.current).toBe(2);
				expect([...state.rowsOf]).toEqual([[2, 101_000]]);
			} finally {
				await restarted.stop();
			}
		} finally {
			await server.dispose();
		}
	}, 180_000);
});
