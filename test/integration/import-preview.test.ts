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
