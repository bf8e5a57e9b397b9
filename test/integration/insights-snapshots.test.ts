import { beforeAll, describe, expect, it } from 'vitest';
import { snapshotDiff } from '$lib/domain/insights/snapshot-diff';
import { finished, inviteAndJoin, makeUser, makeWorkspace, type Client } from './helpers';
import { importValid } from './imports';
import { boardOfSteps } from './measured-boards';

/*
 * Snapshots of the insights page through the real server: a map of three steps over March 2026's
 * events, purchases and answers; an editor saves the insights, more purchases are imported, and
 * the snapshot keeps the figures it was saved with.
 */

const EVENTS = [
	'customer_id,date,event_type,channel',
	'a,2026-03-01,view_product,web', 'a,2026-03-02,add_to_cart,web', 'a,2026-03-03,purchase,web',
	'b,2026-03-01,view_product,web', 'b,2026-03-02,add_to_cart,app', 'b,2026-03-04,purchase,app',
	'c,2026-03-01,view_product,app', 'c,2026-03-03,add_to_cart,app',
	'd,2026-03-01,view_product,app'
].join('\n');
const ANSWERS = ['customer_id,date,kind,score,step,comment', 'a,2026-03-02,csat,5,add_to_cart,', 'b,2026-03-02,csat,4,add_to_cart,', 'c,2026-03-03,csat,2,add_to_cart,'].join('\n');
const PURCHASES = ['customer_id,date,amount', 'a,2026-03-03,100', 'a,2026-03-10,50', 'b,2026-03-04,300', 'a,2026-02-10,80'].join('\n');
// Two more March buyers, imported after the snapshot.
const LATER_PURCHASES = ['customer_id,date,amount', 'c,2026-03-12,40', 'd,2026-03-14,60', 'd,2026-03-20,25'].join('\n');

const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const MARCH_QUERY = 'from=2026-03-01&to=2026-03-31';

let owner: Client;
let editor: Client;
let viewer: Client;
let workspaceId: string;

const snapshotsPath = () => `/api/v1/workspaces/${workspaceId}/insights/snapshots`;
const section = (name: string, client = owner) => finished(client, `/api/v1/workspaces/${workspaceId}/insights/${name}?${MARCH_QUERY}`);
const listNames = async (client = owner) => ((await client.get(snapshotsPath())).body.items as { name: string }[]).map((s) => s.name);

beforeAll(async () => {
	({ client: owner } = await makeUser());
	workspaceId = (await makeWorkspace(owner, 'Snapshots')).id;
	await importValid(owner, workspaceId, EVENTS, { kind: 'events' });
	await importValid(owner, workspaceId, ANSWERS, { kind: 'surveys' });
	await importValid(owner, workspaceId, PURCHASES, { kind: 'transactions' });
	await boardOfSteps(owner, workspaceId, [['Product page', 'view_product'], ['Add to cart', 'add_to_cart'], ['Pay', 'purchase']], { title: 'Webshop' });
	({ client: editor } = await inviteAndJoin(owner, workspaceId, 'editor'));
	({ client: viewer } = await inviteAndJoin(owner, workspaceId, 'viewer'));
	// The sections are computed once before saving, as the page would have.
	for (const name of ['headline', 'value', 'leaks', 'loyalty']) await section(name);
}, 90_000);

describe('insights snapshots', () => {
	let saved: any;

	it('saves every section that is done with its filters, who saved it and when', async () => {
		const before = Date.now();
		const response = await editor.post(snapshotsPath(), { name: '  March review ', filters: MARCH });
		expect(response.status, JSON.stringify(response.body)).toBe(201);
		saved = response.body;
		expect(response.headers.get('location')).toBe(`${snapshotsPath()}/${saved.id}`);
		expect(saved).toMatchObject({ name: 'March review', filters: { ...MARCH, groupId: null, personaId: null, channel: null, minimumRespondents: 30 }, createdBy: { name: expect.any(String) } });
		expect(Date.parse(saved.createdAt)).toBeGreaterThanOrEqual(before - 1000);
		// Each kept section is what its own endpoint answers for the same filters.
		for (const name of ['headline', 'value', 'leaks', 'loyalty']) expect(saved.sections[name], name).toEqual((await section(name)).body);
		expect(Object.keys(saved.sections).sort().concat(Object.keys(saved.withheld)).sort()).toEqual(['aims', 'channels', 'headline', 'leaks', 'loyalty', 'opportunities', 'value']);
		expect(saved.sections.headline.current.customers).toBe(2);
	});

	it('lists snapshots newest first for viewers too, and opens one with its figures', async () => {
		expect((await editor.post(snapshotsPath(), { name: 'All time' })).status).toBe(201);
		expect(await listNames(viewer)).toEqual(['All time', 'March review']);
		const listed = (await viewer.get(snapshotsPath())).body.items[1];
		expect(listed).not.toHaveProperty('sections');
		const opened = await viewer.get(`${snapshotsPath()}/${saved.id}`);
		expect(opened.status).toBe(200);
		expect(opened.body).toEqual(saved);
	});

	it('refuses a viewer who saves, renames or deletes, and writes nothing', async () => {
		expect((await viewer.post(snapshotsPath(), { name: 'Mine', filters: MARCH })).status).toBe(403);
		expect((await viewer.patch(`${snapshotsPath()}/${saved.id}`, { name: 'Renamed' })).status).toBe(403);
		expect((await viewer.delete(`${snapshotsPath()}/${saved.id}`)).status).toBe(403);
		expect(await listNames()).toEqual(['All time', 'March review']);
	});

	it('refuses bad input with the field at fault, and writes nothing', async () => {
		const refused = [
			[{ name: '   ', filters: MARCH }, 400, 'name'],
			[{ name: 'x'.repeat(121) }, 400, 'name'],
			[{ name: 'Reversed', filters: { from: '2026-03-31', to: '2026-03-01' } }, 400, 'filters.to'],
			[{ name: 'Bad day', filters: { from: '1 March' } }, 400, 'filters.from'],
			[{ name: 'No group', filters: { groupId: 'nosuchgroup' } }, 404, null]
		] as const;
		for (const [body, status, field] of refused) {
			const response = await editor.post(snapshotsPath(), body);
			expect(response.status, JSON.stringify(body)).toBe(status);
			if (field) expect(Object.keys(response.body.error.fields)).toContain(field);
		}
		expect(await listNames()).toEqual(['All time', 'March review']);
		const outsider = (await makeUser()).client;
		expect((await outsider.get(`${snapshotsPath()}/${saved.id}`)).status).toBe(404);
	});

	it('keeps its figures when more data is imported, while the insights move on; the comparison says by how much', async () => {
		await importValid(owner, workspaceId, LATER_PURCHASES, { kind: 'transactions' });
		const now = Object.fromEntries(await Promise.all(['headline', 'value', 'leaks', 'loyalty'].map(async (name) => [name, (await section(name)).body])));
		expect(now.headline.current.customers).toBe(4);

		const opened = (await viewer.get(`${snapshotsPath()}/${saved.id}`)).body;
		expect(opened.sections).toEqual(saved.sections);
		expect(opened.sections.headline.current.customers).toBe(2);

		const [headline, , leaks, loyalty] = snapshotDiff(opened.sections, now);
		const customers = headline!.rows.find((r) => r.key === 'customers')!;
		expect(customers).toMatchObject({ a: 2, b: 4, change: 2, direction: 'up' });
		const repeat = headline!.rows.find((r) => r.key === 'repeatPurchaseRate')!;
		// March repeat buyers: a of {a, b} before; a and d of {a, b, c, d} after — 50% both times.
		expect(repeat).toMatchObject({ a: 0.5, b: 0.5, change: 0, direction: 'same' });
		// The steps are the same map's: each compared with itself, reached unchanged (the events did not change).
		const reached = leaks!.rows.filter((r) => r.figure === 'reached');
		expect(reached).toHaveLength(3);
		for (const row of reached) expect(row).toMatchObject({ change: 0, context: 'Webshop' });
		expect(loyalty!.missing).toBeNull();
	});

	it('keeps a snapshot of a customer group after the group is deleted, and says today has no figures for it', async () => {
		const group = (await owner.post(`/api/v1/workspaces/${workspaceId}/groups`, { name: 'Everyone', basis: 'value', rule: { match: 'all', conditions: [] } })).body.id as string;
		const response = await editor.post(snapshotsPath(), { name: 'Group', filters: { ...MARCH, groupId: group } });
		expect(response.status, JSON.stringify(response.body)).toBe(201);
		expect(response.body.filters.groupId).toBe(group);
		expect((await owner.delete(`/api/v1/groups/${group}`)).status).toBe(204);
		const opened = await viewer.get(`${snapshotsPath()}/${response.body.id}`);
		expect(opened.status).toBe(200);
		expect(opened.body.sections).toEqual(response.body.sections);
		const compare = await viewer.get(`/w/${workspaceId}/insights/snapshots/compare?a=${response.body.id}&b=current`);
		expect(compare.status).toBe(200);
		expect(compare.body).toContain('so there are no figures for it today');
		expect((await editor.delete(`${snapshotsPath()}/${response.body.id}`)).status).toBe(204);
	});

	it('renames and deletes for editors, the figures untouched by a rename', async () => {
		const renamed = await editor.patch(`${snapshotsPath()}/${saved.id}`, { name: 'Q1 review' });
		expect(renamed.status).toBe(200);
		expect(renamed.body).toEqual({ ...saved, name: 'Q1 review' });
		expect((await editor.patch(`${snapshotsPath()}/${saved.id}`, { name: '' })).status).toBe(400);
		expect((await editor.patch(`${snapshotsPath()}/nosuchsnapshot`, { name: 'x' })).status).toBe(404);
		expect((await editor.delete(`${snapshotsPath()}/${saved.id}`)).status).toBe(204);
		expect((await viewer.get(`${snapshotsPath()}/${saved.id}`)).status).toBe(404);
		expect(await listNames()).toEqual(['All time']);
	});
});
