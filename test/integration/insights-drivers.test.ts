import { beforeAll, describe, expect, it } from 'vitest';
import { PLANTED_ODDS_RATIO, plantedJourney } from '$lib/server/analytics/drivers/planted-journey.fixture';
import { readBoard } from '$lib/domain/board';
import { connectClient, synced } from './collab-support';
import { finished, inviteAndJoin, makeUser, makeWorkspace, type Client } from './helpers';
import { importValid } from './imports';
import { boardOfSteps } from './measured-boards';

/*
 * Drop-off drivers through the real server: a generated journey (visit → checkout) in which the
 * customers who contact customer service twice between the steps drop off three times as often,
 * imported as files, measured on a map, asked through the insights API.
 */

const journey = plantedJourney(2000, 11, Date.UTC(2026, 0, 1));
const EVENTS = ['customer_id,timestamp,event_type,channel', ...journey.events.map((e) => `c${e.customer},${new Date(e.at).toISOString()},${e.type},${e.channel}`)].join('\n');
const CUSTOMERS = ['customer_id,income_band', ...journey.incomeBand.map((band, c) => `c${c},${band}`)].join('\n');
const PERIOD = 'from=2026-01-01&to=2026-12-31';

let owner: Client;
let workspaceId: string;
let board: string;
let visit: string;
let checkout: string;

beforeAll(async () => {
	({ client: owner } = await makeUser());
	workspaceId = (await makeWorkspace(owner, 'Drivers')).id;
	await importValid(owner, workspaceId, CUSTOMERS, { kind: 'customers' });
	await importValid(owner, workspaceId, EVENTS, { kind: 'events' });
	const map = await boardOfSteps(owner, workspaceId, [['Visit', 'visit'], ['Checkout', 'checkout']], { title: 'Shop' });
	board = map.board;
	[visit, checkout] = map.ids as [string, string];
}, 120_000);

const driversOf = (query: string, client = owner) => finished(client, `/api/v1/workspaces/${workspaceId}/insights/drivers?${query}`);

describe('drop-off drivers', () => {
	it('finds the planted driver first, with its odds ratio, for the step "Where it leaks" counts', async () => {
		const response = await driversOf(`boardId=${board}&cardId=${visit}&${PERIOD}`);
		expect(response.status, JSON.stringify(response.body)).toBe(200);
		const body = response.body;
		const leak = (await finished(owner, `/api/v1/workspaces/${workspaceId}/insights/leaks?${PERIOD}`)).body.leaks.find((l: any) => l.cardId === visit);
		expect(body).toMatchObject({ outcome: 'ok', board: { id: board, title: 'Shop' }, step: { cardId: visit, text: 'Visit' }, reached: leak.reached, droppedOff: leak.dropOffCount });
		const [top] = body.drivers;
		expect(top.feature).toEqual({ kind: 'event', eventType: 'contact_customer_service', atLeast: 2 });
		expect(top).toMatchObject({ clear: true, direction: 'more' });
		expect(top.low).toBeLessThan(PLANTED_ODDS_RATIO);
		expect(top.high).toBeGreaterThan(PLANTED_ODDS_RATIO);
		// The profile import's income band is a candidate, and makes no clear difference.
		const bands = body.drivers.filter((d: any) => d.feature.kind === 'profile' && d.feature.field === 'incomeBand');
		expect(bands.map((d: any) => d.feature.value).sort()).toEqual(['high', 'low']);
		expect(bands.every((d: any) => !d.clear)).toBe(true);
	});

	it('says the last stage has no drop-off to explain, and refuses a step that is not measured', async () => {
		expect((await driversOf(`boardId=${board}&cardId=${checkout}&${PERIOD}`)).body).toMatchObject({ outcome: 'last-stage', drivers: [] });
		expect((await owner.get(`/api/v1/workspaces/${workspaceId}/insights/drivers?boardId=${board}&cardId=nope`)).status).toBe(404);
		expect((await owner.get(`/api/v1/workspaces/${workspaceId}/insights/drivers?boardId=${board}`)).status).toBe(400);
	});

	it('cuts by entry channel as the leaks do', async () => {
		const web = (await driversOf(`boardId=${board}&cardId=${visit}&${PERIOD}&channel=web`)).body;
		const leak = (await finished(owner, `/api/v1/workspaces/${workspaceId}/insights/leaks?${PERIOD}&channel=web`)).body.leaks.find((l: any) => l.cardId === visit);
		expect(web.reached).toBe(leak.reached);
		expect(web.reached).toBeLessThan(journey.customers);
		expect(web.drivers.some((d: any) => d.feature.kind === 'entry-channel')).toBe(false);
	});

	it('lets a viewer see the drivers, and no one outside the workspace', async () => {
		const { client: viewer } = await inviteAndJoin(owner, workspaceId, 'viewer');
		expect((await driversOf(`boardId=${board}&cardId=${visit}&${PERIOD}`, viewer)).status).toBe(200);
		const { client: stranger } = await makeUser();
		expect((await stranger.get(`/api/v1/workspaces/${workspaceId}/insights/drivers?boardId=${board}&cardId=${visit}`)).status).toBe(404);
	});
});

describe('a driver added to the map', () => {
	const causes = () => `/api/v1/workspaces/${workspaceId}/insights/drivers/causes`;
	const body = (trait: string, extra: Record<string, unknown> = {}) => ({ boardId: board, cardId: visit, from: '2026-01-01', to: '2026-12-31', trait, text: 'Contacted service twice', ...extra });

	it('becomes a drop-off cause card linked to the step, keeping the server’s figures, and shows as a cause of the leak', async () => {
		const response = await owner.post(causes(), body('event:2:contact_customer_service'));
		expect(response.status, JSON.stringify(response.body)).toBe(201);
		const { cardId } = response.body;
		const { token } = (await owner.post('/api/v1/tokens', { name: 'reader' })).body;
		const reader = connectClient(owner.baseUrl, board, token);
		await synced(reader);
		const snapshot = readBoard(reader.doc);
		reader.close();
		const card = snapshot.cards.find((c) => c.id === cardId)!;
		expect(card).toMatchObject({ type: 'dropoff', text: 'Contacted service twice', stageId: snapshot.cards.find((c) => c.id === visit)!.stageId });
		expect(snapshot.lanes.find((l) => l.id === card.laneId)?.kind).toBe('dropoffs');
		expect(snapshot.links.some((l) => l.fromCardId === visit && l.toCardId === cardId)).toBe(true);
		const drivers = (await driversOf(`boardId=${board}&cardId=${visit}&${PERIOD}`)).body;
		expect(card.evidence).toMatchObject({ stepCardId: visit, trait: { kind: 'event', eventType: 'contact_customer_service', atLeast: 2 }, oddsRatio: drivers.drivers[0].oddsRatio, customersWith: drivers.drivers[0].with.customers, period: { from: '2026-01-01', to: '2026-12-31' } });
		const leak = (await finished(owner, `/api/v1/workspaces/${workspaceId}/insights/leaks?${PERIOD}`)).body.leaks.find((l: any) => l.cardId === visit);
		expect(leak.causes).toContainEqual({ cardId, category: null, text: 'Contacted service twice' });
	});

	it('refuses a trait that is no clear driver, a malformed one, and viewers — creating nothing', async () => {
		const path = causes();
		expect((await owner.post(path, body('profile:incomeBand=high'))).status).toBe(404);
		expect((await owner.post(path, body('nonsense'))).status).toBe(400);
		expect((await owner.post(path, body('event:2:contact_customer_service', { text: '' }))).status).toBe(400);
		const { client: viewer } = await inviteAndJoin(owner, workspaceId, 'viewer');
		expect((await viewer.post(path, body('event:2:contact_customer_service'))).status).toBe(403);
		const leak = (await finished(owner, `/api/v1/workspaces/${workspaceId}/insights/leaks?${PERIOD}`)).body.leaks.find((l: any) => l.cardId === visit);
		expect(leak.causes).toHaveLength(1);
	});
});
