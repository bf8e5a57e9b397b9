import { beforeAll, describe, expect, it } from 'vitest';
import { importValid, sharedData } from './imports';
import { inviteAndJoin, makeUser, makeWorkspace, type Client } from './helpers';

/*
 * Customer groups through the real server and database: rules over attributes and over measures
 * computed from the transactions, the RFM preset, the customers of a group, and who may do what.
 * Seven customers with hand-computed measures (reference date = the last date in the data,
 * 2026-06-30):
 *
 *   id  revenue  tx  last purchase  R F M   segment
 *   c1    300     3   2026-06-01    4 4 4   loyal
 *   c2     20     1   2026-02-01    1 1 1   hibernating
 *   c3    100     2   2026-05-20    3 3 3   need attention
 *   c4     50     5   2026-04-01    2 5 2   can't lose them
 *   c5    500     1   2026-06-30    5 1 5   new
 *   c6      0     0   —             — — —   (no purchase: no segment)
 *   c7      5     1   2026-03-15    1 1 1   hibernating   (known only from a transaction)
 */

const CUSTOMERS = [
	'customer_id,name,email,city,opt_in,interests,birth_date',
	'c1,Anna,anna@example.nl,Utrecht,ja,"koken, reizen",1990-05-01',
	'c2,Bram,,utrecht ,nee,kokenx,1980-01-01',
	'c3,Cor,,Amsterdam,ja,reizen,',
	'c4,Dirk,,,ja,,',
	'c5,Eva,,Zeist,nee,lezen; koken,',
	'c6,Fenna,,Amsterdam,,,'
].join('\n');

const TRANSACTIONS = [
	'customer_id,date,amount,category',
	'c1,2026-01-10,100,Koken',
	'c1,2026-03-01,50,Koken',
	'c1,2026-06-01,150,Reizen',
	'c2,2026-02-01,20,Koken',
	'c3,2026-05-01,40,Reizen',
	'c3,2026-05-20,60,Reizen',
	'c4,2026-01-01,10,Koken',
	'c4,2026-01-15,10,Koken',
	'c4,2026-02-01,10,Koken',
	'c4,2026-03-01,10,Koken',
	'c4,2026-04-01,10,Koken',
	'c5,2026-06-30,500,Tuin',
	'c7,2026-03-15,5,Boeken'
].join('\n');

const EVENTS = ['customer_id,date,event_type', 'c1,2026-05-01,add_to_cart', 'c1,2026-05-02,add_to_cart', 'c3,2026-05-03,add_to_cart'].join('\n');

let owner: Client;
let workspaceId: string;

beforeAll(async () => {
	({ client: owner } = await makeUser());
	workspaceId = (await makeWorkspace(owner, 'Groups')).id;
	await importValid(owner, workspaceId, CUSTOMERS, { kind: 'customers' });
	await importValid(owner, workspaceId, TRANSACTIONS, { kind: 'transactions' });
	await importValid(owner, workspaceId, EVENTS, { kind: 'events' });
});

async function preview(rule: unknown, client = owner) {
	const response = await client.post(`/api/v1/workspaces/${workspaceId}/groups/preview`, { rule });
	expect(response.status, JSON.stringify(response.body)).toBe(200);
	return response.body as { customers: number; share: number; revenue: number; revenueShare: number; referenceAt: string };
}

async function members(groupId: string, client = owner): Promise<string[]> {
	const ids: string[] = [];
	let cursor: string | null = null;
	do {
		const page: { status: number; body: any } = await client.get(`/api/v1/groups/${groupId}/customers?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
		expect(page.status).toBe(200);
		ids.push(...page.body.items.map((item: { externalId: string }) => item.externalId));
		cursor = page.body.nextCursor;
	} while (cursor);
	return ids;
}

const all = (...conditions: unknown[]) => ({ match: 'all', conditions });

describe('customer group rules', () => {
	it('hold every customer when empty, measured up to the last date in the data', async () => {
		expect(await preview({ match: 'all', conditions: [] })).toMatchObject({
			customers: 7,
			share: 1,
			revenue: 975,
			revenueShare: 1,
			referenceAt: '2026-06-30T00:00:00.000Z'
		});
	});

	it.each([
		['city in a list, ignoring case and spaces', all({ field: 'city', op: 'in', value: ['UTRECHT'] }), 2],
		['a negation that includes unknown values', all({ field: 'city', op: 'neq', value: 'Amsterdam' }), 5],
		['one whole word of a list', all({ field: 'interests', op: 'includes', value: 'Koken' }), 2],
		['opt-in given', all({ field: 'optIn', op: 'isTrue' }), 3],
		['opt-in never recorded', all({ field: 'optIn', op: 'isNotSet' }), 2],
		['a bought category', all({ field: 'boughtCategory', op: 'includes', value: 'boeken' }), 1],
		['age from the birth date', all({ field: 'ageYears', op: 'gte', value: 40 }), 1],
		['recency in days', all({ field: 'recencyDays', op: 'lte', value: 30 }), 2],
		['an event count', all({ field: 'eventCount', key: 'add_to_cart', op: 'gte', value: 2 }), 1],
		['frequency between bounds', all({ field: 'transactions', op: 'between', value: [2, 3] }), 2],
		[
			'OR over a block of ANDs',
			{
				match: 'any',
				conditions: [
					{ field: 'city', op: 'eq', value: 'Zeist' },
					all({ field: 'optIn', op: 'isTrue' }, { field: 'revenue', op: 'gte', value: 100 })
				]
			},
			3
		]
	])('count %s', async (_name, rule, expected) => {
		expect((await preview(rule)).customers).toBe(expected);
	});

	it('find the top 20% by revenue (the 20/80 rule) with their share of revenue', async () => {
		const figures = await preview(all({ field: 'revenueRankPercent', op: 'lt', value: 20 }));
		expect(figures.customers).toBe(2);
		expect(figures.share).toBeCloseTo(2 / 7, 10);
		expect(figures.revenueShare).toBeCloseTo(800 / 975, 10);
	});

	it('refuse a rule that cannot be evaluated, saying which condition', async () => {
		const response = await owner.post(`/api/v1/workspaces/${workspaceId}/groups/preview`, {
			rule: all({ field: 'revenue', op: 'includes', value: 'lots' })
		});
		expect(response.status).toBe(400);
		expect(response.body.error.code).toBe('validation_failed');
		expect(Object.keys(response.body.error.fields)[0]).toMatch(/^rule\.conditions\.0/);
	});
});

describe('customer groups', () => {
	it('are created, listed, changed and deleted, with their customers paginated', async () => {
		const created = await owner.post(`/api/v1/workspaces/${workspaceId}/groups`, {
			name: 'Utrecht',
			basis: 'needs',
			rule: all({ field: 'city', op: 'eq', value: 'utrecht' })
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ name: 'Utrecht', basis: 'needs', description: '', figures: { customers: 2 } });
		expect(await members(created.body.id)).toEqual(['c1', 'c2']);

		const duplicate = await owner.post(`/api/v1/workspaces/${workspaceId}/groups`, { name: 'Utrecht' });
		expect(duplicate.status).toBe(409);

		const everyone = await owner.post(`/api/v1/workspaces/${workspaceId}/groups`, { name: 'Everyone' });
		expect(everyone.body.figures.customers).toBe(7);
		expect(await members(everyone.body.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']);

		const changed = await owner.patch(`/api/v1/groups/${created.body.id}`, {
			name: 'Utrecht or Zeist',
			rule: all({ field: 'city', op: 'in', value: ['Utrecht', 'Zeist'] })
		});
		expect(changed.status).toBe(200);
		expect(changed.body.figures.customers).toBe(3);

		const listed = await owner.get(`/api/v1/workspaces/${workspaceId}/groups`);
		expect(listed.body.items.map((g: { name: string }) => g.name)).toEqual(['Utrecht or Zeist', 'Everyone']);

		expect((await owner.delete(`/api/v1/groups/${everyone.body.id}`)).status).toBe(204);
		expect((await owner.get(`/api/v1/groups/${everyone.body.id}`)).status).toBe(404);
	});

	it('get the ten RFM segments in one click; every buyer is in exactly one', async () => {
		const response = await owner.post(`/api/v1/workspaces/${workspaceId}/groups/presets`, { preset: 'rfm', locale: 'nl' });
		expect(response.status).toBe(201);
		const segments = response.body.items as { id: string; name: string; figures: { customers: number } }[];
		expect(segments).toHaveLength(10);
		expect(segments.reduce((sum, s) => sum + s.figures.customers, 0)).toBe(6);
		const byName = Object.fromEntries(segments.map((s) => [s.name, s]));
		expect(await members(byName['Slapend']!.id)).toEqual(['c2', 'c7']);
		expect(await members(byName['Loyale klanten']!.id)).toEqual(['c1']);
		expect(await members(byName['Aandacht nodig']!.id)).toEqual(['c3']);
		expect(await members(byName['Niet kwijtraken']!.id)).toEqual(['c4']);
		expect(await members(byName['Nieuwe klanten']!.id)).toEqual(['c5']);
		expect(byName['Kampioenen']!.figures.customers).toBe(0);

		const again = await owner.post(`/api/v1/workspaces/${workspaceId}/groups/presets`, { preset: 'rfm', locale: 'nl' });
		expect(again.body.items).toEqual([]);
	});

	it('follow new data: an import moves the measures on', async () => {
		const { client } = await makeUser();
		const own = (await makeWorkspace(client, 'Moving data')).id;
		await importValid(client, own, TRANSACTIONS, { kind: 'transactions' });
		const top = await client.post(`/api/v1/workspaces/${own}/groups`, {
			name: 'Top',
			rule: all({ field: 'revenueRankPercent', op: 'lt', value: 20 })
		});
		expect(top.body.figures).toMatchObject({ customers: 2, referenceAt: '2026-06-30T00:00:00.000Z' });
		expect(await members(top.body.id, client)).toEqual(['c1', 'c5']);

		await importValid(client, own, 'customer_id,date,amount\nc2,2026-07-10,1000', { kind: 'transactions' });
		const after = await client.get(`/api/v1/groups/${top.body.id}`);
		expect(after.body.figures).toMatchObject({ customers: 2, referenceAt: '2026-07-10T00:00:00.000Z' });
		expect(await members(top.body.id, client)).toEqual(['c2', 'c5']);

		expect((await client.delete(`/api/v1/workspaces/${own}/customers/c5`)).status).toBe(204);
		expect(await members(top.body.id, client)).toEqual(['c2']);
	});

	it('are read by viewers, defined by editors; their customers only editors see; outsiders learn nothing', async () => {
		const group = await owner.post(`/api/v1/workspaces/${workspaceId}/groups`, { name: 'Opt-in', rule: all({ field: 'optIn', op: 'isTrue' }) });
		const { client: viewer } = await inviteAndJoin(owner, workspaceId, 'viewer');
		expect((await viewer.get(`/api/v1/workspaces/${workspaceId}/groups`)).status).toBe(200);
		expect((await viewer.get(`/api/v1/groups/${group.body.id}`)).body.figures.customers).toBe(3);
		expect((await preview({ match: 'all', conditions: [] }, viewer)).customers).toBe(7);
		expect((await viewer.post(`/api/v1/workspaces/${workspaceId}/groups`, { name: 'Mine' })).status).toBe(403);
		expect((await viewer.patch(`/api/v1/groups/${group.body.id}`, { name: 'Mine' })).status).toBe(403);
		expect((await viewer.delete(`/api/v1/groups/${group.body.id}`)).status).toBe(403);
		expect((await viewer.get(`/api/v1/groups/${group.body.id}/customers`)).status).toBe(403);

		const { client: editor } = await inviteAndJoin(owner, workspaceId, 'editor');
		expect((await editor.get(`/api/v1/groups/${group.body.id}/customers`)).body.items).toHaveLength(3);

		const { client: outsider } = await makeUser();
		expect((await outsider.get(`/api/v1/groups/${group.body.id}`)).status).toBe(404);
		expect((await outsider.get(`/api/v1/groups/${group.body.id}/customers`)).status).toBe(404);
		expect((await outsider.post(`/api/v1/workspaces/${workspaceId}/groups/preview`, { rule: {} })).status).toBe(404);
	});
});
