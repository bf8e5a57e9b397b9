import { beforeAll, describe, expect, it } from 'vitest';
import { importValid } from './imports';
import { finished, inviteAndJoin, makeUser, makeWorkspace, type Client } from './helpers';

/*
 * "Do our channels work together?" through the real server and database: twelve buyers of the
 * first quarter of 2026 with a known channel per purchase (c12's purchases name none), events
 * through the web, the app and the phone, and v01 who only browsed the web. c03's app purchase of
 * December is outside the quarter. Ten customers live in Utrecht, c11 and c12 in Zeist.
 */

const ids = Array.from({ length: 12 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);
const JANUARY = ['web', 'web', 'shop', 'app', 'phone', 'web', 'web', 'web', 'web', 'web', 'shop', ''];
// Every third customer (c01, c04, c07, c10) bought once.
const MARCH: Record<number, string> = { 1: 'shop', 2: 'shop', 4: 'web', 5: 'web', 7: 'web', 8: 'web', 10: 'shop', 11: '' };
const CUSTOMERS = ['customer_id,name,city', ...ids.map((id, i) => `${id},Klant ${i + 1},${i < 10 ? 'Utrecht' : 'Zeist'}`)].join('\n');
const TRANSACTIONS = [
	'customer_id,date,amount,channel',
	...ids.flatMap((id, i) => [
		`${id},2026-01-${String(5 + i).padStart(2, '0')},${20 + 10 * i},${JANUARY[i]}`,
		...(i in MARCH ? [`${id},2026-03-${String(2 + i).padStart(2, '0')},${15 + 5 * i},${MARCH[i]}`] : [])
	]),
	'c03,2025-12-10,40,app'
].join('\n');
const EVENTS = [
	'customer_id,date,event_type,channel',
	'c01,2026-01-04,view_product,web',
	'c02,2026-01-04,view_product,web',
	'c04,2026-01-04,view_product,app',
	'c04,2026-01-20,view_product,web',
	'c05,2026-01-05,contact_customer_service,phone',
	...ids.slice(5, 10).map((id, k) => `${id},2026-01-${String(10 + k).padStart(2, '0')},view_product,web`),
	'v01,2026-02-01,view_product,web'
].join('\n');
const Q1 = 'from=2026-01-01&to=2026-03-31';

let owner: Client;
let workspaceId: string;
let zeist: string;
const ready = (path: string, client = owner) => finished(client, path);
const channelsOf = (query = Q1, client = owner) => ready(`/api/v1/workspaces/${workspaceId}/insights/channels?${query}`, client);
const headlineOf = (query = Q1) => ready(`/api/v1/workspaces/${workspaceId}/insights/headline?${query}`);

interface Figure {
	channel: string;
	kind: string;
	reach: number;
	contacted: number;
	buyers: number;
	conversion: number | null;
	clv: { mean: number | null; n: number } | null;
}

beforeAll(async () => {
	({ client: owner } = await makeUser());
	workspaceId = (await makeWorkspace(owner, 'Channels')).id;
	await importValid(owner, workspaceId, CUSTOMERS, { kind: 'customers' });
	await importValid(owner, workspaceId, TRANSACTIONS, { kind: 'transactions' });
	await importValid(owner, workspaceId, EVENTS, { kind: 'events' });
	zeist = (
		await owner.post(`/api/v1/workspaces/${workspaceId}/groups`, { name: 'Zeist', basis: 'needs', rule: { match: 'all', conditions: [{ field: 'city', op: 'eq', value: 'zeist' }] } })
	).body.id as string;
}, 90_000);

describe('channel synergy', () => {
	it('gives each channel its reach, conversion of the contacted and the CLV of its buyers', async () => {
		const response = await channelsOf();
		expect(response.status, JSON.stringify(response.body)).toBe(200);
		const body = response.body;
		expect(body).toMatchObject({ status: 'done', period: { from: '2026-01-01', to: '2026-03-31' }, channel: null, omittedChannels: [] });
		const rows = new Map<string, Figure>(body.figures.channels.map((c: Figure) => [c.channel, c]));
		// Web: contacts of c01, c02, c04, c06–c10 and v01; purchases of c01, c02, c05, c06–c10.
		expect(rows.get('web')).toMatchObject({ kind: 'online', reach: 10, contacted: 9, buyers: 8 });
		expect(rows.get('web')!.conversion).toBeCloseTo(7 / 9, 10);
		// The shop records only purchases: no conversion; c03's December app purchase is outside.
		expect(rows.get('shop')).toMatchObject({ kind: 'offline', reach: 3, contacted: 0, buyers: 3, conversion: null });
		expect(rows.get('app')).toMatchObject({ kind: 'online', reach: 1, contacted: 1, buyers: 1, conversion: 1 });
		expect(rows.get('phone')).toMatchObject({ kind: 'offline', reach: 1, contacted: 1, buyers: 1, conversion: 1 });
		expect(body.figures.channels.map((c: Figure) => c.channel)).toEqual(['web', 'shop', 'app', 'phone']);

		// Values: the CLV the value page trusts, of each channel's buyers.
		expect(['bgnbd', 'formula']).toContain(body.clvModel);
		const clv = (await ready(`/api/v1/workspaces/${workspaceId}/analytics/clv?model=${body.clvModel}&timeUnit=week&margin=1&limit=100`)).body;
		const byId = new Map<string, number>(clv.customers.items.map((c: { externalId: string; clv: number }) => [c.externalId, c.clv]));
		const mean = (members: string[]) => members.reduce((sum, id) => sum + byId.get(id)!, 0) / members.length;
		expect(rows.get('shop')!.clv!.n).toBe(3);
		expect(rows.get('shop')!.clv!.mean).toBeCloseTo(mean(['c02', 'c03', 'c11']), 6);
		expect(rows.get('phone')!.clv!.mean).toBeCloseTo(mean(['c05']), 6);
	});

	it('compares online and offline and names the channel combinations customers use', async () => {
		const { figures } = (await channelsOf()).body;
		expect(figures.customers).toBe(13);
		const kinds = Object.fromEntries(figures.kinds.map((k: { kind: string; reach: number; buyers: number; channels: string[] }) => [k.kind, [k.reach, k.buyers, k.channels]]));
		expect(kinds).toEqual({ online: [10, 9, ['app', 'web']], offline: [4, 4, ['phone', 'shop']] });
		const mix = Object.fromEntries(figures.mix.map((m: { mix: string; customers: number }) => [m.mix, m.customers]));
		expect(mix).toEqual({ online: 7, offline: 2, both: 2, unknown: 1 });
		expect(figures.singleChannel.customers).toBe(9);
		expect(figures.multiChannel.customers).toBe(3);
		expect(figures.noChannel).toBe(1);
		expect(figures.combinations.map((c: { channels: string[]; customers: number }) => [c.channels.join('+'), c.customers])).toEqual([
			['web', 7],
			['shop', 2],
			['app+web', 1],
			['phone+web', 1],
			['shop+web', 1]
		]);
		// Thin on the default minimum of 30: marked, still shown.
		expect(figures.multiChannel.lowN).toBe(true);
	});

	it('counts the headline\'s customers and their mean CLV as its buyers, for every filter', async () => {
		for (const query of [Q1, `${Q1}&groupId=${zeist}`, `${Q1}&channel=app`, 'from=2026-03-01&to=2026-03-31']) {
			const [channels, head] = [(await channelsOf(query)).body, (await headlineOf(query)).body];
			expect(channels.figures.buyers.customers, query).toBe(head.current.customers);
			expect(channels.figures.buyers.clv.n, query).toBe(head.current.clvN);
			if (head.current.clvMean === null) expect(channels.figures.buyers.clv.mean, query).toBeNull();
			else expect(channels.figures.buyers.clv.mean, query).toBeCloseTo(head.current.clvMean, 6);
		}
	});

	it('keeps to the cut, the entry channel and the period', async () => {
		const group = (await channelsOf(`${Q1}&groupId=${zeist}`)).body.figures;
		expect(group.customers).toBe(2);
		expect(group.channels.map((c: Figure) => [c.channel, c.reach])).toEqual([['shop', 1]]);
		// Only c04's first event came through the app; it then browsed the web.
		const app = (await channelsOf(`${Q1}&channel=app`)).body.figures;
		expect(app.customers).toBe(1);
		expect(app.combinations.map((c: { channels: string[] }) => c.channels.join('+'))).toEqual(['app+web']);
		const february = (await channelsOf('from=2026-02-01&to=2026-02-28')).body.figures;
		expect(february).toMatchObject({ customers: 1, buyers: { customers: 0 } });
		expect(february.channels.map((c: Figure) => [c.channel, c.reach, c.buyers, c.conversion])).toEqual([['web', 1, 0, 0]]);
	});

	it('lets viewers read the section, hides it from outsiders and refuses bad filters', async () => {
		const { client: viewer } = await inviteAndJoin(owner, workspaceId, 'viewer');
		expect((await channelsOf(Q1, viewer)).status).toBe(200);
		const { client: outsider } = await makeUser();
		expect((await outsider.get(`/api/v1/workspaces/${workspaceId}/insights/channels`)).status).toBe(404);
		expect((await owner.get(`/api/v1/workspaces/${workspaceId}/insights/channels?from=2026-03-01&to=2026-01-01`)).status).toBe(400);
	});
});
