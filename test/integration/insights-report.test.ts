import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, inviteAndJoin, makeUser, makeWorkspace, type TestUser } from './helpers';
import { importValid } from './imports';
import { downloadBytes, finishedReport, pdfPages } from './report-pdf';
import { startServer, type ServerProcess } from './server-process';

/*
 * The insights report through the real server and the system's Chromium: a viewer in Dutch and
 * an owner in English each print one, and read it back with a PDF parser. The fixture's customers
 * have names and e-mail addresses that must never reach a report.
 */

const NAMES = ['Annelies Jansen', 'Bram de Vries', 'Carla Visser', 'Daan Smit', 'Eva Bakker', 'Frank Mulder', 'Greet Bos', 'Hans Peters'];
const CUSTOMERS = ['customer_id,name,email,city', ...NAMES.map((name, i) => `K${i + 1},${name},${name.split(' ')[0]!.toLowerCase()}.${i}@voorbeeld.nl,Utrecht`)].join('\n');
const PURCHASES = [
	'customer_id,date,amount',
	...NAMES.flatMap((_, i) => [`K${i + 1},2026-01-${String(5 + i).padStart(2, '0')},${40 + 10 * i}`, ...(i % 2 ? [] : [`K${i + 1},2026-03-${String(3 + i).padStart(2, '0')},${25 + i}`])])
].join('\n');
const ANSWERS = ['customer_id,date,kind,score,step,comment', ...NAMES.map((_, i) => `K${i + 1},2026-02-0${1 + (i % 8)},nps,${[10, 9, 3, 7, 10, 8, 2, 9][i]},,`)].join('\n');

const SECTIONS = ['headline', 'aims', 'value', 'leaks', 'loyalty', 'channels', 'opportunities'];
const FILTERS = { from: '2026-01-01', to: '2026-04-30', minimumRespondents: 2 };

let owner: Client;
let viewer: TestUser;
let workspaceId: string;
let personaId: string;
let boardId: string;

beforeAll(async () => {
	({ client: owner } = await makeUser({ name: 'Owner Olga' }));
	workspaceId = (await makeWorkspace(owner, 'Reisbureau Zon')).id;
	await importValid(owner, workspaceId, CUSTOMERS, { kind: 'customers' });
	await importValid(owner, workspaceId, PURCHASES, { kind: 'transactions' });
	await importValid(owner, workspaceId, ANSWERS, { kind: 'surveys' });
	const group = await owner.post(`/api/v1/workspaces/${workspaceId}/groups`, { name: 'Zonzoekers', rule: { match: 'all', conditions: [] } });
	expect(group.status, JSON.stringify(group.body)).toBe(201);
	const persona = await owner.post(`/api/v1/groups/${group.body.id}/personas`, { name: 'Strandliefhebber Sanne', description: 'Boekt elk voorjaar een week zon.' });
	expect(persona.status, JSON.stringify(persona.body)).toBe(201);
	personaId = persona.body.id;
	const board = await owner.post(`/api/v1/workspaces/${workspaceId}/boards`, { title: 'Zomerboeking', template: 'webshop' });
	expect(board.status, JSON.stringify(board.body)).toBe(201);
	boardId = board.body.id;
	viewer = await inviteAndJoin(owner, workspaceId, 'viewer');
	expect((await viewer.client.patch('/api/v1/me', { locale: 'nl' })).status).toBe(200);
}, 90_000);

async function printed(client: Client, body: unknown) {
	const started = await client.post(`/api/v1/workspaces/${workspaceId}/insights/report`, body);
	expect(started.status, JSON.stringify(started.body)).toBe(202);
	expect(started.headers.get('location')).toBe(`/api/v1/workspaces/${workspaceId}/insights/report/${started.body.id}`);
	const job = await finishedReport(client, workspaceId, started.body.id);
	expect(job, JSON.stringify(job)).toMatchObject({ status: 'done', progress: 1 });
	const pdf = await downloadBytes(client, job.pdfUrl!);
	expect(pdf.status).toBe(200);
	expect(pdf.type).toBe('application/pdf');
	expect(pdf.disposition).toMatch(/^attachment; filename="waymark-reisbureau-zon-\d{4}-\d{2}-\d{2}\.pdf"$/);
	expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe('%PDF-');
	// For looking at the pages (pdftoppm) while working on the layout.
	if (process.env.WAYMARK_REPORT_KEEP) writeFileSync(`${process.env.WAYMARK_REPORT_KEEP}-${job.locale}.pdf`, pdf.bytes);
	return { job, ...(await pdfPages(pdf.bytes)) };
}

function expectNoCustomerIdentity(text: string) {
	for (const [i, name] of NAMES.entries()) {
		expect(text).not.toContain(name);
		expect(text).not.toContain(`${name.split(' ')[0]!.toLowerCase()}.${i}@voorbeeld.nl`);
	}
	expect(text).not.toMatch(/@voorbeeld\.nl/);
	expect(text).not.toMatch(/\bK[1-8]\b/);
}

describe('the insights report', () => {
	it('is printed for a viewer in Dutch, with a title page, every chosen section on its own page and the persona card', async () => {
		const { job, pages, sizes } = await printed(viewer.client, { sections: SECTIONS, personaIds: [personaId], boardIds: [boardId], filters: FILTERS });
		expect(job.locale).toBe('nl');
		const [cover, ...rest] = pages;
		expect(cover).toContain('Inzichtenrapport');
		expect(cover).toContain('Reisbureau Zon');
		expect(cover).toContain('Taal: Nederlands');
		expect(cover).toMatch(/1 jan\.? 2026 – 30 apr\.? 2026/);
		// Each section starts a page, in the page's order, under its Dutch heading.
		const headings = ['Kerncijfers', 'Doelen van CRM', 'Waar de waarde zit', 'Waar klanten afhaken', 'Loyaliteit en tevredenheid', 'Synergie tussen kanalen', 'Groeikansen', 'Klantreizen', "Persona's"];
		const starts = headings.map((heading) => rest.findIndex((page) => page.trimStart().startsWith(heading)));
		expect(starts.every((start) => start >= 0), JSON.stringify(rest.map((page) => page.slice(0, 60)))).toBe(true);
		expect([...starts].sort((a, b) => a - b)).toEqual(starts);
		const text = pages.join('\n');
		expect(text).toContain('Strandliefhebber Sanne');
		expect(text).toContain('Boekt elk voorjaar een week zon.');
		// The map whole, on a landscape page: its title, every card's words and what each card is.
		const map = rest.findIndex((page) => page.trimStart().startsWith('Klantreizen'));
		expect(rest[map]).toContain('Zomerboeking');
		expect(rest[map]).toContain('Lands on a product page from search');
		expect(rest[map]).toContain('CONTACTMOMENT');
		expect(sizes[map + 1]!.width).toBeGreaterThan(sizes[map + 1]!.height);
		expect(sizes[0]!.width).toBeLessThan(sizes[0]!.height);
		expectNoCustomerIdentity(text);
	}, 90_000);

	it('is printed in English for an English reader, with only the sections chosen', async () => {
		const { job, pages } = await printed(owner, { sections: ['loyalty', 'headline'], filters: FILTERS });
		expect(job).toMatchObject({ sections: ['headline', 'loyalty'], boardIds: [], personaIds: [] });
		expect(job.locale).toBe('en');
		const text = pages.join('\n');
		expect(pages[0]).toContain('Insights report');
		expect(pages[0]).toContain('Language: English');
		expect(pages[1]!.trimStart().startsWith('Headline')).toBe(true);
		expect(pages.findIndex((page) => page.trimStart().startsWith('Loyalty and satisfaction'))).toBeGreaterThan(1);
		expect(text).not.toContain('Where the value is');
		expect(text).not.toContain('Strandliefhebber Sanne');
		expectNoCustomerIdentity(text);
	}, 90_000);

	it("keeps a report to the one who asked for it, and the print route to the signed-in and to render tokens it issued", async () => {
		const started = await owner.post(`/api/v1/workspaces/${workspaceId}/insights/report`, { sections: ['headline'], filters: FILTERS });
		expect(started.status).toBe(202);
		expect((await viewer.client.get(`/api/v1/workspaces/${workspaceId}/insights/report/${started.body.id}`)).status).toBe(404);
		expect((await downloadBytes(viewer.client, `/api/v1/workspaces/${workspaceId}/insights/report/${started.body.id}/pdf`)).status).toBe(404);
		const stranger = (await makeUser()).client;
		expect((await stranger.post(`/api/v1/workspaces/${workspaceId}/insights/report`, { sections: ['headline'] })).status).toBe(404);
		// A made-up render token lets no one in: the print route's data sends the anonymous to the login.
		const anonymous = new Client();
		const forged = await anonymous.get(`/w/${workspaceId}/insights/report/__data.json?sections=headline`, { headers: { 'x-waymark-render-token': 'made-up' } });
		expect(forged.status).toBe(200);
		expect(forged.body).toMatchObject({ type: 'redirect', location: expect.stringMatching(/^\/login/) });
		// Signed in, a viewer reads the same data the printer does.
		const preview = await viewer.client.get(`/w/${workspaceId}/insights/report/__data.json?sections=headline`);
		expect(preview.body).toMatchObject({ type: 'data' });
		await finishedReport(owner, workspaceId, started.body.id);
	}, 90_000);

	it('refuses a report with nothing to print, or with sections the page does not have', async () => {
		const empty = await owner.post(`/api/v1/workspaces/${workspaceId}/insights/report`, { sections: [], personaIds: [], boardIds: [] });
		expect(empty.status).toBe(400);
		expect(empty.body.error.fields).toEqual({ sections: 'Choose at least one section, persona card or journey map' });
		const unknown = await owner.post(`/api/v1/workspaces/${workspaceId}/insights/report`, { sections: ['customers'] });
		expect(unknown.status).toBe(400);
	});
});

describe('a server without Chromium', () => {
	let server: ServerProcess;
	beforeAll(async () => {
		server = await startServer({ env: { WAYMARK_CHROMIUM_PATH: '/nonexistent/chromium' } });
	}, 60_000);
	afterAll(() => server?.dispose());

	it('says plainly that reports need Chromium (503), before any job starts', async () => {
		const client = new Client(server.baseUrl);
		const signup = await client.post('/api/v1/auth/signup', { email: `report-${Date.now()}@example.test`, password: 'a-long-password-1', name: 'No Browser' });
		expect(signup.status).toBe(201);
		const workspace = await makeWorkspace(client, 'No browser');
		const started = await client.post(`/api/v1/workspaces/${workspace.id}/insights/report`, { sections: ['headline'] });
		expect(started.status).toBe(503);
		expect(started.body.error).toEqual({ code: 'unavailable', message: expect.stringContaining('no Chromium at /nonexistent/chromium') });
		expect(started.body.error.message).toContain('WAYMARK_CHROMIUM_PATH');
	});
});
