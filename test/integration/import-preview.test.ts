import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDERS_HEADER, ORDERS_SHEET, ordersCustomer, writeOrdersWorkbook } from '../workbooks';
import { Client, makeUser, makeWorkspace } from './helpers';
import { counts, finished, preview, upload } from './imports';
import { startServer, type ServerProcess } from './server-process';

/*
 * A preview takes what an import takes: a workbook of several megabytes is previewed (its first
 * rows, its sheets) and then imported through the real server, and the preview refuses a file
 * only where the import would, with the import's words.
 */

const ORDERS = 64_000;
const fixtures = mkdtempSync(join(tmpdir(), 'waymark-workbooks-'));
afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

describe('a workbook of several megabytes', () => {
	let client: Client;
	let workspaceId: string;
	let file: Buffer;

	beforeAll(async () => {
		const path = join(fixtures, 'orders.xlsx');
		await writeOrdersWorkbook(path, ORDERS);
		file = readFileSync(path);
		({ client } = await makeUser());
		workspaceId = (await makeWorkspace(client)).id;
	}, 120_000);

	it('is previewed from the data page: its sheets, the first rows of the chosen one, the mapping', async () => {
		expect(file.length).toBeGreaterThan(2 * 1024 * 1024);
		const first = await preview(client, workspaceId, file, { kind: 'transactions' }, 'orders.xlsx');
		expect(first.status, JSON.stringify(first.body)).toBe(200);
		expect(first.body).toMatchObject({ file: 'xlsx', sheets: ['Toelichting', ORDERS_SHEET], sheet: 'Toelichting' });

		const chosen = await preview(client, workspaceId, file, { kind: 'transactions', sheet: ORDERS_SHEET }, 'orders.xlsx');
		expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
		expect(chosen.body).toMatchObject({ sheet: ORDERS_SHEET, header: true, problems: [], errors: [], futureDated: [] });
		// The header and the first twenty orders, not the file.
		expect(chosen.body.rows).toHaveLength(21);
		expect(chosen.body.rows[0]).toEqual(ORDERS_HEADER);
		expect(chosen.body.rows[1]).toEqual([ordersCustomer(0), '2024-01-01', '4.95', '1', 'web', 'Artikel 1000 – jas']);
		expect(chosen.body.rowNumbers.at(-1)).toBe(21);
		expect(chosen.body.mapping).toMatchObject({ customerId: 1, occurredAt: 2, amount: 3, quantity: 4, channel: 5, product: 6 });
	});

	it('is then imported, every row', async () => {
		const started = await upload(client, workspaceId, file, { kind: 'transactions', sheet: ORDERS_SHEET }, 'orders.xlsx');
		expect(started.status, JSON.stringify(started.body)).toBe(202);
		const done = await finished(client, started.body.id);
		expect(done).toMatchObject({ status: 'done', rowsTotal: ORDERS, rowsImported: ORDERS });
		expect(counts(workspaceId).customer_transactions).toBe(ORDERS);
	}, 120_000);
});

describe('a preview is refused only where the import would be', () => {
	let server: ServerProcess;
	let client: Client;
	let workspaceId: string;
	const uploadDir = mkdtempSync(join(tmpdir(), 'waymark-preview-limit-'));

	beforeAll(async () => {
		server = await startServer({ env: { WAYMARK_IMPORT_MAX_BYTES: String(1024 * 1024), WAYMARK_IMPORT_DIR: uploadDir } });
		client = new Client(server.baseUrl);
		expect((await client.post('/api/v1/auth/signup', { email: 'preview-limit@example.test', password: 'a-long-password', name: 'P' })).status).toBe(201);
		workspaceId = (await client.post('/api/v1/workspaces', { name: 'Limits' })).body.id;
	});
	afterAll(async () => {
		await server?.dispose();
		rmSync(uploadDir, { recursive: true, force: true });
	});

	it('a workbook over the import limit gets the import’s 413, and leaves no file behind', async () => {
		const response = await preview(client, workspaceId, Buffer.alloc(1024 * 1024 + 10, 0x50), { kind: 'transactions' }, 'big.xlsx');
		expect(response.status).toBe(413);
		expect(response.body.error.message).toBe('The file is larger than the limit of 1 MiB (WAYMARK_IMPORT_MAX_BYTES)');
		expect(readdirSync(uploadDir)).toEqual([]);
	});

	it('a workbook under it, larger than other requests may be, is previewed', async () => {
		const path = join(fixtures, 'small-orders.xlsx');
		const bytes = await writeOrdersWorkbook(path, 16_000);
		expect(bytes).toBeGreaterThan(512 * 1024);
		expect(bytes).toBeLessThan(1024 * 1024);
		const response = await preview(client, workspaceId, readFileSync(path), { kind: 'transactions', sheet: ORDERS_SHEET }, 'orders.xlsx');
		expect(response.status, JSON.stringify(response.body)).toBe(200);
		expect(response.body.rows).toHaveLength(21);
		expect(readdirSync(uploadDir)).toEqual([]);
	}, 60_000);
});

describe('rows dated after today', () => {
	const DAY = 86_400_000;
	const midnight = (ms: number) => Math.floor(ms / DAY) * DAY;
	const iso = (ms: number) => new Date(ms).toISOString();
	const day = (ms: number) => iso(ms).slice(0, 10);
	let client: Client;
	let workspaceId: string;
	// The server runs on this machine: its today is ours (the server's own time zone, as here).
	const now = new Date();
	const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
	const todayUtc = Date.parse(today);
	const lastWeek = midnight(todayUtc - 7 * DAY);
	const soon = todayUtc + 30 * DAY;
	const nextYear = todayUtc + 400 * DAY;
	const file = [
		'customer_id,date,amount',
		`C1,${day(lastWeek - 60 * DAY)},10`,
		`C1,${day(lastWeek)},20`,
		`C2,${day(lastWeek - 30 * DAY)},30`,
		`C2,${day(soon)},40`,
		`C3,${day(nextYear)},50`,
		`C3,${today},60`
	].join('\n');

	beforeAll(async () => {
		({ client } = await makeUser());
		workspaceId = (await makeWorkspace(client)).id;
	});

	it('are named in the preview with the server’s date, but are valid', async () => {
		const response = await preview(client, workspaceId, file, { kind: 'transactions' });
		expect(response.status, JSON.stringify(response.body)).toBe(200);
		expect(response.body).toMatchObject({
			today,
			errors: [],
			futureDated: [
				{ row: 5, occurredAt: iso(soon) },
				{ row: 6, occurredAt: iso(nextYear) }
			]
		});
	});

	it('are imported, counted in the overview with the latest of them, and do not make the data look current', async () => {
		const started = await upload(client, workspaceId, file, { kind: 'transactions' });
		expect((await finished(client, started.body.id)).rowsImported).toBe(6);
		const summary = (await client.get(`/api/v1/workspaces/${workspaceId}/data/summary`)).body;
		expect(summary.transactions).toMatchObject({ count: 6, to: iso(nextYear), amount: 210 });
		expect(summary.futureDated).toEqual({
			today,
			kinds: [
				{ kind: 'transactions', count: 2, latest: iso(nextYear) },
				{ kind: 'events', count: 0, latest: null },
				{ kind: 'surveys', count: 0, latest: null }
			]
		});
		expect(summary.staleness.kinds.find((kind: { kind: string }) => kind.kind === 'transactions')).toMatchObject({
			latestDataAt: iso(todayUtc),
			ageDays: 0
		});
	});

	it('do not move the figures’ today: recency and revenue are measured up to today, without them', async () => {
		const everyone = await client.post(`/api/v1/workspaces/${workspaceId}/groups/preview`, { rule: { match: 'all', conditions: [] } });
		expect(everyone.status, JSON.stringify(everyone.body)).toBe(200);
		// Up to the end of today at the latest, not next year.
		expect(Date.parse(everyone.body.referenceAt)).toBeLessThan(todayUtc + DAY);
		expect(Date.parse(everyone.body.referenceAt)).toBeGreaterThanOrEqual(todayUtc);
		expect(everyone.body.revenue).toBe(120);
		// C2 last bought 37 days ago (its order in 30 days' time is not counted): not within 31 days.
		const recent = await client.post(`/api/v1/workspaces/${workspaceId}/groups/preview`, {
			rule: { match: 'all', conditions: [{ field: 'recencyDays', op: 'lte', value: 31 }] }
		});
		expect(recent.body.customers).toBe(2);
	});
});

describe('a failed import says what to do in words, not parameter names', () => {
	it('names the option that skips invalid rows', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		const file = ['customer_id,date,amount', 'C1,2025-01-01,10', 'C2,2025-02-30,11', 'C3,2025-01-03,twelve'].join('\n');
		const started = await upload(client, workspace.id, file, { kind: 'transactions' });
		const done = await finished(client, started.body.id);
		expect(done).toMatchObject({
			status: 'failed',
			messageCode: 'import_failed_invalid_rows',
			messageParams: { count: 2 },
			message: '2 rows are not valid; nothing was imported. Fix them, or import again with “Import the valid rows and skip invalid ones” to leave them out'
		});
	});
});
