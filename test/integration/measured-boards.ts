import { expect } from 'vitest';
import type * as Y from 'yjs';
import { addCard, addLane, addStage, bindCard } from '$lib/domain/board';
import { connectClient, eventually, synced } from './collab-support';
import type { Client } from './helpers';

/**
 * A new board of one lane and one stage per step, each step bound over the websocket to its
 * event type; `extra` adds to the document before the figures are awaited. Resolves once the
 * server's figures cover every step.
 */
export async function boardOfSteps(
	client: Client,
	workspace: string,
	steps: [text: string, eventType: string][],
	{ title = 'Steps', extra }: { title?: string; extra?: (doc: Y.Doc, ids: string[], stageIds: string[]) => void } = {}
) {
	const board = (await client.post(`/api/v1/workspaces/${workspace}/boards`, { title })).body.id as string;
	const { token } = (await client.post('/api/v1/tokens', { name: `${title} editor` })).body;
	const editor = connectClient(client.baseUrl, board, token);
	await synced(editor);
	const lane = addLane(editor.doc, { title: 'Steps', kind: 'touchpoints' });
	const stageIds = steps.map(([text], index) => addStage(editor.doc, { title: text, index }));
	const ids = steps.map(([text, eventType], index) => {
		const card = addCard(editor.doc, { type: 'action', stageId: stageIds[index]!, laneId: lane, text });
		bindCard(editor.doc, card, [eventType]);
		return card;
	});
	extra?.(editor.doc, ids, stageIds);
	let body: any;
	await eventually(async () => {
		const response = await client.get(`/api/v1/boards/${board}/metrics`);
		expect(response.status).toBe(200);
		body = response.body;
		expect(body.steps).toHaveLength(steps.length);
	}, 15_000);
	editor.close();
	return { board, body, ids, stageIds };
}
