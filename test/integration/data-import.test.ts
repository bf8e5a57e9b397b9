import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, inviteAndJoin, makeUser, makeWorkspace, withDatabase } from './helpers';
import { counts, finished, importFile, sharedData, upload, type Fields } from './imports';
import { startServer, type ServerProcess } from './server-process';

/*
 * Customer-data imports against the real server: the published CDNOW sample, Dutch exports,
 * and hostile files that must leave the database exactly as it was.
 */

const DUTCH = [
	'Klantnummer;Datum;Bedrag;Aantal;Kanaal;Categorie',
	'K001;05-03-2024;€ 1.234,56;2;webshop;Boeken',
	'K001;06-03-2024;12,50;1;winkel;Boeken',
	'K002;31-12-2023;"7,95";3;webshop;"Muziek; cd\'s"',
	'',
	'K003;01-01-2024;0,99;1;app;Films'
].join('\r\n');

describe('importing customer data', () => {
	it('imports the CDNOW sample with a saved positional mapping: 6,919 transactions of 2,357 customers', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		const saved = await client.post(`/api/v1/workspaces/${workspace.id}/mappings`, {
			name: 'CDNOW',
			kind: 'transactions',
			mapping: { customerId: 1, occurredAt: 3, quantity: 4, amount: 5 },
			format: { delimiter: 'whitespace', header: false }
		});
		expect(saved.status).toBe(201);
		const listed = await client.get(`/api/v1/workspaces/${workspace.id}/mappings`);
		expect(listed.body.items.map((m: { name: string }) => m.name)).toEqual(['CDNOW']);

		const file = readFileSync(sharedData('cdnow/CDNOW_sample.txt'));
		const done = await importFile(client, workspace.id, file, { kind: 'transactions', mappingId: saved.body.id });
		expect(done).toMatchObject({ status: 'done', progress: 1, rowsTotal: 6919, rowsImported: 6919, errors: [] });
		expect(counts(workspace.id)).toMatchObject({ customers: 2357, customer_transactions: 6919 });

		const summary = await client.get(`/api/v1/workspaces/${workspace.id}/data/summary`);
		expect(summary.body).toMatchObject({
			datasetVersion: 1,
			customers: { count: 2357, imported: 0 },
			transactions: { count: 6919, from: '1997-01-01T00:00:00.000Z', to: '1998-06-30T00:00:00.000Z' },
			events: { count: 0, from: null },
			surveys: { count: 0 }
		});
		// The sample has 19 rows that repeat an earlier row exactly: they are kept, and a second
		// import of the same file adds nothing.
		const again = await importFile(client, workspace.id, file, { kind: 'transactions', mappingId: saved.body.id });
		expect(again).toMatchObject({ status: 'done', rowsTotal: 6919, rowsImported: 0 });
		expect(counts(workspace.id)).toMatchObject({ customers: 2357, customer_transactions: 6919 });
		expect((await client.get(`/api/v1/workspaces/${workspace.id}/data/summary`)).body.datasetVersion).toBe(2);
	});

	it('imports a Dutch semicolon export with decimal commas and dd-mm-yyyy dates, once', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		const done = await importFile(client, workspace.id, DUTCH, { kind: 'transactions' });
		expect(done).toMatchObject({ status: 'done', rowsTotal: 4, rowsImported: 4 });
		const rows = withDatabase((db) =>
			db
				.prepare(
					`select c.external_id as customer, t.occurred_at as at, t.amount, t.quantity, t.channel, t.category
					 from customer_transactions t join customers c on c.id = t.customer_id where t.workspace_id = ? order by t.occurred_at`
				)
				.all(workspace.id)
		);
		expect(rows).toEqual([
			{ customer: 'K002', at: Date.UTC(2023, 11, 31), amount: 7.95, quantity: 3, channel: 'webshop', category: "Muziek; cd's" },
			{ customer: 'K003', at: Date.UTC(2024, 0, 1), amount: 0.99, quantity: 1, channel: 'app', category: 'Films' },
			{ customer: 'K001', at: Date.UTC(2024, 2, 5), amount: 1234.56, quantity: 2, channel: 'webshop', category: 'Boeken' },
			{ customer: 'K001', at: Date.UTC(2024, 2, 6), amount: 12.5, quantity: 1, channel: 'winkel', category: 'Boeken' }
		]);
		const again = await importFile(client, workspace.id, DUTCH, { kind: 'transactions' });
		expect(again).toMatchObject({ status: 'done', rowsImported: 0 });
		expect(counts(workspace.id)).toMatchObject({ customers: 3, customer_transactions: 4 });
	});

	it('upserts customers on their id, keeping fields a later file does not have', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		const first = [
			'klantnummer,naam,e-mail,geslacht,postcode,woonplaats,geboortedatum,nieuwsbrief,schoenmaat',
			'K1,Anna de Vries,anna@example.nl,V,1234 ab,Utrecht,14-02-1985,ja,39',
			'K2,"Bram, Jansen",bram@example.nl,M,5678CD,Zwolle,1990-07-01,nee,44'
		].join('\n');
		expect(await importFile(client, workspace.id, first, { kind: 'customers' })).toMatchObject({ status: 'done', rowsImported: 2 });
		const second = ['customer_id,email,city', 'K1,anna.devries@example.nl,Amersfoort', 'K3,carla@example.nl,Delft'].join('\n');
		expect(await importFile(client, workspace.id, second, { kind: 'customers' })).toMatchObject({ status: 'done', rowsImported: 2 });
		const rows = withDatabase((db) =>
			db
				.prepare(
					'select external_id, name, email, gender, postcode, city, birth_date, opt_in, attributes from customers where workspace_id = ? order by external_id'
				)
				.all(workspace.id)
		);
		expect(rows).toEqual([
			{ external_id: 'K1', name: 'Anna de Vries', email: 'anna.devries@example.nl', gender: 'female', postcode: '1234 AB', city: 'Amersfoort', birth_date: '1985-02-14', opt_in: 1, attributes: '{"schoenmaat":"39"}' },
			{ external_id: 'K2', name: 'Bram, Jansen', email: 'bram@example.nl', gender: 'male', postcode: '5678CD', city: 'Zwolle', birth_date: '1990-07-01', opt_in: 0, attributes: '{"schoenmaat":"44"}' },
			{ external_id: 'K3', name: null, email: 'carla@example.nl', gender: null, postcode: null, city: 'Delft', birth_date: null, opt_in: null, attributes: null }
		]);
	});

	it('imports events and survey answers, creating customers it has not seen', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		const events = ['customer_id\ttimestamp\tevent_type\tchannel', 'E1\t2024-05-01T10:00:00Z\tadd_to_cart\tweb', 'E1\t2024-05-01T10:05:00+02:00\tpurchase\tweb'].join('\n');
		expect(await importFile(client, workspace.id, events, { kind: 'events' })).toMatchObject({ status: 'done', rowsImported: 2 });
		const surveys = ['klantnummer;datum;soort;score;stap;opmerking', 'E1;02-05-2024;NPS;9;purchase;Snel geleverd', ';03-05-2024;csat;2;;anoniem'].join('\n');
		expect(await importFile(client, workspace.id, surveys, { kind: 'surveys' })).toMatchObject({ status: 'done', rowsImported: 2 });
		const summary = await client.get(`/api/v1/workspaces/${workspace.id}/data/summary`);
		expect(summary.body).toMatchObject({
			datasetVersion: 2,
			customers: { count: 1 },
			events: { count: 2, from: '2024-05-01T08:05:00.000Z', to: '2024-05-01T10:00:00.000Z' },
			surveys: { count: 2 }
		});
	});

	it('with skipInvalid imports the valid rows and reports the others', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		const file = ['klant;datum;bedrag', 'A;01-01-2024;10', 'B;31-02-2024;10', 'C;01-01-2024;tien', 'D;02-01-2024;5,5'].join('\n');
		const done = await importFile(client, workspace.id, file, { kind: 'transactions', skipInvalid: true });
		expect(done).toMatchObject({ status: 'done', rowsTotal: 4, rowsImported: 2 });
		expect(done.errors).toEqual([
			{
				row: 3, column: 'datum', value: '31-02-2024', message: expect.stringMatching(/^Expected a date/),
				code: 'import_row_invalid', params: { expected: 'import_expected_date' }
			},
			{
				row: 4, column: 'bedrag', value: 'tien', message: expect.stringMatching(/^Expected a number/),
				code: 'import_row_invalid', params: { expected: 'import_expected_number' }
			}
		]);
		expect(counts(workspace.id)).toMatchObject({ customer_transactions: 2, customers: 2 });
	});

	it('erases a customer and every row about them (GDPR)', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		await importFile(client, workspace.id, DUTCH, { kind: 'transactions' });
		await importFile(client, workspace.id, 'klantnummer;datum;soort;score\nK001;01-01-2024;nps;8\nK002;01-01-2024;nps;6', { kind: 'surveys' });
		await importFile(client, workspace.id, 'klantnummer,datum,event\nK001,01-01-2024,visit_product_page', { kind: 'events' });
		expect(counts(workspace.id)).toEqual({ customers: 3, customer_transactions: 4, customer_events: 1, survey_responses: 2, category_spend: 0 });
		const viewer = await inviteAndJoin(client, workspace.id, 'viewer');
		expect((await viewer.client.delete(`/api/v1/workspaces/${workspace.id}/customers/K001`)).status).toBe(403);
		expect((await client.delete(`/api/v1/workspaces/${workspace.id}/customers/K001`)).status).toBe(204);
		expect(counts(workspace.id)).toEqual({ customers: 2, customer_transactions: 2, customer_events: 0, survey_responses: 1, category_spend: 0 });
		expect((await client.delete(`/api/v1/workspaces/${workspace.id}/customers/K001`)).status).toBe(404);
	});

	it('lets viewers read the summary but not import (403), and non-members see nothing (404)', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		const viewer = await inviteAndJoin(client, workspace.id, 'viewer');
		const editor = await inviteAndJoin(client, workspace.id, 'editor');
		const stranger = await makeUser();
		expect((await upload(viewer.client, workspace.id, DUTCH, { kind: 'transactions' })).status).toBe(403);
		expect((await upload(stranger.client, workspace.id, DUTCH, { kind: 'transactions' })).status).toBe(404);
		expect((await viewer.client.get(`/api/v1/workspaces/${workspace.id}/data/summary`)).status).toBe(200);
		expect((await stranger.client.get(`/api/v1/workspaces/${workspace.id}/data/summary`)).status).toBe(404);
		const started = await upload(editor.client, workspace.id, DUTCH, { kind: 'transactions' });
		expect(started.status).toBe(202);
		expect((await viewer.client.get(`/api/v1/imports/${started.body.id}`)).status).toBe(200);
		expect((await stranger.client.get(`/api/v1/imports/${started.body.id}`)).status).toBe(404);
		expect((await viewer.client.post(`/api/v1/imports/${started.body.id}/cancel`)).status).toBe(403);
		await finished(editor.client, started.body.id);
		expect(counts(workspace.id).customer_transactions).toBe(4);
	});

	it('cancels an import; nothing of it is written', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		const lines = ['customer_id,date,amount'];
		for (let i = 0; i < 200_000; i++) lines.push(`C${i % 5000},2024-01-${String((i % 28) + 1).padStart(2, '0')},${i}.25`);
		const started = await upload(client, workspace.id, lines.join('\n'), { kind: 'transactions' });
		expect(started.status).toBe(202);
		const cancelled = await client.post(`/api/v1/imports/${started.body.id}/cancel`);
		expect(cancelled.status).toBe(200);
		const done = await finished(client, started.body.id);
		expect(done).toMatchObject({ status: 'cancelled', rowsImported: 0 });
		expect(counts(workspace.id)).toMatchObject({ customers: 0, customer_transactions: 0 });
		expect((await client.post(`/api/v1/imports/${started.body.id}/cancel`)).status).toBe(409);
	});
});

describe('hostile files', () => {
	let client: Client;
	let workspaceId: string;
	let before: Record<string, number>;

	beforeAll(async () => {
		({ client } = await makeUser());
		workspaceId = (await makeWorkspace(client)).id;
		await importFile(client, workspaceId, DUTCH, { kind: 'transactions' });
		before = counts(workspaceId);
		expect(before.customer_transactions).toBe(4);
	});

	const failsWith = async (file: Buffer | string, fields: Fields, message: RegExp) => {
		const done = await importFile(client, workspaceId, file, fields);
		expect(done.status).toBe('failed');
		expect(done.message).toMatch(message);
		expect(counts(workspaceId)).toEqual(before);
		return done;
	};

	const refusedWith = async (file: Buffer | string, fields: Fields, status: number, field?: string) => {
		const response = await upload(client, workspaceId, file, fields);
		expect(response.status, JSON.stringify(response.body)).toBe(status);
		if (field) expect(response.body.error.fields).toHaveProperty(field);
		expect(counts(workspaceId)).toEqual(before);
		return response.body;
	};

	it('a wrong delimiter names the columns it found', async () => {
		const done = await failsWith(DUTCH, { kind: 'transactions', format: { delimiter: ',' } }, /do not match/);
		expect(done.errors[0].message).toMatch(/customerId.*Klantnummer;Datum;Bedrag/);
		await failsWith('klant:datum:bedrag\nA:01-01-2024:3', { kind: 'transactions' }, /do not match/);
	});

	it('a missing required column', async () => {
		const done = await failsWith('klantnummer;datum\nK1;01-01-2024', { kind: 'transactions' }, /do not match/);
		expect(done.errors).toEqual([expect.objectContaining({ column: 'amount', message: expect.stringMatching(/"amount"/) })]);
	});

	it('bad dates and text in amount fields: every bad cell is reported, nothing is written', async () => {
		const file = ['klantnummer;datum;bedrag', 'K9;01-01-2024;5', 'K9;2024-02-30;5', 'K9;01-01-2024;vijf euro', 'K9;morgen;€'].join('\n');
		const done = await failsWith(file, { kind: 'transactions' }, /3 rows are not valid; nothing was imported/);
		// The same sentence as a code, for pages in another language.
		expect(done).toMatchObject({ messageCode: 'import_failed_invalid_rows', messageParams: { count: 3 } });
		expect(done.errors.map((e: { row: number; column: string; value: string }) => [e.row, e.column, e.value])).toEqual([
			[3, 'datum', '2024-02-30'],
			[4, 'bedrag', 'vijf euro'],
			[5, 'datum', 'morgen'],
			[5, 'bedrag', '€']
		]);
	});

	it('reads a UTF-8 file with BOM and a Windows-1252 file (Müller, €)', async () => {
		const { client: owner } = await makeUser();
		const ws = (await makeWorkspace(owner)).id;
		const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('klantnummer;naam;woonplaats\nK1;Jürgen Müller;Den Haag\n')]);
		expect(await importFile(owner, ws, bom, { kind: 'customers' })).toMatchObject({ status: 'done', rowsImported: 1 });
		const cp1252 = Buffer.from('klantnummer;naam;woonplaats;acquisitiekosten\nK2;Anja M\xfcller;Li\xe8ge;\x80 12,50\n', 'latin1');
		expect(await importFile(owner, ws, cp1252, { kind: 'customers' })).toMatchObject({ status: 'done', rowsImported: 1 });
		const rows = withDatabase((db) =>
			db.prepare('select external_id, name, city, acquisition_cost as cost from customers where workspace_id = ? order by external_id').all(ws)
		);
		expect(rows).toEqual([
			{ external_id: 'K1', name: 'Jürgen Müller', city: 'Den Haag', cost: null },
			{ external_id: 'K2', name: 'Anja Müller', city: 'Liège', cost: 12.5 }
		]);
	});

	it('a 0-byte file, a binary file, no file, an unknown kind are refused at once', async () => {
		await refusedWith('', { kind: 'transactions' }, 400, 'file');
		const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]);
		const binary = await refusedWith(png, { kind: 'transactions' }, 400, 'file');
		expect(binary.error.fields.file).toMatch(/neither a text file \(CSV\) nor an Excel workbook/);
		// The start of a zip (what an .xlsx is) without the rest of it.
		const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
		const damaged = await refusedWith(zip, { kind: 'transactions' }, 400, 'file');
		expect(damaged.error.fields.file).toMatch(/damaged or incomplete/);
		await refusedWith(DUTCH, { kind: 'orders' }, 400, 'kind');
		await refusedWith(DUTCH, { kind: 'transactions', mapping: '{not json' }, 400, 'mapping');
		const noFile = await client.request('POST', `/api/v1/workspaces/${workspaceId}/imports`, {
			body: '--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\ntransactions\r\n--x--\r\n',
			headers: { 'content-type': 'multipart/form-data; boundary=x', origin: new URL(client.baseUrl).origin }
		});
		expect(noFile.status).toBe(400);
		expect(noFile.body.error.fields.file).toBe('Choose a file to import');
		const json = await client.post(`/api/v1/workspaces/${workspaceId}/imports`, { kind: 'transactions' });
		expect(json.status).toBe(415);
	});

	it('a file of one line longer than 1 MiB is refused while the upload streams, the server answering meanwhile', async () => {
		const endless = Buffer.concat([Buffer.from('klantnummer;datum;bedrag\nK1;01-01-2024;'), Buffer.alloc(64 * 1024 * 1024, '1')]);
		let settled = false;
		const refused = refusedWith(endless, { kind: 'transactions' }, 400, 'file').finally(() => (settled = true));
		const health = await fetch(new URL('/healthz', client.baseUrl));
		expect(health.status).toBe(200);
		const answeredWhileUploading = !settled;
		const body = await refused;
		expect(body.error.fields.file).toMatch(/longer than 1 MiB/);
		expect(answeredWhileUploading).toBe(true);
	});

	it('a file with only a header has no data rows', async () => {
		await failsWith('klantnummer;datum;bedrag\n\n', { kind: 'transactions' }, /no data rows/);
	});
});

describe('import limits', () => {
	let server: ServerProcess;
	let client: Client;
	let workspaceId: string;

	const uploadDir = mkdtempSync(join(tmpdir(), 'waymark-uploads-'));

	beforeAll(async () => {
		server = await startServer({
			env: { WAYMARK_IMPORT_MAX_BYTES: '2000', WAYMARK_IMPORT_MAX_ROWS: '50', WAYMARK_IMPORT_DIR: uploadDir }
		});
		client = new Client(server.baseUrl);
		const signup = await client.post('/api/v1/auth/signup', { email: 'limits@example.test', password: 'a-long-password', name: 'L' });
		expect(signup.status).toBe(201);
		workspaceId = (await client.post('/api/v1/workspaces', { name: 'Limits' })).body.id;
	});
	afterAll(async () => {
		await server?.dispose();
		rmSync(uploadDir, { recursive: true, force: true });
	});

	const count = () =>
		withDatabase((db) => (db.prepare('select count(*) as n from customer_transactions').get() as { n: number }).n, server.databasePath);

	it('refuses an oversized file with 413 and says what the limit is', async () => {
		const big = 'customer_id,date,amount\n' + 'C1,2024-01-01,1.00\n'.repeat(200);
		const response = await upload(client, workspaceId, big, { kind: 'transactions' });
		expect(response.status).toBe(413);
		expect(response.body.error.message).toMatch(/larger than the limit of 2000 bytes \(WAYMARK_IMPORT_MAX_BYTES\)/);
		expect(count()).toBe(0);
	});

	it('refuses a file with too many rows with 413', async () => {
		const many = 'c,d,a\n' + 'C,20240101,1\n'.repeat(60);
		const response = await upload(client, workspaceId, many, { kind: 'transactions' });
		expect(response.status).toBe(413);
		expect(response.body.error.message).toMatch(/more than 50 rows/);
		expect(count()).toBe(0);
		// Refused uploads leave no file behind.
		expect(readdirSync(uploadDir)).toEqual([]);
	});

	it('still takes a file under the limits', async () => {
		const small = 'customer_id,date,amount\n' + 'C1,2024-01-01,1.00\nC2,2024-01-02,2.00\n';
		const started = await upload(client, workspaceId, small, { kind: 'transactions' });
		expect(started.status).toBe(202);
		expect(await finished(client, started.body.id)).toMatchObject({ status: 'done', rowsImported: 2 });
	});
});

describe('a crash during an import', () => {
	it('leaves nothing half-written, and the import shows failed after the restart', async () => {
		let server = await startServer();
		const databasePath = server.databasePath;
		try {
			let client = new Client(server.baseUrl);
			await client.post('/api/v1/auth/signup', { email: 'crash@example.test', password: 'a-long-password', name: 'C' });
			const workspaceId = (await client.post('/api/v1/workspaces', { name: 'Crash' })).body.id;
			const lines = ['customer_id,date,amount'];
			for (let i = 0; i < 400_000; i++) lines.push(`C${i % 9000},2024-02-${String((i % 28) + 1).padStart(2, '0')},${i}.5`);
			const started = await upload(client, workspaceId, lines.join('\n'), { kind: 'transactions' });
			expect(started.status).toBe(202);
			for (;;) {
				const status = (await client.get(`/api/v1/imports/${started.body.id}`)).body;
				if (status.rowsTotal > 0) break;
				expect(status.status).not.toBe('done');
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
			await server.stop('SIGKILL');
			server = await startServer({ databasePath });
			const cookies = client.cookies;
			client = new Client(server.baseUrl);
			for (const [name, value] of cookies) client.cookies.set(name, value);
			const after = await client.get(`/api/v1/imports/${started.body.id}`);
			expect(after.body).toMatchObject({ status: 'failed', rowsImported: 0, message: expect.stringMatching(/server stopped/) });
			const rows = withDatabase(
				(db) => (db.prepare('select count(*) as n from customer_transactions').get() as { n: number }).n +
					(db.prepare('select count(*) as n from customers').get() as { n: number }).n,
				databasePath
			);
			expect(rows).toBe(0);
		} finally {
			await server.stop();
			rmSync(dirname(databasePath), { recursive: true, force: true });
		}
	}, 60_000);
});
