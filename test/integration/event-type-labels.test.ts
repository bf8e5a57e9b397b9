import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, addLane, addStage, bindCard } from '$lib/domain/board';
import { connectClient, eventually, synced } from './collab-support';
import { inviteAndJoin, makeUser, makeWorkspace, type Client, type TestUser } from './helpers';
import { importValid } from './imports';

/*
 * The names a workspace gives its event types, through the real server: editors set them,
 * everyone who reads the data sees them — in the workspace's list, the binding list of a board,
 * and the board's figures — while events and boards keep the ids.
 */

let owner: Client;
let viewer: TestUser;
let workspaceId: string;
let boardId: string;

beforeAll(async () => {
	({ client: owner } = await makeUser());
	workspaceId = (await makeWorkspace(owner, 'Named')).id;
	await importValid(
		owner,
		workspaceId,
		['customer_id,date,event_type,channel', 'a,2026-03-01,visit_product_page,web', 'a,2026-03-02,contact_customer_service,phone', 'b,2026-03-01,visit_product_page,app'].join('\n'),
		{ kind: 'events' }
	);
	viewer = await inviteAndJoin(owner, workspaceId, 'viewer');
	boardId = (await owner.post(`/api/v1/workspaces/${workspaceId}/boards`, { title: 'Service' })).body.id;
	const { token } = (await owner.post('/api/v1/tokens', { name: 'board editor' })).body;
	const editor = connectClient(owner.baseUrl, boardId, token);
	await synced(editor);
	const doc: Y.Doc = editor.doc;
	const lane = addLane(doc, { title: 'Steps', kind: 'touchpoints' });
	const [look, call] = ['Look', 'Call'].map((title, index) => addStage(doc, { title, index }));
	bindCard(doc, addCard(doc, { type: 'touchpoint', stageId: look!, laneId: lane, text: '' }), ['visit_product_page']);
	bindCard(doc, addCard(doc, { type: 'touchpoint', stageId: call!, laneId: lane, text: '' }), ['contact_customer_service']);
	await eventually(async () => expect((await owner.get(`/api/v1/boards/${boardId}/metrics`)).body.steps?.length).toBe(2), 15_000);
	editor.close();
}, 60_000);

const list = async (client: Client = owner) => (await client.get(`/api/v1/workspaces/${workspaceId}/event-types`)).body.items as any[];

describe('event type names', () => {
	it('default to the id made readable', async () => {
		const items = await list(viewer.client);
		expect(items.map((i) => [i.eventType, i.label, i.customLabel, i.events, i.customers])).toEqual([
			['visit_product_page', 'Visit product page', null, 2, 2],
			['contact_customer_service', 'Contact customer service', null, 1, 1]
		]);
	});

	it('are set by editors, in one request for several, and read back everywhere an event type is shown', async () => {
		const saved = await owner.patch(`/api/v1/workspaces/${workspaceId}/event-types`, {
			labels: { visit_product_page: '  Bekijkt product  ', 'Contact customer service': 'Belt de klantenservice', newsletter_click: 'Klikt in nieuwsbrief' }
		});
		expect(saved.status, JSON.stringify(saved.body)).toBe(200);
		// Ids are read as imports store them; a name may come before its events do.
		expect(saved.body.items.map((i: any) => [i.eventType, i.label, i.customLabel, i.events])).toEqual([
			['visit_product_page', 'Bekijkt product', 'Bekijkt product', 2],
			['contact_customer_service', 'Belt de klantenservice', 'Belt de klantenservice', 1],
			['newsletter_click', 'Klikt in nieuwsbrief', 'Klikt in nieuwsbrief', 0]
		]);
		expect(await list(viewer.client)).toEqual(saved.body.items);

		const bindable = (await viewer.client.get(`/api/v1/boards/${boardId}/event-types`)).body.items;
		expect(bindable.map((i: any) => [i.eventType, i.label])).toEqual([
			['visit_product_page', 'Bekijkt product'],
			['contact_customer_service', 'Belt de klantenservice']
		]);
		const metrics = (await viewer.client.get(`/api/v1/boards/${boardId}/metrics`)).body;
		expect(metrics.eventTypeLabels).toEqual({ visit_product_page: 'Bekijkt product', contact_customer_service: 'Belt de klantenservice', newsletter_click: 'Klikt in nieuwsbrief' });
		// The board still holds the ids.
		expect(metrics.steps.map((s: any) => s.eventTypes)).toEqual([['visit_product_page'], ['contact_customer_service']]);
	});

	it('go back to the readable id when cleared with null or an empty name', async () => {
		const cleared = await owner.patch(`/api/v1/workspaces/${workspaceId}/event-types`, { labels: { visit_product_page: null, newsletter_click: '' } });
		expect(cleared.status).toBe(200);
		expect(cleared.body.items.map((i: any) => [i.eventType, i.label, i.customLabel])).toEqual([
			['visit_product_page', 'Visit product page', null],
			['contact_customer_service', 'Belt de klantenservice', 'Belt de klantenservice']
		]);
	});

	it('refuse bad input with a reason per event type, and change nothing then', async () => {
		const bad = await owner.patch(`/api/v1/workspaces/${workspaceId}/event-types`, {
			labels: { visit_product_page: 'Fine', 'bad/type': 'x', contact_customer_service: 'x'.repeat(81), add_to_cart: 'two\nlines' }
		});
		expect(bad.status).toBe(400);
		expect(bad.body.error.fields).toEqual({
			'labels.bad/type': expect.stringMatching(/Not an event type/),
			'labels.contact_customer_service': 'This is too long',
			'labels.add_to_cart': expect.stringMatching(/one line/)
		});
		expect((await list()).find((i) => i.eventType === 'visit_product_page').customLabel).toBeNull();
		expect((await owner.patch(`/api/v1/workspaces/${workspaceId}/event-types`, { labels: {} })).status).toBe(400);
		expect((await owner.patch(`/api/v1/workspaces/${workspaceId}/event-types`, { labels: 'Bekijkt' })).status).toBe(400);
	});

	it('are for editors to set, members to read, and nobody else', async () => {
		expect((await viewer.client.patch(`/api/v1/workspaces/${workspaceId}/event-types`, { labels: { visit_product_page: 'Mine' } })).status).toBe(403);
		const { client: stranger } = await makeUser();
		expect((await stranger.get(`/api/v1/workspaces/${workspaceId}/event-types`)).status).toBe(404);
		expect((await stranger.patch(`/api/v1/workspaces/${workspaceId}/event-types`, { labels: { visit_product_page: 'Mine' } })).status).toBe(404);
	});
});
