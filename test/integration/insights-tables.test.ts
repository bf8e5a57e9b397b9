import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { addCard, addLane } from '$lib/domain/board';
import { finished, inviteAndJoin, makeUser, makeWorkspace, type Client } from './helpers';
import { importValid } from './imports';
import { boardOfSteps } from './measured-boards';

/*
 * The insights tables as files through the real server: the leaks table has a row per entry of
 * the section's JSON, in the reader's language (Dutch separators for a Dutch viewer), and the
 * workbook reads back with numbers as numbers.
 */

const EVENTS = [
	'customer_id,date,event_type,channel',
	'a,2026-03-01,view_product,web', 'a,2026-03-02,add_to_cart,web', 'a,2026-03-03,purchase,web',
	'b,2026-03-01,view_product,web', 'b,2026-03-02,add_to_cart,app', 'b,2026-03-04,purchase,app',
	'c,2026-03-01,view_product,app', 'c,2026-03-03,add_to_cart,app',
	'd,2026-03-01,view_product,app'
].join('\n');
const PURCHASES = ['customer_id,date,amount', 'a,2026-03-03,100.5', 'a,2026-03-10,50', 'b,2026-03-04,300'].join('\n');
const MARCH = 'from=2026-03-01&to=2026-03-31';

let owner: Client;
let viewer: Client;
let workspaceId: string;

beforeAll(async () => {
	({ client: owner } = await makeUser());
	workspaceId = (await makeWorkspace(owner, 'Export Shop')).id;
	await importValid(owner, workspaceId, EVENTS, { kind: 'events' });
	await importValid(owner, workspaceId, PURCHASES, { kind: 'transactions' });
	// CSAT only: NPS stays without answers.
	await importValid(owner, workspaceId, 'customer_id,date,kind,score,step,comment\na,2026-03-02,csat,5,add_to_cart,\nb,2026-03-02,csat,2,add_to_cart,', { kind: 'surveys' });
	await importValid(owner, workspaceId, 'customer_id,city\na,Utrecht\nb,Utrecht\nc,Zwolle\nd,Zwolle', { kind: 'customers' });
	// Two customers: under the workspace's minimum segment size, so its figures are withheld.
	const group = await owner.post(`/api/v1/workspaces/${workspaceId}/groups`, { name: 'Utrecht', rule: { match: 'all', conditions: [{ field: 'city', op: 'eq', value: 'Utrecht' }] } });
	expect(group.status, JSON.stringify(group.body)).toBe(201);
	// A step name a spreadsheet would run as a formula, and one holding both separators.
	await boardOfSteps(owner, workspaceId, [['=Product page', 'view_product'], ['Cart; basket, bag', 'add_to_cart'], ['Pay', 'purchase']], {
		title: 'Webshop',
		extra: (doc, _ids, stageIds) => {
			const lane = addLane(doc, { title: 'Opportunities', kind: 'opportunities' });
			addCard(doc, { type: 'opportunity', stageId: stageIds[1]!, laneId: lane, text: 'Free returns', lever: 'cross_sell', effort: 1, impact: 3, status: 'doing' });
		}
	});
	({ client: viewer } = await inviteAndJoin(owner, workspaceId, 'viewer'));
	expect((await viewer.patch('/api/v1/me', { locale: 'nl' })).status).toBe(200);
}, 90_000);

const tablePath = (section: string, table: string, query: string) => `/api/v1/workspaces/${workspaceId}/insights/${section}/table/${table}?${query}`;

/** A download as bytes, asked again while the section is still computing (202). */
async function download(client: Client, path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
	for (let i = 0; i < 150; i++) {
		const response = await fetch(new URL(path, client.baseUrl), {
			headers: { 'x-forwarded-for': client.ip, cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ') }
		});
		const bytes = Buffer.from(await response.arrayBuffer());
		if (response.status !== 202) return { status: response.status, headers: response.headers, bytes };
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`${path} did not finish`);
}

const lines = (bytes: Buffer) => bytes.toString('utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);

describe('an insights table as CSV', () => {
	it('has the header in English and one line per leak of the section, with raw numbers', async () => {
		const section = await finished(owner, `/api/v1/workspaces/${workspaceId}/insights/leaks?${MARCH}`);
		expect(section.status, JSON.stringify(section.body)).toBe(200);
		const file = await download(owner, tablePath('leaks', 'leaks', `${MARCH}&format=csv`));
		expect(file.status, file.bytes.toString()).toBe(200);
		expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="waymark-export-shop-leaks-leaks-\d{4}-\d{2}-\d{2}\.csv"$/);
		expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const [header, ...rows] = lines(file.bytes);
		expect(header).toBe('Step,Journey map,Reached,Dropped off,"Drop-off (share, 0–1)",Value at risk (EUR),Drop-off causes,Note');
		expect(rows).toHaveLength(section.body.leaks.length);
		const first = section.body.leaks[0];
		const step = first.cardText.startsWith('=') ? `'${first.cardText}` : first.cardText.includes(',') ? `"${first.cardText}"` : first.cardText;
		expect(rows[0]!.startsWith(`${step},Webshop,${first.reached},`)).toBe(true);
		expect(rows.some((row) => row.startsWith("'=Product page,"))).toBe(true);
	});

	it('is in Dutch for a Dutch viewer: semicolons and a decimal comma', async () => {
		const section = await finished(viewer, `/api/v1/workspaces/${workspaceId}/insights/leaks?${MARCH}`);
		const file = await download(viewer, tablePath('leaks', 'leaks', `${MARCH}&format=csv`));
		expect(file.status).toBe(200);
		const [header, ...rows] = lines(file.bytes);
		expect(header).toBe('Stap;Klantreis;Bereikt;Afgehaakt;Afhaken (aandeel, 0–1);Waarde op het spel (EUR);Oorzaken van afhaken;Toelichting');
		expect(rows).toHaveLength(section.body.leaks.length);
		const shared = section.body.leaks.find((l: any) => l.dropOff !== null && !Number.isInteger(l.dropOff));
		expect(shared, 'a step with a fractional drop-off').toBeDefined();
		expect(rows.some((row) => row.includes(`;${String(shared.dropOff).replace('.', ',')};`))).toBe(true);
		expect(rows.some((row) => row.startsWith('"Cart; basket, bag";'))).toBe(true);
	});

	it('downloads the headline figures with a note where a figure is missing', async () => {
		const file = await download(owner, tablePath('headline', 'figures', `${MARCH}&format=csv`));
		expect(file.status).toBe(200);
		const [header, ...rows] = lines(file.bytes);
		expect(header).toBe('Figure,Current period (2026-03-01 to 2026-03-31),Previous period (2026-01-29 to 2026-02-28),Change,n,Note');
		expect(rows).toHaveLength(7);
		// No customers the month before: no change, and the note says so.
		expect(rows[0]).toBe('Customers,2,0,,2,No change given: the previous period has no figure to compare with.');
		// No survey answers were imported: NPS is an empty cell with the reason, never 0.
		expect(rows.find((row) => row.startsWith('NPS'))).toBe('NPS (−100 to 100),,,,0,No figure: the data of this period cannot carry it.');
	});
});

describe('the opportunities portfolio as CSV', () => {
	it('has a row per opportunity of the section, with no value and the reason when no what-if is attached', async () => {
		const section = await finished(owner, `/api/v1/workspaces/${workspaceId}/insights/opportunities`);
		expect(section.status).toBe(200);
		expect(section.body.opportunities).toHaveLength(1);
		const file = await download(owner, tablePath('opportunities', 'portfolio', 'format=csv'));
		expect(file.status).toBe(200);
		const [header, ...rows] = lines(file.bytes);
		expect(header).toBe('Opportunity,Journey map,Stage,CRM lever,Effort (1 low to 3 high),Impact (1 low to 3 high),Status,Owner,What-if step,"What-if value, extra CLV (EUR)",Note');
		expect(rows).toHaveLength(section.body.opportunities.length);
		expect(rows[0]).toMatch(/^Free returns,Webshop,"Cart; basket, bag",Cross-sell,1,3,Doing,,,,No value: no what-if is attached to this card; attach one on a measured step of its map\.$/);
	});
});

describe('the channels as CSV', () => {
	it('has a row per channel of the section, with its reach and buyers', async () => {
		const section = await finished(owner, `/api/v1/workspaces/${workspaceId}/insights/channels?${MARCH}`);
		expect(section.status, JSON.stringify(section.body)).toBe(200);
		const file = await download(owner, tablePath('channels', 'channels', `${MARCH}&format=csv`));
		expect(file.status).toBe(200);
		const [header, ...rows] = lines(file.bytes);
		expect(header).toBe('Channel,Online or offline,Reach (customers),Contacted,Buyers,"Conversion (share of contacted, 0–1)",Mean CLV (EUR),n of the mean CLV,Note');
		expect(rows).toHaveLength(section.body.figures.channels.length);
		const web = section.body.figures.channels.find((c: any) => c.channel === 'web');
		expect(rows.find((row) => row.startsWith('web,'))).toMatch(new RegExp(`^web,[^,]+,${web.reach},${web.contacted},${web.buyers},`));
	});
});

describe('the value by group and persona as CSV', () => {
	it('has a row per segment of the section, or one row saying why when no CLV can be trusted', async () => {
		const section = await finished(owner, `/api/v1/workspaces/${workspaceId}/insights/value?${MARCH}`);
		expect(section.status, JSON.stringify(section.body)).toBe(200);
		const file = await download(owner, tablePath('value', 'segments', `${MARCH}&format=csv`));
		expect(file.status).toBe(200);
		const [header, ...rows] = lines(file.bytes);
		expect(header).toBe('Group or persona,Kind,Customers,Total CLV (EUR),Mean CLV (EUR),Share of the total CLV (0–1),Note');
		expect(section.body.figures?.segments.length, JSON.stringify(section.body)).toBeGreaterThan(0);
		expect(rows).toHaveLength(section.body.figures.segments.length);
		expect(rows, rows.join("\n")).toContain('Utrecht,Customer group,,,,,"No figures: fewer than 10 customers, too few to show (the workspace\'s minimum segment size)."');
	});
});

describe('the loyalty series as CSV', () => {
	it('has a row per period of the section\'s series', async () => {
		const section = await finished(owner, `/api/v1/workspaces/${workspaceId}/insights/loyalty?${MARCH}`);
		expect(section.status, JSON.stringify(section.body)).toBe(200);
		const file = await download(owner, tablePath('loyalty', 'series', `${MARCH}&format=csv`));
		expect(file.status).toBe(200);
		const [header, ...rows] = lines(file.bytes);
		expect(header).toBe('Period,NPS (−100 to 100),n of NPS (−100 to 100),CSAT (% satisfied),n of CSAT (% satisfied),CES (1 to 7),n of CES (1 to 7),Note');
		expect(rows).toHaveLength(section.body.series.length);
		const march = section.body.series.find((cut: any) => cut.csat.n === 2);
		expect(march, JSON.stringify(section.body.series)).toBeDefined();
		expect(rows).toContain(`${march.key},,0,${march.csat.csat},2,,0,"No NPS (−100 to 100): no answers in this period. CSAT (% satisfied): only 2 answers, fewer than the minimum, so read little into it. No CES (1 to 7): no answers in this period."`);
	});
});

describe('the CRM aims as CSV', () => {
	it('has the five rows of the four aims, with the figures of the section', async () => {
		const section = await finished(owner, `/api/v1/workspaces/${workspaceId}/insights/aims?${MARCH}`);
		expect(section.status, JSON.stringify(section.body)).toBe(200);
		const file = await download(owner, tablePath('aims', 'aims', `${MARCH}&format=csv`));
		expect(file.status).toBe(200);
		const [header, ...rows] = lines(file.bytes);
		expect(header!.startsWith('Aim,Current period (2026-03-01 to 2026-03-31),')).toBe(true);
		expect(rows).toHaveLength(5);
		const { retention } = section.body;
		expect(rows[1]!.startsWith(`"2 Keep: repeat purchase rate (share, 0–1)",${retention.current ?? ''},${retention.previous ?? ''},`)).toBe(true);
	});
});

describe('an insights table as XLSX', () => {
	it('reads back with a header row and numbers as numbers', async () => {
		const section = await finished(owner, `/api/v1/workspaces/${workspaceId}/insights/leaks?${MARCH}`);
		const file = await download(owner, tablePath('leaks', 'leaks', `${MARCH}&format=xlsx`));
		expect(file.status).toBe(200);
		expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		expect(file.headers.get('content-disposition')).toMatch(/-leaks-leaks-\d{4}-\d{2}-\d{2}\.xlsx"$/);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[0]!;
		expect(sheet.getRow(1).getCell(1).value).toBe('Step');
		expect(sheet.rowCount).toBe(section.body.leaks.length + 1);
		const first = section.body.leaks[0];
		expect(sheet.getRow(2).getCell(1).value).toBe(first.cardText);
		expect(sheet.getRow(2).getCell(3).value).toBe(first.reached);
		expect(typeof sheet.getRow(2).getCell(3).value).toBe('number');
		expect(sheet.getColumn(8).width).toBeGreaterThan(8);
	});
});

describe('who may download', () => {
	it('lets a viewer download and hides the workspace from a stranger', async () => {
		expect((await download(viewer, tablePath('leaks', 'leaks', `${MARCH}&format=xlsx`))).status).toBe(200);
		const { client: stranger } = await makeUser();
		const refused = await download(stranger, tablePath('leaks', 'leaks', `${MARCH}&format=csv`));
		expect(refused.status).toBe(404);
	});

	it('answers 404 for a table that does not download and 400 for an unknown format', async () => {
		expect((await download(owner, tablePath('leaks', 'nope', MARCH))).status).toBe(404);
		expect((await download(owner, tablePath('drivers', 'leaks', MARCH))).status).toBe(404);
		expect((await download(owner, tablePath('constructor', 'name', MARCH))).status).toBe(404);
		expect((await download(owner, tablePath('leaks', 'leaks', `${MARCH}&format=pdf`))).status).toBe(400);
	});
});
