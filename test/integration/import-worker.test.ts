import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, withDatabase } from './helpers';
import { finished, upload } from './imports';
import { startServer, type ServerProcess } from './server-process';

/*
 * A large import against a server of its own: its move goes in chunks, each a short transaction
 * of the import worker's, announced in import_moves until the last. Meanwhile the server's
 * thread must go on answering, and its own writes must get the lock between two chunks and
 * succeed — not wait for the whole move. Which comes first is observed, not timed: the move is
 * still announced after the write came back.
 */

const ROWS = 300_000;

function transactionsFile(rows: number): string {
	const lines = ['klantnummer;datum;bedrag;categorie'];
	for (let i = 0; i < rows; i++) {
		lines.push(`K${i % 5000};${String((i % 28) + 1).padStart(2, '0')}-${String((i % 12) + 1).padStart(2, '0')}-2024;${i % 997},${i % 100};Boeken`);
	}
	return lines.join('\n');
}

describe('an import moving its rows in', () => {
	let server: ServerProcess;
	let client: Client;
	let probe: Database.Database;
	const file = transactionsFile(ROWS);

	beforeAll(async () => {
		server = await startServer();
		client = new Client(server.baseUrl);
		const signup = await client.post('/api/v1/auth/signup', { email: 'mover@example.test', password: 'a-long-password', name: 'M' });
		expect(signup.status).toBe(201);
		probe = new Database(server.databasePath, { readonly: true });
	});
	afterAll(async () => {
		probe?.close();
		await server?.dispose();
	});

	/** Whether the import's move is under way (announced, not yet published). */
	const moving = (importId: string): boolean => probe.prepare('select 1 from import_moves where import_id = ?').get(importId) !== undefined;

	/** Starts an import of `file` and resolves once its move is under way with some of its rows in. */
	async function importUntilMoving(workspaceId: string): Promise<string> {
		const started = await upload(client, workspaceId, file, { kind: 'transactions' });
		expect(started.status, JSON.stringify(started.body)).toBe(202);
		const written = probe.prepare('select count(*) from customer_transactions where workspace_id = ?').pluck();
		for (let i = 0; i < 20_000; i++) {
			if (moving(started.body.id) && (written.get(workspaceId) as number) > 0) return started.body.id;
			if (i % 50 === 0) {
				const status = await client.get(`/api/v1/imports/${started.body.id}`);
				if (!['queued', 'running'].includes(status.body.status)) throw new Error(`the import ended (${status.body.status}) before its move was seen`);
			}
			await new Promise((resolve) => setTimeout(resolve, 2));
		}
		throw new Error('the move was never seen');
	}

	const transactionsOf = (workspaceId: string) =>
		withDatabase(
			(db) => (db.prepare('select count(*) as n from customer_transactions where workspace_id = ?').get(workspaceId) as { n: number }).n,
			server.databasePath
		);

	it('answers /healthz while the move runs', { timeout: 180_000 }, async () => {
		const workspaceId = (await client.post('/api/v1/workspaces', { name: 'Health' })).body.id;
		const importId = await importUntilMoving(workspaceId);
		const health = await fetch(new URL('/healthz', server.baseUrl));
		expect(health.status).toBe(200);
		// The answer came while the move ran, not after it.
		expect(moving(importId)).toBe(true);
		expect(await finished(client, importId)).toMatchObject({ status: 'done', rowsTotal: ROWS, rowsImported: ROWS });
		expect(transactionsOf(workspaceId)).toBe(ROWS);
	});

	it('a write of the server thread during the move gets in between two chunks and succeeds', { timeout: 180_000 }, async () => {
		const workspaceId = (await client.post('/api/v1/workspaces', { name: 'Writes' })).body.id;
		const importId = await importUntilMoving(workspaceId);
		const board = await client.post(`/api/v1/workspaces/${workspaceId}/boards`, { title: 'Written during the move' });
		expect(board.status, JSON.stringify(board.body)).toBe(201);
		// It did not wait for the whole move.
		expect(moving(importId)).toBe(true);
		expect(await finished(client, importId)).toMatchObject({ status: 'done', rowsImported: ROWS });
		expect(transactionsOf(workspaceId)).toBe(ROWS);
		const boards = await client.get(`/api/v1/workspaces/${workspaceId}/boards`);
		expect(boards.body.items.map((b: { title: string }) => b.title)).toEqual(['Written during the move']);
	});

	it('a write that reads first (deleting a group) during the move gets in between two chunks and succeeds', { timeout: 180_000 }, async () => {
		const workspaceId = (await client.post('/api/v1/workspaces', { name: 'Reads then writes' })).body.id;
		const group = await client.post(`/api/v1/workspaces/${workspaceId}/groups`, { name: 'Everyone', rule: { match: 'all', conditions: [] } });
		expect(group.status, JSON.stringify(group.body)).toBe(201);
		const importId = await importUntilMoving(workspaceId);
		const deleted = await client.delete(`/api/v1/groups/${group.body.id}`);
		expect(deleted.status, JSON.stringify(deleted.body)).toBe(204);
		expect(moving(importId)).toBe(true);
		expect(await finished(client, importId)).toMatchObject({ status: 'done', rowsImported: ROWS });
		expect((await client.get(`/api/v1/groups/${group.body.id}`)).status).toBe(404);
	});
});
