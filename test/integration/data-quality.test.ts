import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DAY, inviteAndJoin, makeUser, makeWorkspace } from './helpers';
import { readFileSync } from 'node:fs';
import { importFile, sharedData } from './imports';
import { startServer, type ServerProcess } from './server-process';

/*
 * The data overview's quality figures (completeness, staleness, duplicates) and the error
 * report of an import, against the real server, from small files whose gaps are known.
 */

/** dd-mm-yyyy of the UTC day `days` before today, as a Dutch export writes it. */
function daysAgo(days: number): { text: string; at: number } {
	const today = new Date();
	const at = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - days * DAY;
	const date = new Date(at);
	const text = `${String(date.getUTCDate()).padStart(2, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${date.getUTCFullYear()}`;
	return { text, at };
}

const ageInDays = (at: number) => Math.floor((Date.now() - at) / DAY);

// Five customers: name 3 of 5, e-mail 4 of 5 (K1 and K6 share one address, K2 and K7 another,
// written differently), city 2 of 5, birth date 1 of 5; no other profile field is in the file.
const CUSTOMERS = [
	'klantnummer;naam;e-mail;woonplaats;geboortedatum',
	'K1;Anna de Vries;anna@example.nl;Utrecht;14-02-1985',
	'K2;Bram Jansen;bram@example.nl;;',
	'K6;;Anna@Example.NL;Delft;',
	'K7;Anna (zakelijk);BRAM@example.nl ;;',
	'K8;;;;'
].join('\r\n');

const summaryOf = async (client: Client, workspaceId: string) => {
	const response = await client.get(`/api/v1/workspaces/${workspaceId}/data/summary`);
	expect(response.status).toBe(200);
	return response.body;
};

describe('the data overview', () => {
	it('gives the exact share of filled values per column, and flags columns under half filled', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		await importFile(client, workspace.id, CUSTOMERS, { kind: 'customers' });
		// Three transactions: channel 1 of 3, category 2 of 3; K9 becomes a customer without a profile.
		const transactions = ['klantnummer;datum;bedrag;kanaal;categorie', 'K1;01-03-2026;10;web;Boeken', 'K2;02-03-2026;20;;Boeken', 'K9;03-03-2026;30;;'].join('\n');
		await importFile(client, workspace.id, transactions, { kind: 'transactions' });

		const summary = await summaryOf(client, workspace.id);
		expect(summary.completeness.lowBelow).toBe(0.5);
		const [customers, tx, events, surveys] = summary.completeness.kinds;
		expect(customers.kind).toBe('customers');
		expect(customers.rows).toBe(6);
		const byField = Object.fromEntries(customers.columns.map((c: { field: string }) => [c.field, c]));
		// Exactly half filled is not flagged.
		expect(byField.name).toEqual({ field: 'name', filled: 3, share: 0.5, low: false });
		expect(byField.email).toEqual({ field: 'email', filled: 4, share: 4 / 6, low: false });
		expect(byField.city).toEqual({ field: 'city', filled: 2, share: 2 / 6, low: true });
		expect(byField.birthDate).toEqual({ field: 'birthDate', filled: 1, share: 1 / 6, low: true });
		expect(byField.incomeBand).toEqual({ field: 'incomeBand', filled: 0, share: 0, low: true });
		expect(Object.keys(byField)).toHaveLength(18);
		expect(tx).toEqual({
			kind: 'transactions',
			rows: 3,
			columns: [
				{ field: 'quantity', filled: 0, share: 0, low: true },
				{ field: 'product', filled: 0, share: 0, low: true },
				{ field: 'category', filled: 2, share: 2 / 3, low: false },
				{ field: 'channel', filled: 1, share: 1 / 3, low: true },
				{ field: 'margin', filled: 0, share: 0, low: true }
			]
		});
		expect(events).toEqual({
			kind: 'events',
			rows: 0,
			columns: [
				{ field: 'channel', filled: 0, share: null, low: false },
				{ field: 'properties', filled: 0, share: null, low: false }
			]
		});
		expect(surveys.columns.map((c: { field: string }) => c.field)).toEqual(['customerId', 'eventType', 'channel', 'comment']);
		// The existing figures are still there (K8 and K9 have no profile data).
		expect(summary).toMatchObject({ datasetVersion: 2, customers: { count: 6, imported: 4 }, transactions: { count: 3, amount: 60 } });
	});

	it('says per kind when it was last imported and how old its newest data is, flagging what is over 30 days', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		const recent = daysAgo(3);
		const old = daysAgo(100);
		const customers = await importFile(client, workspace.id, `klantnummer;naam;klant sinds\nK1;Anna;${old.text}\nK2;Bram;${recent.text}`, { kind: 'customers' }, 'klanten.csv');
		const transactions = await importFile(client, workspace.id, `klantnummer;datum;bedrag\nK1;${old.text};10\nK2;${recent.text};20`, { kind: 'transactions' }, 'orders.csv');
		// Imported today, but the newest answer is 100 days old: stale.
		const surveys = await importFile(client, workspace.id, `klantnummer;datum;soort;score\nK1;${old.text};nps;9`, { kind: 'surveys' }, 'nps.csv');
		// A failed import does not count as the last import.
		const failed = await importFile(client, workspace.id, `klantnummer;datum;bedrag\nK1;gisteren;10`, { kind: 'transactions' });
		expect(failed.status).toBe('failed');

		const { staleness } = await summaryOf(client, workspace.id);
		expect(staleness.staleAfterDays).toBe(30);
		expect(staleness.kinds).toEqual([
			{
				kind: 'customers',
				lastImport: { id: customers.id, fileName: 'klanten.csv', finishedAt: customers.finishedAt },
				latestDataAt: new Date(recent.at).toISOString(),
				ageDays: 0,
				stale: false
			},
			{
				kind: 'transactions',
				lastImport: { id: transactions.id, fileName: 'orders.csv', finishedAt: transactions.finishedAt },
				latestDataAt: new Date(recent.at).toISOString(),
				ageDays: ageInDays(recent.at),
				stale: false
			},
			{ kind: 'events', lastImport: null, latestDataAt: null, ageDays: null, stale: false },
			{
				kind: 'surveys',
				lastImport: { id: surveys.id, fileName: 'nps.csv', finishedAt: surveys.finishedAt },
				latestDataAt: new Date(old.at).toISOString(),
				ageDays: ageInDays(old.at),
				stale: true
			}
		]);
		expect(ageInDays(recent.at)).toBe(3);
	});

	it('counts customers sharing an e-mail address, and lists their ids only for editors', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		await importFile(client, workspace.id, CUSTOMERS, { kind: 'customers' });
		const viewer = await inviteAndJoin(client, workspace.id, 'viewer');
		const editor = await inviteAndJoin(client, workspace.id, 'editor');

		const forEditor = (await summaryOf(editor.client, workspace.id)).duplicates;
		expect(forEditor).toEqual({
			emailGroups: 2,
			emailCustomers: 4,
			emailGroupIds: [
				{ count: 2, externalIds: ['K1', 'K6'] },
				{ count: 2, externalIds: ['K2', 'K7'] }
			],
			repeatedRows: { transactions: 0, events: 0, surveys: 0 }
		});
		expect((await summaryOf(client, workspace.id)).duplicates).toEqual(forEditor);
		const forViewer = await viewer.client.get(`/api/v1/workspaces/${workspace.id}/data/summary`);
		expect(forViewer.body.duplicates).toEqual({ ...forEditor, emailGroupIds: null });
		// Whole values only: random ids (import ids, in base32) may well contain "k7".
		expect(JSON.stringify(forViewer.body)).not.toMatch(/"K[1267]"|anna@|bram@|Anna de Vries|Bram Jansen/);

		// Erasing one of a pair ends that group: the overview follows every change of the data.
		expect((await client.delete(`/api/v1/workspaces/${workspace.id}/customers/K6`)).status).toBe(204);
		expect((await summaryOf(editor.client, workspace.id)).duplicates).toMatchObject({
			emailGroups: 1,
			emailCustomers: 2,
			emailGroupIds: [{ count: 2, externalIds: ['K2', 'K7'] }]
		});
	});

	it('counts rows that repeat an earlier row of their file, and a second import of the file adds none', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		const file = ['klantnummer;datum;bedrag', 'K1;01-03-2026;10', 'K1;01-03-2026;10', 'K1;01-03-2026;10', 'K2;02-03-2026;5'].join('\n');
		expect(await importFile(client, workspace.id, file, { kind: 'transactions' })).toMatchObject({ rowsImported: 4 });
		const events = ['klantnummer;datum;gebeurtenis', 'K1;01-03-2026;add_to_cart', 'K1;01-03-2026;add_to_cart'].join('\n');
		await importFile(client, workspace.id, events, { kind: 'events' });
		expect((await summaryOf(client, workspace.id)).duplicates.repeatedRows).toEqual({ transactions: 2, events: 1, surveys: 0 });

		expect(await importFile(client, workspace.id, file, { kind: 'transactions' })).toMatchObject({ rowsImported: 0 });
		const summary = await summaryOf(client, workspace.id);
		expect(summary.duplicates.repeatedRows).toEqual({ transactions: 2, events: 1, surveys: 0 });
		expect(summary.transactions.count).toBe(4);
	});

	// 19 rows of the sample occur more than once: 21 rows repeat an earlier one (awk counts the same).
	it('finds the 21 rows of the CDNOW sample that repeat an earlier row exactly', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		const done = await importFile(client, workspace.id, readFileSync(sharedData('cdnow/CDNOW_sample.txt')), {
			kind: 'transactions',
			mapping: { customerId: 1, occurredAt: 3, quantity: 4, amount: 5 },
			format: { delimiter: 'whitespace', header: false }
		});
		expect(done).toMatchObject({ status: 'done', rowsImported: 6919 });
		const summary = await summaryOf(client, workspace.id);
		expect(summary.duplicates.repeatedRows.transactions).toBe(21);
		expect(summary.completeness.kinds[1].columns.find((c: { field: string }) => c.field === 'quantity')).toEqual({
			field: 'quantity',
			filled: 6919,
			share: 1,
			low: false
		});
	});

	it('non-members see nothing (404), anonymous callers are asked to sign in (401)', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		const stranger = await makeUser();
		expect((await stranger.client.get(`/api/v1/workspaces/${workspace.id}/data/summary`)).status).toBe(404);
		expect((await new Client().get(`/api/v1/workspaces/${workspace.id}/data/summary`)).status).toBe(401);
	});
});

describe('the staleness limit', () => {
	let server: ServerProcess;

	beforeAll(async () => {
		server = await startServer({ env: { WAYMARK_DATA_STALE_DAYS: '2' } });
	});
	afterAll(async () => {
		await server?.dispose();
	});

	it('comes from WAYMARK_DATA_STALE_DAYS', async () => {
		const client = new Client(server.baseUrl);
		expect((await client.post('/api/v1/auth/signup', { email: 'stale@example.test', password: 'stale-password-1', name: 'S' })).status).toBe(201);
		const workspace = (await client.post('/api/v1/workspaces', { name: 'Stale' })).body;
		await importFile(client, workspace.id, `klantnummer;datum;bedrag\nK1;${daysAgo(3).text};10`, { kind: 'transactions' });
		const { staleness } = (await client.get(`/api/v1/workspaces/${workspace.id}/data/summary`)).body;
		expect(staleness.staleAfterDays).toBe(2);
		expect(staleness.kinds[1]).toMatchObject({ kind: 'transactions', ageDays: 3, stale: true });
	});
});

describe('the error report of an import', () => {
	const FILE = ['klant;datum;bedrag', 'A;01-01-2024;10', 'B;31-02-2024;10', 'C;01-01-2024;"=1+1, of tien"', 'D;02-01-2024;5,5'].join('\n');
	let owner: Client;
	let workspaceId: string;
	let importId: string;

	beforeAll(async () => {
		({ client: owner } = await makeUser());
		workspaceId = (await makeWorkspace(owner)).id;
		const done = await importFile(owner, workspaceId, FILE, { kind: 'transactions', skipInvalid: true }, 'kapot bestand.csv');
		expect(done).toMatchObject({ status: 'done', rowsImported: 2 });
		importId = done.id;
	});

	it('is a CSV download of row, column, value and message', async () => {
		const response = await owner.get(`/api/v1/imports/${importId}/errors.csv`);
		expect(response.status).toBe(200);
		// A byte-order mark first, so that spreadsheets read UTF-8 (fetch's text() drops it).
		const raw = await fetch(new URL(`/api/v1/imports/${importId}/errors.csv`, owner.baseUrl), {
			headers: { cookie: [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }
		});
		expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 'r'.charCodeAt(0)]);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe('attachment; filename="kapot_bestand-errors.csv"');
		const lines = (response.body as string).split('\r\n');
		expect(lines[0]).toBe('row,column,value,message');
		expect(lines[1]).toMatch(/^3,datum,31-02-2024,"?Expected a date/);
		// The value holds the delimiter (quoted) and would be a formula (apostrophe).
		expect(lines[2]).toMatch(/^4,bedrag,"'=1\+1, of tien","?Expected a number/);
		expect(lines.slice(3)).toEqual(['']);
	});

	it('matches the errors of the import, also with semicolons for Dutch spreadsheets', async () => {
		const { errors } = (await owner.get(`/api/v1/imports/${importId}`)).body;
		const csv = (await owner.get(`/api/v1/imports/${importId}/errors.csv?delimiter=semicolon`)).body as string;
		const quote = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
		expect(csv).toBe(
			'row;column;value;message\r\n' +
				`3;datum;31-02-2024;${quote(errors[0].message)}\r\n` +
				`4;bedrag;'=1+1, of tien;${quote(errors[1].message)}\r\n`
		);
		expect((await owner.get(`/api/v1/imports/${importId}/errors.csv?delimiter=tab`)).status).toBe(400);
	});

	it('has the errors of a failed import too, and only a header for an import without errors', async () => {
		const failed = await importFile(owner, workspaceId, FILE, { kind: 'transactions' });
		expect(failed.status).toBe('failed');
		const report = (await owner.get(`/api/v1/imports/${failed.id}/errors.csv`)).body as string;
		expect(report.split('\r\n')).toHaveLength(4);
		const clean = await importFile(owner, workspaceId, 'klant;datum;bedrag\nE;01-01-2024;1', { kind: 'transactions' });
		expect((await owner.get(`/api/v1/imports/${clean.id}/errors.csv`)).body).toBe('row,column,value,message\r\n');
	});

	it('the import history counts each import\'s errors without listing them', async () => {
		const history = await owner.get(`/api/v1/workspaces/${workspaceId}/imports`);
		const first = history.body.items.find((item: { id: string }) => item.id === importId);
		expect(first).toMatchObject({ errors: [], errorCount: 2 });
		expect((await owner.get(`/api/v1/imports/${importId}`)).body).toMatchObject({ errorCount: 2 });
	});

	it('is for members who may read the data: viewers may download it, others get 404, anonymous callers 401', async () => {
		const viewer = await inviteAndJoin(owner, workspaceId, 'viewer');
		expect((await viewer.client.get(`/api/v1/imports/${importId}/errors.csv`)).status).toBe(200);
		const stranger = await makeUser();
		const refused = await stranger.client.get(`/api/v1/imports/${importId}/errors.csv`);
		expect(refused.status).toBe(404);
		expect(refused.body.error.code).toBe('not_found');
		expect((await owner.get(`/api/v1/imports/${'x'.repeat(16)}/errors.csv`)).status).toBe(404);
		const anonymous = await new Client().get(`/api/v1/imports/${importId}/errors.csv`);
		expect(anonymous.status).toBe(401);
		expect(anonymous.body.error.code).toBe('unauthenticated');
	});
});
