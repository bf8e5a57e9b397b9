import { beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addCard, addLane, linkCards } from '$lib/domain/board';
import { finished, inviteAndJoin, makeUser, makeWorkspace, type Client } from './helpers';
import { importValid } from './imports';
import { boardOfSteps } from './measured-boards';

/*
 * The insights sections through the real server: two maps over one workspace's events, a
 * drop-off cause card linked to a step, purchases and answers in March 2026 and the month before.
 */

const EVENTS = [
	'customer_id,date,event_type,channel',
	'a,2026-03-01,view_product,web', 'a,2026-03-02,add_to_cart,web', 'a,2026-03-03,purchase,web',
	'b,2026-03-01,view_product,web', 'b,2026-03-02,add_to_cart,app', 'b,2026-03-04,purchase,app',
	'c,2026-03-01,view_product,app', 'c,2026-03-03,add_to_cart,app',
	'd,2026-03-01,view_product,app',
	'e,2026-03-01,view_product,web',
	'f,2026-03-02,view_product,web'
].join('\n');
const ANSWERS = [
	'customer_id,date,kind,score,step,comment',
	'a,2026-03-02,csat,5,add_to_cart,',
	'b,2026-03-02,csat,4,add_to_cart,',
	'c,2026-03-03,csat,2,add_to_cart,',
	'a,2026-02-15,csat,1,add_to_cart,'
].join('\n');
// March: a on two days, b once. February: a once.
const PURCHASES = ['customer_id,date,amount', 'a,2026-03-03,100', 'a,2026-03-10,50', 'b,2026-03-04,300', 'a,2026-02-10,80'].join('\n');

const MARCH = 'from=2026-03-01&to=2026-03-31';

let owner: Client;
let workspaceId: string;
const cards = { view: '', cart: '', buy: '', cause: '', appView: '', appCart: '' };
const boards = { shop: '', app: '' };


/** A map of the workspace with a stage per step. */
const mapOf = (title: string, steps: [string, string][], extra?: (doc: Y.Doc, ids: string[], stageIds: string[]) => void) =>
	boardOfSteps(owner, workspaceId, steps, { title, extra });

beforeAll(async () => {
	({ client: owner } = await makeUser());
	workspaceId = (await makeWorkspace(owner, 'Insights')).id;
	await importValid(owner, workspaceId, EVENTS, { kind: 'events' });
	await importValid(owner, workspaceId, ANSWERS, { kind: 'surveys' });
	await importValid(owner, workspaceId, PURCHASES, { kind: 'transactions' });
	const shop = await mapOf('Webshop', [['Product page', 'view_product'], ['Add to cart', 'add_to_cart'], ['Pay', 'purchase']], (doc, ids, stageIds) => {
		const dropoffs = addLane(doc, { title: 'Drop-off', kind: 'dropoffs' });
		cards.cause = addCard(doc, { type: 'dropoff', stageId: stageIds[1]!, laneId: dropoffs, text: 'Shipping costs unclear', dropOffCategory: 'unclear_information' });
		linkCards(doc, ids[1]!, cards.cause);
	});
	boards.shop = shop.board;
	[cards.view, cards.cart, cards.buy] = shop.ids as [string, string, string];
	const app = await mapOf('App', [['App product view', 'view_product'], ['App cart', 'add_to_cart']]);
	boards.app = app.board;
	[cards.appView, cards.appCart] = app.ids as [string, string];
}, 90_000);

const leaksOf = (query = MARCH, client = owner) => finished(client, `/api/v1/workspaces/${workspaceId}/insights/leaks?${query}`);
const headlineOf = (query = MARCH, client = owner) => finished(client, `/api/v1/workspaces/${workspaceId}/insights/headline?${query}`);
const metricsOf = async (board: string, query = MARCH) => (await finished(owner, `/api/v1/boards/${board}/metrics?${query}`)).body;

describe('where it leaks', () => {
	it('ranks every measured step of every map by value at risk, with the figures of its metrics lane and its cause cards', async () => {
		const response = await leaksOf();
		expect(response.status, JSON.stringify(response.body)).toBe(200);
		const body = response.body;
		expect(body).toMatchObject({ rankedBy: 'value-at-risk', clvModel: 'formula', boards: 2, period: { from: '2026-03-01', to: '2026-03-31' } });
		expect(body.leaks).toHaveLength(5);
		// Each row is its map's own figure for the same filters.
		for (const board of [boards.shop, boards.app]) {
			for (const step of (await metricsOf(board)).steps) {
				const leak = body.leaks.find((l: any) => l.cardId === step.cardId);
				expect(leak).toMatchObject({ boardId: board, reached: step.reached, dropOffCount: step.dropOffCount, valueAtRisk: step.valueAtRisk });
			}
		}
		const values = body.leaks.map((l: any) => l.valueAtRisk ?? -Infinity);
		expect(values).toEqual([...values].sort((x: number, y: number) => y - x));
		// Customers a and b (who bought) went on past the product page: d, e, f had nothing at risk. At the
		// cart c dropped off having bought nothing either; the last stages have no drop-off.
		const cart = body.leaks.find((l: any) => l.cardId === cards.cart);
		expect(cart).toMatchObject({ boardTitle: 'Webshop', cardText: 'Add to cart', reached: 3, dropOffCount: 1, lowN: true });
		expect(cart.causes).toEqual([{ cardId: cards.cause, category: 'unclear_information', text: 'Shipping costs unclear' }]);
		expect(body.leaks.at(-1).dropOffCount).toBeNull();
		expect(body.channels).toEqual(['app', 'web']);
	});

	it('falls back to ranking by drop-off count when no CLV can be trusted', async () => {
		const other = (await makeWorkspace(owner, 'Events only')).id;
		await importValid(owner, other, EVENTS, { kind: 'events' });
		const saved = workspaceId;
		workspaceId = other;
		try {
			const { ids } = await mapOf('Events map', [['Product page', 'view_product'], ['Add to cart', 'add_to_cart'], ['Pay', 'purchase']]);
			const body = (await leaksOf('')).body;
			expect(body).toMatchObject({ rankedBy: 'drop-off', clvModel: null });
			// 6 viewed, 3 went to the cart (3 drop off); of 3 at the cart 2 paid (1 drops off).
			expect(body.leaks.map((l: any) => [l.cardId, l.dropOffCount, l.valueAtRisk])).toEqual([
				[ids[0], 3, null],
				[ids[1], 1, null],
				[ids[2], null, null]
			]);
			// Without from/to: the last 90 days of the data (its last event on 2026-03-04).
			expect(body.period).toEqual({ from: '2025-12-05', to: '2026-03-04' });
		} finally {
			workspaceId = saved;
		}
	});

	it('cuts by entry channel and period as the maps do', async () => {
		const app = (await leaksOf(`${MARCH}&channel=app`)).body;
		const appFigures = await metricsOf(boards.shop, `${MARCH}&channel=app`);
		const view = app.leaks.find((l: any) => l.cardId === cards.view);
		expect(view.reached).toBe(appFigures.steps.find((s: any) => s.cardId === cards.view).reached);
		expect(view.reached).toBe(2);
		const february = (await leaksOf('from=2026-02-01&to=2026-02-28')).body;
		expect(february.leaks.every((l: any) => l.reached === 0)).toBe(true);
	});
});

describe('the headline', () => {
	it('gives customers, CLV, satisfaction and repeat rate of the period, each against the month before', async () => {
		const response = await headlineOf();
		expect(response.status, JSON.stringify(response.body)).toBe(200);
		const { current, previous, change, clvModel } = response.body;
		expect(current.period).toEqual({ from: '2026-03-01', to: '2026-03-31' });
		expect(previous.period).toEqual({ from: '2026-01-29', to: '2026-02-28' });
		expect(current).toMatchObject({ customers: 2, repeatBuyers: 1, repeatPurchaseRate: 0.5, repeatLowN: true });
		expect(previous).toMatchObject({ customers: 1, repeatBuyers: 0, repeatPurchaseRate: 0 });
		expect(change).toMatchObject({ customers: 1, repeatPurchaseRate: 0.5, nps: null });
		// CSAT: 2 of 3 satisfied in March, 0 of 1 in February.
		expect(current.csat).toMatchObject({ n: 3, lowN: true });
		expect(current.csat.csat).toBeCloseTo(200 / 3, 10);
		expect(change.csat).toBeCloseTo(200 / 3, 10);
		expect(current.nps).toMatchObject({ n: 0, nps: null });
		// The CLV is the value page's trusted estimate of the same customers.
		expect(clvModel).toBe('formula');
		const clv = (await finished(owner, `/api/v1/workspaces/${workspaceId}/analytics/clv?model=formula&timeUnit=week&margin=1&limit=100`)).body;
		const valueOf = (id: string) => clv.customers.items.find((c: any) => c.externalId === id).clv;
		expect(current.clvN).toBe(2);
		expect(current.clvTotal).toBeCloseTo(valueOf('a') + valueOf('b'), 6);
		expect(current.clvMean).toBeCloseTo(current.clvTotal / 2, 6);
		expect(change.clvTotal).toBeCloseTo(valueOf('b'), 6);
	});

	it('has no comparison when the period before has no data, and defaults to the last 90 days of the data', async () => {
		const body = (await headlineOf('from=2026-02-01&to=2026-02-28')).body;
		expect(body.previous.customers).toBe(0);
		expect(body.change).toMatchObject({ customers: null, clvTotal: null, repeatPurchaseRate: null, csat: null });
		const fallback = (await headlineOf('')).body;
		expect(fallback.current.period).toEqual({ from: '2025-12-11', to: '2026-03-10' });
		expect(fallback.current.customers).toBe(2);
	});

	it('cuts by entry channel: customers whose first event came through it', async () => {
		const body = (await headlineOf(`${MARCH}&channel=web`)).body;
		// a entered on the web, b too (view on web); c and d through the app bought nothing.
		expect(body.current.customers).toBe(2);
		const app = (await headlineOf(`${MARCH}&channel=app`)).body;
		expect(app.current.customers).toBe(0);
		expect(app.current.csat.n).toBe(1);
	});
});

describe('access to the insights', () => {
	it('lets viewers read both sections, hides them from outsiders and refuses bad filters', async () => {
		const { client: viewer } = await inviteAndJoin(owner, workspaceId, 'viewer');
		expect((await headlineOf(MARCH, viewer)).status).toBe(200);
		expect((await leaksOf(MARCH, viewer)).status).toBe(200);
		const { client: outsider } = await makeUser();
		expect((await outsider.get(`/api/v1/workspaces/${workspaceId}/insights/headline`)).status).toBe(404);
		expect((await outsider.get(`/api/v1/workspaces/${workspaceId}/insights/leaks`)).status).toBe(404);
		expect((await owner.get(`/api/v1/workspaces/${workspaceId}/insights/leaks?from=yesterday`)).status).toBe(400);
		const reversed = await owner.get(`/api/v1/workspaces/${workspaceId}/insights/headline?from=2026-05-31&to=2026-05-01`);
		expect(reversed.status).toBe(400);
		expect(JSON.stringify(reversed.body)).toMatch(/first day comes after the last/);
		expect((await owner.get(`/api/v1/workspaces/${workspaceId}/insights/headline?groupId=nope`)).status).toBe(404);
	});
});
