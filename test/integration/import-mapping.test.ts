import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, inviteAndJoin, makeUser, makeWorkspace, withDatabase } from './helpers';
import { counts, finished, importFile, preview, sharedData, upload } from './imports';
import { startServer, type ServerProcess } from './server-process';

/*
 * Checking a file before importing it (the preview), mappings that change what is imported,
 * Excel workbooks, and category spend — against the real server.
 */

async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	build(book);
	return Buffer.from(await book.xlsx.writeBuffer());
}

/** A workbook as Dutch teams export it: a notes sheet first, dates as Excel serials and as dates. */
const transactionsWorkbook = () =>
	workbook((book) => {
		book.addWorksheet('Toelichting').addRow(['Export van de webwinkel, januari 2025']);
		const sheet = book.addWorksheet('Transacties');
		sheet.addRow(['Klantnummer', 'Orderdatum', 'Bedrag', 'Aantal', 'Kanaal']);
		sheet.addRow(['K001', new Date(Date.UTC(2025, 0, 3)), 12.5, 1, 'web']);
		const serial = sheet.addRow(['K001', 45703, 1234.56, 2, 'winkel']); // 15-02-2025
		serial.getCell(2).numFmt = 'dd-mm-yyyy';
		sheet.addRow([]);
		sheet.addRow([2, new Date(Date.UTC(2025, 1, 20, 14, 30)), 45, 1, 'app']);
	});

const transactionRows = (workspaceId: string) =>
	withDatabase((db) =>
		db
			.prepare(
				`select c.external_id as customer, t.occurred_at as at, t.amount, t.quantity, t.channel
				 from customer_transactions t join customers c on c.id = t.customer_id where t.workspace_id = ? order by t.occurred_at`
			)
			.all(workspaceId)
	);

describe('previewing a file before importing it', () => {
	let client: Client;
	let workspaceId: string;

	beforeAll(async () => {
		({ client } = await makeUser());
		workspaceId = (await makeWorkspace(client)).id;
	});

	it('reads a Dutch semicolon export with decimal commas: format, header, mapping, parsed rows', async () => {
		const file = ['Klantnummer;Datum;Bedrag;Kanaal', 'K001;05-03-2024;€ 1.234,56;web', 'K002;31-02-2024;12,50;app', ''].join('\r\n');
		const response = await preview(client, workspaceId, file, { kind: 'transactions' });
		expect(response.status, JSON.stringify(response.body)).toBe(200);
		expect(response.body).toMatchObject({
			kind: 'transactions', file: 'text', encoding: 'utf-8', delimiter: ';', header: true, sheets: [], sheet: null,
			rows: [['Klantnummer', 'Datum', 'Bedrag', 'Kanaal'], ['K001', '05-03-2024', '€ 1.234,56', 'web'], ['K002', '31-02-2024', '12,50', 'app']],
			rowNumbers: [1, 2, 3],
			columns: ['Klantnummer', 'Datum', 'Bedrag', 'Kanaal'],
			mapping: { customerId: 1, occurredAt: 2, amount: 3, channel: 4, quantity: null, margin: null },
			problems: []
		});
		expect(response.body.fields).toContainEqual({ name: 'amount', required: true, type: 'number' });
		expect(response.body.errors).toEqual([
			expect.objectContaining({ row: 3, column: 'Datum', value: '31-02-2024', code: 'import_row_invalid', params: { expected: 'import_expected_date' } })
		]);
		// Nothing was imported.
		expect(counts(workspaceId).customer_transactions).toBe(0);
	});

	it('reads a Windows-1252 file', async () => {
		const file = Buffer.from('klantnummer;naam;woonplaats;acquisitiekosten\nK2;Anja M\xfcller;Li\xe8ge;\x80 12,50\n', 'latin1');
		const response = await preview(client, workspaceId, file, { kind: 'customers' });
		expect(response.body).toMatchObject({
			encoding: 'windows-1252',
			rows: [['klantnummer', 'naam', 'woonplaats', 'acquisitiekosten'], ['K2', 'Anja Müller', 'Liège', '€ 12,50']],
			mapping: { externalId: 1, name: 2, city: 3, acquisitionCost: 4 },
			errors: []
		});
	});

	it('reads the headerless CDNOW file as numbered columns from its first 64 KB, and applies positions', async () => {
		const file = readFileSync(sharedData('cdnow/CDNOW_sample.txt'));
		const first = await preview(client, workspaceId, file, { kind: 'transactions' });
		expect(first.body).toMatchObject({
			delimiter: 'whitespace', header: false,
			columns: ['column 1', 'column 2', 'column 3', 'column 4', 'column 5'],
			rows: expect.arrayContaining([['00004', '0001', '19970101', '2', '29.33']])
		});
		expect(first.body.rows).toHaveLength(21);
		expect(first.body.problems.map((p: { field: string; code: string }) => [p.field, p.code])).toEqual([
			['customerId', 'import_mapping_missing_position'],
			['occurredAt', 'import_mapping_missing_position'],
			['amount', 'import_mapping_missing_position']
		]);
		const mapped = await preview(client, workspaceId, file.subarray(0, 64 * 1024), {
			kind: 'transactions',
			mapping: { customerId: 1, occurredAt: 3, quantity: 4, amount: 5 }
		});
		expect(mapped.body).toMatchObject({ problems: [], errors: [], mapping: { customerId: 1, occurredAt: 3, quantity: 4, amount: 5, product: null } });
	});

	it('reads a workbook: its sheets, the first (or chosen) sheet, Excel dates and numbers', async () => {
		const file = await transactionsWorkbook();
		const first = await preview(client, workspaceId, file, { kind: 'transactions' }, 'export.xlsx');
		expect(first.body).toMatchObject({ file: 'xlsx', encoding: null, delimiter: null, sheets: ['Toelichting', 'Transacties'], sheet: 'Toelichting' });
		const chosen = await preview(client, workspaceId, file, { kind: 'transactions', sheet: 'Transacties' }, 'export.xlsx');
		expect(chosen.body).toMatchObject({
			sheet: 'Transacties', header: true,
			rows: [
				['Klantnummer', 'Orderdatum', 'Bedrag', 'Aantal', 'Kanaal'],
				['K001', '2025-01-03', '12.5', '1', 'web'],
				['K001', '2025-02-15', '1234.56', '2', 'winkel'],
				['2', '2025-02-20T14:30:00.000Z', '45', '1', 'app']
			],
			// The empty row 4 is left out; row numbers stay Excel's.
			rowNumbers: [1, 2, 3, 5],
			mapping: { customerId: 1, occurredAt: 2, amount: 3, quantity: 4, channel: 5 },
			errors: []
		});
		const missing = await preview(client, workspaceId, file, { kind: 'transactions', sheet: 'Blad9' }, 'export.xlsx');
		expect(missing.status).toBe(400);
		expect(missing.body.error.fields.file).toBe('The workbook has no sheet with this name');
	});

	it('refuses what it cannot preview, and viewers', async () => {
		const viewer = await inviteAndJoin(client, workspaceId, 'viewer');
		expect((await preview(viewer.client, workspaceId, 'a;b\n1;2', { kind: 'transactions' })).status).toBe(403);
		expect((await preview(client, workspaceId, '', { kind: 'transactions' })).body.error.fields).toHaveProperty('file');
		expect((await preview(client, workspaceId, 'a;b', { kind: 'orders' })).body.error.fields).toHaveProperty('kind');
		const truncated = (await transactionsWorkbook()).subarray(0, 3000);
		const damaged = await preview(client, workspaceId, truncated, { kind: 'transactions' }, 'export.xlsx');
		expect(damaged.status).toBe(400);
		expect(damaged.body.error.fields.file).toMatch(/damaged or incomplete/);
	});
});

describe('a preview keeps nothing', () => {
	let server: ServerProcess;
	const uploadDir = mkdtempSync(join(tmpdir(), 'waymark-preview-'));

	beforeAll(async () => {
		server = await startServer({ env: { WAYMARK_IMPORT_DIR: uploadDir } });
	});
	afterAll(async () => {
		await server?.dispose();
		rmSync(uploadDir, { recursive: true, force: true });
	});

	it('no file is left behind after text and workbook previews, also when they fail', async () => {
		const client = new Client(server.baseUrl);
		await client.post('/api/v1/auth/signup', { email: 'preview@example.test', password: 'a-long-password', name: 'P' });
		const workspaceId = (await client.post('/api/v1/workspaces', { name: 'Preview' })).body.id;
		const text = 'customer_id,date,amount\n' + 'C1,2024-01-01,1.00\n'.repeat(10_000);
		expect((await preview(client, workspaceId, text, { kind: 'transactions' })).body.rows).toHaveLength(21);
		expect((await preview(client, workspaceId, await transactionsWorkbook(), { kind: 'transactions', sheet: 'Transacties' })).status).toBe(200);
		expect((await preview(client, workspaceId, Buffer.from('PK\x03\x04broken', 'latin1'), { kind: 'transactions' })).status).toBe(400);
		expect(readdirSync(uploadDir)).toEqual([]);
	});
});

describe('the mapping decides what is imported', () => {
	const file = [
		'klantnummer;datum;bedrag;totaal incl btw;kanaal',
		'K001;03-01-2025;10,33;12,50;web',
		'K002;20-02-2025;37,19;45,00;app'
	].join('\n');

	it('another column for a field, and a field left out although its header is there', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		const done = await importFile(client, workspace.id, file, {
			kind: 'transactions',
			mapping: { amount: 4, channel: null },
			format: { delimiter: ';', header: true }
		});
		expect(done).toMatchObject({ status: 'done', rowsImported: 2 });
		expect(transactionRows(workspace.id)).toEqual([
			{ customer: 'K001', at: Date.UTC(2025, 0, 3), amount: 12.5, quantity: null, channel: null },
			{ customer: 'K002', at: Date.UTC(2025, 1, 20), amount: 45, quantity: null, channel: null }
		]);
	});

	it('a saved mapping that leaves a required field out cannot start an import', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		const done = await importFile(client, workspace.id, file, { kind: 'transactions', mapping: { customerId: null } });
		expect(done).toMatchObject({ status: 'failed', message: expect.stringMatching(/do not match/) });
		expect(done.errors).toEqual([
			expect.objectContaining({ column: 'customerId', code: 'import_mapping_missing', params: expect.objectContaining({ field: 'customerId' }) })
		]);
		expect(counts(workspace.id).customer_transactions).toBe(0);
	});
});

describe('importing Excel workbooks', () => {
	it('imports the chosen sheet with Excel dates and numbers, like the CSV it would be', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		const done = await importFile(client, workspace.id, await transactionsWorkbook(), { kind: 'transactions', sheet: 'Transacties' }, 'export.xlsx');
		expect(done).toMatchObject({ status: 'done', progress: 1, rowsTotal: 3, rowsImported: 3, fileName: 'export.xlsx' });
		expect(transactionRows(workspace.id)).toEqual([
			{ customer: 'K001', at: Date.UTC(2025, 0, 3), amount: 12.5, quantity: 1, channel: 'web' },
			{ customer: 'K001', at: Date.UTC(2025, 1, 15), amount: 1234.56, quantity: 2, channel: 'winkel' },
			{ customer: '2', at: Date.UTC(2025, 1, 20, 14, 30), amount: 45, quantity: 1, channel: 'app' }
		]);
		// The same workbook again adds nothing; the first sheet (notes) does not fit transactions.
		expect(await importFile(client, workspace.id, await transactionsWorkbook(), { kind: 'transactions', sheet: 'Transacties' })).toMatchObject({ rowsImported: 0 });
		const notes = await importFile(client, workspace.id, await transactionsWorkbook(), { kind: 'transactions' }, 'export.xlsx');
		expect(notes).toMatchObject({ status: 'failed', message: expect.stringMatching(/do not match/) });
		expect(counts(workspace.id).customer_transactions).toBe(3);
	});

	it('reports bad cells with the row numbers Excel shows', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		const file = await workbook((book) => {
			const sheet = book.addWorksheet('Data');
			sheet.addRow(['customer_id', 'date', 'amount']);
			sheet.addRow(['A', new Date(Date.UTC(2024, 0, 1)), 10]);
			sheet.addRow([]);
			sheet.addRow(['B', 'morgen', 'tien']);
		});
		const done = await importFile(client, workspace.id, file, { kind: 'transactions' }, 'bad.xlsx');
		expect(done.status).toBe('failed');
		expect(done.errors.map((e: { row: number; column: string; value: string }) => [e.row, e.column, e.value])).toEqual([
			[4, 'date', 'morgen'],
			[4, 'amount', 'tien']
		]);
		expect(counts(workspace.id).customer_transactions).toBe(0);
	});
});

describe('hostile workbooks', () => {
	let client: Client;
	let workspaceId: string;
	let before: Record<string, number>;

	beforeAll(async () => {
		({ client } = await makeUser());
		workspaceId = (await makeWorkspace(client)).id;
		await importFile(client, workspaceId, await transactionsWorkbook(), { kind: 'transactions', sheet: 'Transacties' });
		before = counts(workspaceId);
		expect(before.customer_transactions).toBe(3);
	});

	it('a truncated workbook and a zip that is no workbook are refused at once', async () => {
		const good = await transactionsWorkbook();
		const truncated = await upload(client, workspaceId, good.subarray(0, good.length - 100), { kind: 'transactions' }, 'export.xlsx');
		expect(truncated.status).toBe(400);
		expect(truncated.body.error.fields.file).toBe('The Excel file is damaged or incomplete: it cannot be read as an .xlsx workbook');
		const notAWorkbook = Buffer.from(good.toString('latin1').replaceAll('xl/', 'zz/'), 'latin1');
		const foreign = await upload(client, workspaceId, notAWorkbook, { kind: 'transactions' }, 'photos.zip');
		expect(foreign.status).toBe(400);
		expect(foreign.body.error.fields.file).toBe('This zip file is not an Excel workbook (.xlsx)');
		expect(counts(workspaceId)).toEqual(before);
	});

	it('a workbook damaged inside fails with a clear message and writes nothing', async () => {
		const bytes = Buffer.from(await transactionsWorkbook());
		// Scramble the compressed data but leave the directory at the end intact.
		for (let i = 100; i < bytes.length - 1500; i++) bytes[i] = (i * 31) % 251;
		const done = await importFile(client, workspaceId, bytes, { kind: 'transactions' }, 'export.xlsx');
		expect(done).toMatchObject({ status: 'failed', message: 'The Excel file is damaged or incomplete: it cannot be read as an .xlsx workbook; nothing was imported' });
		expect(counts(workspaceId)).toEqual(before);
	});
});

describe('importing category spend (share of wallet)', () => {
	const spendOf = (workspaceId: string) =>
		withDatabase((db) =>
			db
				.prepare(
					`select c.external_id as customer, s.category, s.amount, s.category_total as total
					 from category_spend s join customers c on c.id = s.customer_id where c.workspace_id = ? order by 1, 2`
				)
				.all(workspaceId)
		);

	it('upserts one row per customer and category, keeping a total the next file lacks', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		const first = ['klantnummer;categorie;besteding;totale besteding', 'K1;Boeken;€ 120,00;400', 'K1;Muziek;30;300', 'K2;Boeken;15,50;'].join('\n');
		expect(await importFile(client, workspace.id, first, { kind: 'category_spend' })).toMatchObject({ status: 'done', rowsImported: 3 });
		const second = ['customer_id,category,amount', 'K1,Boeken,150', 'K3,Films,"1.234,50"'].join('\n');
		expect(await importFile(client, workspace.id, second, { kind: 'category_spend' })).toMatchObject({ status: 'done', rowsImported: 2 });
		expect(spendOf(workspace.id)).toEqual([
			{ customer: 'K1', category: 'Boeken', amount: 150, total: 400 },
			{ customer: 'K1', category: 'Muziek', amount: 30, total: 300 },
			{ customer: 'K2', category: 'Boeken', amount: 15.5, total: null },
			{ customer: 'K3', category: 'Films', amount: 1234.5, total: null }
		]);
		expect(counts(workspace.id).customers).toBe(3);

		// A total below the spend here is not a share of wallet: nothing of the file is written.
		const bad = ['klantnummer;categorie;besteding;totale besteding', 'K1;Boeken;200;100', 'K4;Sport;5;10'].join('\n');
		const failed = await importFile(client, workspace.id, bad, { kind: 'category_spend' });
		expect(failed).toMatchObject({ status: 'failed' });
		expect(failed.errors).toEqual([
			expect.objectContaining({ row: 2, column: 'totale besteding', value: '100', message: 'Expected a total spend in the category of at least the amount spent here (200)' })
		]);
		expect(spendOf(workspace.id)).toHaveLength(4);

		// Erasing a customer takes their category spend along.
		expect((await client.delete(`/api/v1/workspaces/${workspace.id}/customers/K1`)).status).toBe(204);
		expect(spendOf(workspace.id)).toHaveLength(2);
	});

	it('is a kind of import in the API description', async () => {
		const { client } = await makeUser();
		const document = (await client.get('/api/v1/openapi.json')).body;
		const upload = document.paths['/api/v1/workspaces/{id}/imports'].post.requestBody.content['multipart/form-data'].schema;
		expect(upload.properties.kind.enum).toContain('category_spend');
		expect(document.paths['/api/v1/workspaces/{id}/imports/preview'].post.responses['200']).toBeDefined();
	});
});

it('a workbook of 20,000 rows imports through the streaming reader', async () => {
	const { client } = await makeUser();
	const workspace = await makeWorkspace(client);
	const file = await workbook((book) => {
		const sheet = book.addWorksheet('Data');
		sheet.addRow(['customer_id', 'date', 'amount']);
		for (let i = 0; i < 20_000; i++) sheet.addRow([`C${i % 500}`, new Date(Date.UTC(2024, 0, 1 + (i % 300))), i / 4]);
	});
	const started = await upload(client, workspace.id, file, { kind: 'transactions' }, 'big.xlsx');
	expect(started.status).toBe(202);
	const done = await finished(client, started.body.id);
	expect(done).toMatchObject({ status: 'done', progress: 1, rowsTotal: 20_000, rowsImported: 20_000 });
});
