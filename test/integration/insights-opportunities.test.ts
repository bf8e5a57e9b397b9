import { beforeAll, describe, expect, it } from 'vitest';
import { addCard, addLane, attachEstimate, bindCard, type NewCard, type OpportunityEstimate } from '$lib/domain/board';
import { connectClient, eventually, synced } from './collab-support';
import { finished, inviteAndJoin, makeUser, makeWorkspace, type Client } from './helpers';
import { importValid } from './imports';
import { boardOfSteps } from './measured-boards';

/*
 * The opportunities portfolio through the real server: one map with three measured steps and
 * four opportunity cards — a what-if from an earlier import (recomputed), one from this import
 * (kept as stored), one whose step was unbound (withheld) and one without a what-if.
 */

const EVENTS = [
	'customer_id,date,event_type,channel',
	'a,2026-03-01,view_product,web', 'a,2026-03-02,add_to_cart,web', 'a,2026-03-03,purchase,web',
	'b,2026-03-01,view_product,web', 'b,2026-03-02,add_to_cart,app', 'b,2026-03-04,purchase,app',
	'c,2026-03-01,view_product,app', 'c,2026-03-03,add_to_cart,app',
	'd,2026-03-01,view_product,app', 'e,2026-03-01,view_product,web', 'f,2026-03-02,view_product,web'
].join('\n');
const PURCHASES = ['customer_id,date,amount', 'a,2026-03-03,100', 'a,2026-03-10,50', 'b,2026-03-04,300', 'a,2026-02-10,80'].join('\n');

let owner: Client;
const ownerName = 'Olga Owner';
let workspaceId: string;
let board: string;
let datasetVersion: number;
const cards = { view: '', cart: '', pay: '', outdated: '', current: '', gone: '', plain: '' };

const estimate = (stepCardId: string, version: number, extraClv: number): OpportunityEstimate => ({
	stepCardId,
	lever: 'drop-off',
	points: 10,
	horizonDays: 90,
	groupId: null,
	personaId: null,
	channel: null,
	snapshot: { extraReachedNext: 1, extraFinalConversions: 1, extraRevenue: 1, extraClv, computedAt: '2026-01-01T00:00:00.000Z', datasetVersion: version }
});


const portfolioOf = (client = owner) => finished(client, `/api/v1/workspaces/${workspaceId}/insights/opportunities`);

beforeAll(async () => {
	const made = await makeUser({ name: ownerName });
	owner = made.client;
	workspaceId = (await makeWorkspace(owner, 'Portfolio')).id;
	await importValid(owner, workspaceId, EVENTS, { kind: 'events' });
	await importValid(owner, workspaceId, PURCHASES, { kind: 'transactions' });
	const ownerId = made.user.id as string;
	const map = await boardOfSteps(owner, workspaceId, [['Product page', 'view_product'], ['Add to cart', 'add_to_cart'], ['Pay', 'purchase']], {
		title: 'Webshop',
		extra: (doc, ids, stageIds) => {
			const lane = addLane(doc, { title: 'Opportunities', kind: 'opportunities' });
			const opportunity = (text: string, stage: number, fields: Partial<NewCard>) =>
				addCard(doc, { type: 'opportunity', stageId: stageIds[stage]!, laneId: lane, text, ...fields });
			cards.outdated = opportunity('Free shipping over €50', 1, { lever: 'cross_sell', effort: 1, impact: 3, status: 'doing', ownerId });
			cards.current = opportunity('Pay later', 2, { lever: 'structural_bonding', effort: 3, impact: 2, status: 'planned', ownerId: 'someone-who-left' });
			cards.gone = opportunity('Compare products', 0, { lever: 'up_sell', effort: 2 });
			cards.plain = opportunity('Members club', 0, { lever: 'social_bonding', impact: 3 });
			// Version 0 was never a dataset: this what-if is from before any import and must be asked again.
			attachEstimate(doc, cards.outdated, estimate(ids[1]!, 0, 999_999));
			// The step 'Compare products' was valued on is unbound afterwards: no longer measured.
			const note = addCard(doc, { type: 'action', stageId: stageIds[0]!, laneId: lane, text: 'Comparison' });
			bindCard(doc, note, ['view_product']);
			attachEstimate(doc, cards.gone, estimate(note, 0, 5_000));
			bindCard(doc, note, []);
		}
	});
	board = map.board;
	[cards.view, cards.cart, cards.pay] = map.ids as [string, string, string];
	datasetVersion = map.body.datasetVersion;
	expect(datasetVersion).toBeGreaterThan(0);
	// A what-if of the data as it is now keeps its stored figures (a sentinel shows they are not recomputed).
	const { token } = (await owner.post('/api/v1/tokens', { name: 'portfolio editor' })).body;
	const editor = connectClient(owner.baseUrl, board, token);
	await synced(editor);
	attachEstimate(editor.doc, cards.current, estimate(cards.pay, datasetVersion, 1_234));
	await eventually(async () => {
		const stored = (await portfolioOf()).body.opportunities.find((o: any) => o.cardId === cards.current);
		expect(stored.value).not.toBeNull();
	}, 10_000);
	editor.close();
}, 90_000);

describe('the opportunities portfolio', () => {
	it('values each opportunity by its what-if, recomputed when it came from an earlier import, equal to the map\'s what-if', async () => {
		const response = await portfolioOf();
		expect(response.status, JSON.stringify(response.body)).toBe(200);
		const body = response.body;
		expect(body.boards).toBe(1);
		expect(body.opportunities).toHaveLength(4);
		const byCard = new Map<string, any>(body.opportunities.map((o: any) => [o.cardId, o]));

		const whatIf = (await finished(owner, `/api/v1/boards/${board}/what-if?cardId=${cards.cart}&lever=drop-off&points=10&horizonDays=90`)).body;
		const outdated = byCard.get(cards.outdated);
		expect(outdated.value.state).toBe('current');
		expect(outdated.value.figures.extraClv).toBeCloseTo(whatIf.extraClv, 6);
		expect(outdated.value.figures.extraFinalConversions).toBeCloseTo(whatIf.extraFinalConversions, 6);
		expect(outdated.value.figures.datasetVersion).toBe(datasetVersion);
		expect(outdated.value.figures.extraClv).not.toBe(999_999);
		expect(outdated).toMatchObject({ boardTitle: 'Webshop', stageTitle: 'Add to cart', lever: 'cross_sell', family: 'selling', effort: 1, impact: 3, status: 'doing', ownerName, ownerGone: false });
		expect(outdated.value.stepText).toBe('Add to cart');

		const current = byCard.get(cards.current);
		expect(current.value).toMatchObject({ state: 'current', figures: { extraClv: 1_234, datasetVersion } });
		expect(current).toMatchObject({ family: 'bonding', status: 'planned', ownerName: null, ownerGone: true });
	});

	it('withholds the value of a what-if whose step is no longer measured, and lists cards without one after the valued', async () => {
		const body = (await portfolioOf()).body;
		const gone = body.opportunities.find((o: any) => o.cardId === cards.gone);
		expect(gone.value).toMatchObject({ state: 'step-gone', figures: null });
		const plain = body.opportunities.find((o: any) => o.cardId === cards.plain);
		expect(plain).toMatchObject({ value: null, status: 'idea', ownerId: null, family: 'bonding' });
		// The two valued first, by value; then the unvalued by impact.
		const order = body.opportunities.map((o: any) => o.cardId);
		const valued = [cards.outdated, cards.current].sort(
			(a, b) => body.opportunities.find((o: any) => o.cardId === b).value.figures.extraClv - body.opportunities.find((o: any) => o.cardId === a).value.figures.extraClv
		);
		expect(order).toEqual([...valued, cards.plain, cards.gone]);
	});

	it('sums current values by what the lever grows and counts opportunities by status', async () => {
		const body = (await portfolioOf()).body;
		const outdated = body.opportunities.find((o: any) => o.cardId === cards.outdated);
		expect(body.byFamily).toEqual([
			{ family: 'selling', opportunities: 2, valued: 1, extraClv: outdated.value.figures.extraClv },
			{ family: 'bonding', opportunities: 2, valued: 1, extraClv: 1_234 }
		]);
		expect(body.byStatus).toEqual({ idea: 2, planned: 1, doing: 1, done: 0 });
	});

	it('is open to viewers and hidden from people outside the workspace', async () => {
		const { client: viewer } = await inviteAndJoin(owner, workspaceId, 'viewer');
		expect((await portfolioOf(viewer)).status).toBe(200);
		const { client: stranger } = await makeUser();
		expect((await stranger.get(`/api/v1/workspaces/${workspaceId}/insights/opportunities`)).status).toBe(404);
	});
});
