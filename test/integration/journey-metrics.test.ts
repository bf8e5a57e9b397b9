import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, addLane, addStage, bindCard } from '$lib/domain/board';
import { connectClient, eventually, synced } from './collab-support';
import { inviteAndJoin, makeUser, makeWorkspace, type Client } from './helpers';
import { importValid } from './imports';
import { boardOfSteps } from './measured-boards';

/*
 * A board's measured steps through the real server: bindings made over the websocket, figures
 * computed from imported events. Seven customers, each path designed by hand:
 *
 *   a  view(web) d1 → cart d2 → purchase d3            b  view(web) d1 → cart d2 → purchase d4
 *   c  app view d1 → cart d3                           d  app view d1
 *   e  view d1                                         f  cart d1 only (enters mid-journey)
 *   g  purchase d1, then view d2 (the purchase came before the view: out of order)
 */

const day = (n: number) => `2026-03-0${n}`;
const EVENTS = [
	'customer_id,date,event_type,channel',
	`a,${day(1)},view_product,web`, `a,${day(2)},add_to_cart,web`, `a,${day(3)},purchase,web`,
	`b,${day(1)},view_product,web`, `b,${day(1)},view_product,web`, `b,${day(2)},add_to_cart,app`, `b,${day(4)},purchase,app`,
	`c,${day(1)},app_view,app`, `c,${day(3)},add_to_cart,app`,
	`d,${day(1)},app_view,app`,
	`e,${day(1)},view_product,web`,
	`f,${day(1)},add_to_cart,web`,
	`g,${day(1)},purchase,web`, `g,${day(2)},view_product,web`,
	`c,${day(4)},complaint,phone`
].join('\n');
const ANSWERS = [
	'customer_id,date,kind,score,step,comment',
	'a,2026-03-02,csat,5,add_to_cart,',
	'b,2026-03-02,csat,4,add_to_cart,',
	'c,2026-03-03,csat,2,add_to_cart,Shipping costs came as a surprise'
].join('\n');
const PURCHASES = ['customer_id,date,amount', 'a,2026-03-03,100', 'b,2026-03-04,300'].join('\n');

let owner: Client;
let workspaceId: string;
let boardId: string;
const cards = { web: '', app: '', cart: '', buy: '' };

beforeAll(async () => {
	({ client: owner } = await makeUser());
	workspaceId = (await makeWorkspace(owner, 'Measured')).id;
	await importValid(owner, workspaceId, EVENTS, { kind: 'events' });
	await importValid(owner, workspaceId, ANSWERS, { kind: 'surveys' });
	await importValid(owner, workspaceId, PURCHASES, { kind: 'transactions' });
	boardId = (await owner.post(`/api/v1/workspaces/${workspaceId}/boards`, { title: 'Webshop' })).body.id;
	const { token } = (await owner.post('/api/v1/tokens', { name: 'board editor' })).body;

	const editor = connectClient(owner.baseUrl, boardId, token);
	await synced(editor);
	const doc: Y.Doc = editor.doc;
	const [orient, cart, buy, after] = ['Orient', 'Cart', 'Buy', 'After'].map((title, index) => addStage(doc, { title, index }));
	const web = addLane(doc, { title: 'Web', kind: 'touchpoints' });
	const app = addLane(doc, { title: 'App', kind: 'touchpoints' });
	addLane(doc, { title: 'Figures', kind: 'metrics' });
	cards.web = addCard(doc, { type: 'touchpoint', stageId: orient!, laneId: web, text: 'Product page' });
	cards.app = addCard(doc, { type: 'touchpoint', stageId: orient!, laneId: app, text: 'App product view' });
	cards.cart = addCard(doc, { type: 'action', stageId: cart!, laneId: web, text: 'Add to cart' });
	cards.buy = addCard(doc, { type: 'action', stageId: buy!, laneId: web, text: 'Pay' });
	addCard(doc, { type: 'touchpoint', stageId: after!, laneId: web, text: 'Not measured' });
	bindCard(doc, cards.web, ['view_product']);
	bindCard(doc, cards.app, ['app_view']);
	bindCard(doc, cards.cart, ['add_to_cart']);
	bindCard(doc, cards.buy, ['purchase']);
	// The server has every change before the client hears back; wait until it reports the binding.
	await eventually(async () => {
		const response = await owner.get(`/api/v1/boards/${boardId}/metrics`);
		expect(response.body.steps?.length).toBe(4);
	});
	editor.close();
}, 60_000);

async function metrics(query = '', client = owner) {
	for (let i = 0; i < 50; i++) {
		const response = await client.get(`/api/v1/boards/${boardId}/metrics${query}`);
		if (response.status !== 202) return response;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error('metrics did not finish');
}

const byCard = (body: { steps: { cardId: string }[] }) => Object.fromEntries(body.steps.map((s) => [s.cardId, s])) as Record<string, any>;

describe('journey metrics', () => {
	it('count each step by the ordering rule: alternatives, repeats, out of order, entering mid-journey', async () => {
		const response = await metrics();
		expect(response.status, JSON.stringify(response.body)).toBe(200);
		const steps = byCard(response.body);
		expect(steps[cards.web]).toMatchObject({ stage: 0, reached: 4, converted: 2, conversion: 0.5, dropOff: 0.5, dropOffCount: 2, medianHoursToNext: 24 });
		expect(steps[cards.app]).toMatchObject({ stage: 0, reached: 2, converted: 1, conversion: 0.5 });
		expect(steps[cards.cart]).toMatchObject({ stage: 1, reached: 3, converted: 2, dropOffCount: 1 });
		expect(steps[cards.cart].conversion).toBeCloseTo(2 / 3, 10);
		expect(steps[cards.buy]).toMatchObject({ stage: 2, reached: 2, converted: null, conversion: null });
		expect(response.body.stages.map((s: { reached: number; skipped: number }) => [s.reached, s.skipped])).toEqual([
			[6, 0],
			[3, 1],
			[2, 1]
		]);
		// Answers tagged with the cart step: 2 of 3 satisfied, too few to lean on.
		expect(steps[cards.cart].csat).toEqual({ value: expect.closeTo(200 / 3, 8), n: 3, lowN: true });
		expect(steps[cards.web].csat).toEqual({ value: null, n: 0, lowN: true });
		// b went from web to the app between viewing and the cart.
		expect(steps[cards.web].channelSwitches).toEqual(
			expect.arrayContaining([{ from: 'web', to: 'web', customers: 1 }, { from: 'web', to: 'app', customers: 1 }])
		);
		expect(response.body.customersInCut).toBe(7);
		// What customers said near the cart: c's comment, and c complained the next day.
		expect(steps[cards.cart].voices).toEqual({
			comments: [{ kind: 'csat', score: 2, comment: 'Shipping costs came as a surprise', at: Date.UTC(2026, 2, 3) }],
			complainants: 1
		});
		expect(steps[cards.app].voices).toEqual({ comments: [], complainants: 1 });
		expect(steps[cards.web].voices).toEqual({ comments: [], complainants: 0 });
	});

	it('are cut by customer group and by period', async () => {
		const group = await owner.post(`/api/v1/workspaces/${workspaceId}/groups`, {
			name: 'Bought',
			rule: { match: 'all', conditions: [{ field: 'eventCount', key: 'purchase', op: 'gte', value: 1 }] }
		});
		const cut = await metrics(`?groupId=${group.body.id}`);
		expect(cut.body.customersInCut).toBe(3);
		expect(cut.body.groups).toContainEqual({ id: group.body.id, name: 'Bought' });
		const steps = byCard(cut.body);
		expect(steps[cards.web]).toMatchObject({ reached: 3, converted: 2 });
		expect(steps[cards.app]).toMatchObject({ reached: 0, conversion: null });

		// Customers who entered through the app: c and d.
		const app = await metrics('?channel=app');
		expect(byCard(app.body)[cards.app]).toMatchObject({ reached: 2 });
		expect(byCard(app.body)[cards.web]).toMatchObject({ reached: 0 });
		expect(app.body.channels).toEqual(expect.arrayContaining(['web', 'app']));
		expect((await owner.get(`/api/v1/boards/${boardId}/metrics?channel=fax`)).status).toBe(422);

		const early = await metrics('?from=2026-03-01&to=2026-03-02');
		expect(byCard(early.body)[cards.buy].reached).toBe(0);
		expect(byCard(early.body)[cards.cart].reached).toBe(2);
	});

	it('estimate what a lower drop-off is worth', async () => {
		const response = await owner.get(`/api/v1/boards/${boardId}/what-if?cardId=${cards.cart}&dropOffPoints=10`);
		expect(response.status, JSON.stringify(response.body)).toBe(200);
		// 3 reached the cart: 10 points less drop-off sends 0.3 more to the last stage, worth the mean revenue of a and b (200).
		expect(response.body.extraReachedNext).toBeCloseTo(0.3, 10);
		expect(response.body.extraFinalConversions).toBeCloseTo(0.3, 10);
		expect(response.body.extraRevenue).toBeCloseTo(60, 8);
		expect(response.body.explanation).toMatchObject({ reason: 'ok', revenuePerFinalConversion: 200 });
		expect(response.body.explanation.newDropOff).toBeCloseTo(1 / 3 - 0.1, 10);

		const unknown = await owner.get(`/api/v1/boards/${boardId}/what-if?cardId=nothing&dropOffPoints=10`);
		expect(unknown.status).toBe(404);
		const bad = await owner.get(`/api/v1/boards/${boardId}/what-if?cardId=${cards.cart}&dropOffPoints=500`);
		expect(bad.status).toBe(400);
	});

	it('value the steps by the pooled formula when BG/NBD cannot be fitted to the data, and say so', async () => {
		// Two buyers with one purchase each: far too few repeat buyers for BG/NBD (its fit is refused).
		const body = (await metrics()).body;
		expect(body.clvModel).toBe('formula');
		const pay = byCard(body)[cards.buy];
		expect(pay.clvMean).toBeGreaterThan(0);
		// Those who dropped off at the cart (c) had bought nothing: nothing of value at risk there.
		expect(byCard(body)[cards.cart].valueAtRisk).toBe(0);
	});

	it('estimate what a higher CSAT is worth, from how satisfied respondents went on', async () => {
		const whatIf = (query: string) => owner.get(`/api/v1/boards/${boardId}/what-if?cardId=${cards.cart}&lever=csat&${query}`);
		// At the cart a (5) and b (4) were satisfied and both paid; c (2) was not and did not: 100 % vs 0 %.
		// 10 CSAT points move 10 % of the 3 cart customers to the satisfied rate: 0.3 more pay, worth 200 each.
		const response = await whatIf('points=10&minimumRespondents=1');
		expect(response.status, JSON.stringify(response.body)).toBe(200);
		expect(response.body).toMatchObject({ lever: 'csat', points: 10, horizonDays: null, periodDays: 4 });
		expect(response.body.dropOffPoints).toBeCloseTo(10, 10);
		expect(response.body.extraReachedNext).toBeCloseTo(0.3, 10);
		expect(response.body.extraFinalConversions).toBeCloseTo(0.3, 10);
		expect(response.body.extraRevenue).toBeCloseTo(60, 8);
		expect(response.body.explanation.csat).toMatchObject({
			satisfied: { n: 2, converted: 2, conversion: 1 },
			unsatisfied: { n: 1, converted: 0, conversion: 0 },
			pointsApplied: 10,
			capped: false,
			lift: 1,
			minimumRespondents: 1,
			lowN: false,
			reason: 'ok',
			assumption: 'association'
		});
		expect(response.body.explanation.csat.currentCsat).toBeCloseTo(2 / 3, 10);

		// Over 8 days at the pace of the 4 the data covers (1–4 March): twice as much.
		const horizon = await whatIf('points=10&minimumRespondents=1&horizonDays=8');
		expect(horizon.body).toMatchObject({ horizonDays: 8, periodDays: 4, explanation: { horizonFactor: 2 } });
		expect(horizon.body.extraRevenue).toBeCloseTo(120, 8);

		// Three respondents are too few to lean on by default (30 a side); no CSAT answer is tagged with the product page.
		const few = await whatIf('points=10');
		expect(few.body).toMatchObject({
			extraReachedNext: 0,
			extraRevenue: 0,
			explanation: { csat: { reason: 'too-few-respondents', lowN: true, minimumRespondents: 30, taggedAnswers: { csat: 3, ces: 0, nps: 0 } } }
		});
		const none = await owner.get(`/api/v1/boards/${boardId}/what-if?cardId=${cards.web}&lever=csat&points=10`);
		expect(none.body).toMatchObject({ extraReachedNext: 0, explanation: { csat: { reason: 'no-csat-answers', currentCsat: null, taggedAnswers: { csat: 0, ces: 0, nps: 0 } } } });

		// The drop-off lever answers as before, with no CSAT side; a lever needs its points.
		const dropOff = await owner.get(`/api/v1/boards/${boardId}/what-if?cardId=${cards.cart}&lever=drop-off&points=10&horizonDays=8`);
		expect(dropOff.body).toMatchObject({ lever: 'drop-off', dropOffPoints: 10, explanation: { csat: null } });
		expect(dropOff.body.extraRevenue).toBeCloseTo(120, 8);
		expect((await whatIf('')).status).toBe(400);
		expect((await owner.get(`/api/v1/boards/${boardId}/what-if?cardId=${cards.cart}&lever=price&points=1`)).status).toBe(400);
		expect((await whatIf('points=10&horizonDays=0')).status).toBe(400);
	});

	it('list the event types steps can bind to, and are readable by viewers, not by outsiders', async () => {
		const types = await owner.get(`/api/v1/boards/${boardId}/event-types`);
		expect(types.body.items.map((t: { eventType: string }) => t.eventType)).toEqual(['view_product', 'add_to_cart', 'purchase', 'app_view', 'complaint']);
		expect(types.body.items[0]).toMatchObject({ events: 5, customers: 4, channels: [{ channel: 'web', events: 5 }] });

		const { client: viewer } = await inviteAndJoin(owner, workspaceId, 'viewer');
		expect((await metrics('', viewer)).status).toBe(200);
		const { client: outsider } = await makeUser();
		expect((await outsider.get(`/api/v1/boards/${boardId}/metrics`)).status).toBe(404);
		expect((await outsider.get(`/api/v1/boards/${boardId}/event-types`)).status).toBe(404);
	});

	it('follow a new import at once (the dataset version moves on)', async () => {
		await importValid(owner, workspaceId, ['customer_id,date,event_type,channel', `d,${day(5)},add_to_cart,app`].join('\n'), { kind: 'events' });
		await eventually(async () => {
			const steps = byCard((await metrics()).body);
			expect(steps[cards.app]).toMatchObject({ reached: 2, converted: 2 });
		});
	});
});

describe('the conversion window', () => {
	it('counts the next step only within the window (a week unless asked)', async () => {
		// Within a day only a and b reach the cart (c took two days, d four), and only a pays next day;
		// within two days c's cart and b's payment (day 2 → 4) count too.
		const oneDay = byCard((await metrics('?withinDays=1')).body);
		expect(oneDay[cards.cart]).toMatchObject({ reached: 2, converted: 1 });
		const twoDays = byCard((await metrics('?withinDays=2')).body);
		expect(twoDays[cards.cart]).toMatchObject({ reached: 3, converted: 2 });
		expect((await owner.get(`/api/v1/boards/${boardId}/metrics?withinDays=-1`)).status).toBe(400);
	});
});

describe('an event type bound in two stages', () => {
	it('is flagged on both steps, and the later step counts only customers who did it again', async () => {
		const { body, ids, stageIds } = await boardOfSteps(owner, workspaceId, [
			['View', 'view_product'],
			['Add to cart', 'add_to_cart'],
			['Pay', 'purchase'],
			['Adds again', 'add_to_cart']
		]);
		const [, basket, pay, twice] = ids as [string, string, string, string];
		const [, cart, , again] = stageIds;
		const steps = byCard(body);
		expect(steps[twice].sharedBindings).toEqual([{ eventType: 'add_to_cart', cardId: basket, stageId: cart, relation: 'earlier-stage', credited: false }]);
		expect(steps[basket].sharedBindings).toEqual([{ eventType: 'add_to_cart', cardId: twice, stageId: again, relation: 'later-stage', credited: false }]);
		expect(steps[pay].sharedBindings).toEqual([]);
		// a and b added to the cart once, before paying: that event counted for "Cart", so nobody
		// reaches "Adds again" and "Pay" shows both as dropped off.
		expect(steps[basket]).toMatchObject({ reached: 2, converted: 2 });
		expect(steps[pay]).toMatchObject({ reached: 2, converted: 0, dropOffCount: 2 });
		expect(steps[twice]).toMatchObject({ reached: 0 });
	});
});

describe('reading the events', () => {
	it("counts a workspace's events when another workspace's rows lie between its imports", async () => {
		// Rows of one workspace far apart by id are read by event type rather than by id range.
		const { client } = await makeUser();
		const spread = (await makeWorkspace(client, 'Spread')).id;
		const other = (await makeWorkspace(client, 'Other')).id;
		const header = 'customer_id,date,event_type,channel';
		await importValid(client, spread, [header, `x,${day(1)},view_product,web`, `x,${day(2)},add_to_cart,app`].join('\n'), { kind: 'events' });
		const noise = Array.from({ length: 200 }, (_, i) => `n${i},${day(1 + (i % 5))},view_product,web`);
		await importValid(client, other, [header, ...noise].join('\n'), { kind: 'events' });
		await importValid(client, spread, [header, `x,${day(3)},purchase,app`, `y,${day(1)},view_product,`].join('\n'), { kind: 'events' });

		const { body, ids } = await boardOfSteps(client, spread, [
			['view_product', 'view_product'],
			['add_to_cart', 'add_to_cart'],
			['purchase', 'purchase']
		]);
		const steps = byCard(body);
		expect(ids.map((id) => [steps[id].reached, steps[id].converted])).toEqual([
			[2, 1],
			[1, 1],
			[1, null]
		]);
		expect(body.customersInCut).toBe(2);
		// Codes in name order: the entry-channel choice lists channels alphabetically.
		expect(body.channels).toEqual(['app', 'web']);
		expect(steps[ids[0]!].byChannel).toEqual([{ channel: 'web', reached: 1, converted: 1, conversion: 1 }, { channel: 'unknown', reached: 1, converted: 0, conversion: 0 }]);
	});
});
