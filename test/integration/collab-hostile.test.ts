import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, eventually, sleep, synced, type CollabClient } from './collab-support';
import { makeTeam } from './collab-team';
import { withDatabase } from './helpers';
import { nestedMaps, openRaw, updatesAfterAGap } from './hostile-updates';
import { startServer, type ServerProcess } from './server-process';

/*
 * One editor's client sends what no honest client would; everyone else in the room must go
 * on editing, with their edits stored and relayed.
 */

const started: ServerProcess[] = [];
afterEach(async () => {
	for (const server of started.splice(0).reverse()) await server.dispose();
});

const opened: CollabClient[] = [];
afterEach(() => opened.splice(0).forEach((client) => client.close()));

function client(baseUrl: string, room: string, token: string): CollabClient {
	const connected = connectClient(baseUrl, room, token);
	opened.push(connected);
	return connected;
}

/** An edit by `from` arrives at `to`: stored first, so the server holds it too. */
async function editReaches(from: CollabClient, to: CollabClient, key: string) {
	from.doc.getMap('meta').set(key, 'written');
	await eventually(() => expect(to.doc.getMap('meta').get(key)).toBe('written'), 10_000);
}

describe('a hostile editor nesting 20,000 maps', () => {
	it('is refused with 4422; the others\' edits are stored and relayed, also after a restart', { timeout: 90_000 }, async () => {
		const server = await startServer();
		started.push(server);
		const team = await makeTeam(server.baseUrl);
		const owner = client(server.baseUrl, team.boardId, team.owner.token);
		const viewer = client(server.baseUrl, team.boardId, team.viewer.token);
		await Promise.all([synced(owner), synced(viewer)]);

		const hostile = await openRaw(server.baseUrl, team.boardId, team.editor.token);
		const { nest, remove } = nestedMaps(20_000);
		hostile.send(nest);
		hostile.send(remove);
		const code = await hostile.closed;

		await editReaches(owner, viewer, 'after the hostile client');
		expect(viewer.doc.getMap('items').size).toBe(0);
		expect(code).toBe(4422);

		await server.stop('SIGTERM');
		const restarted = await startServer({ databasePath: server.databasePath });
		started.push(restarted);
		const reloadedOwner = client(restarted.baseUrl, team.boardId, team.owner.token);
		const reloadedViewer = client(restarted.baseUrl, team.boardId, team.viewer.token);
		await Promise.all([synced(reloadedOwner, 15_000), synced(reloadedViewer, 15_000)]);
		expect(reloadedViewer.doc.getMap('meta').get('after the hostile client')).toBe('written');
		await editReaches(reloadedOwner, reloadedViewer, 'after the restart');
	});

	it('already stored (before the limit), the board loads without it, takes edits and restores', { timeout: 90_000 }, async () => {
		const baseUrl = inject('baseUrl');
		const team = await makeTeam(baseUrl);
		const { nest, remove } = nestedMaps(20_000);
		// What a server without the limit stored: the nesting and its deletion in the log, and an
		// automatic version of the nested board.
		const poisonedVersion = withDatabase((db) => {
			const append = db.prepare('insert into doc_updates (doc_name, "update", created_at) values (?, ?, ?)');
			append.run(team.boardId, Buffer.from(nest), Date.now());
			append.run(team.boardId, Buffer.from(remove), Date.now());
			return db
				.prepare('insert into doc_versions (doc_name, label, kind, state, created_at) values (?, ?, ?, ?, ?)')
				.run(team.boardId, null, 'auto', Buffer.from(Y.mergeUpdates([nest, remove])), Date.now()).lastInsertRowid as number;
		});
		// Loads the room from that log.
		const version = await team.createVersion('mended');

		const owner = client(baseUrl, team.boardId, team.owner.token);
		const viewer = client(baseUrl, team.boardId, team.viewer.token);
		await Promise.all([synced(owner, 15_000), synced(viewer, 15_000)]);
		expect(viewer.doc.getMap('items').size).toBe(0);
		await editReaches(owner, viewer, 'on the mended board');

		await team.restoreVersion(poisonedVersion);
		await editReaches(owner, viewer, 'after restoring the nested version');
		await team.restoreVersion(version);
		await editReaches(owner, viewer, 'after restoring the mended version');
	});
});

describe('a hostile editor sending updates whose predecessor never arrives', () => {
	it('is closed with 4429 and its held updates dropped; /healthz and the others go on', { timeout: 90_000 }, async () => {
		const baseUrl = inject('baseUrl');
		const team = await makeTeam(baseUrl);
		const owner = client(baseUrl, team.boardId, team.owner.token);
		const viewer = client(baseUrl, team.boardId, team.viewer.token);
		await Promise.all([synced(owner), synced(viewer)]);

		const hostile = await openRaw(baseUrl, team.boardId, team.editor.token);
		const { withheld, updates } = updatesAfterAGap(300, 20_000);
		for (const update of updates) hostile.send(update);
		const health = fetch(`${baseUrl}/healthz`);
		owner.doc.getMap('meta').set('during the flood', 'written');

		expect(await hostile.closed).toBe(4429);
		expect((await health).status).toBe(200);
		await eventually(() => expect(viewer.doc.getMap('meta').get('during the flood')).toBe('written'), 10_000);
		await editReaches(owner, viewer, 'after the flood');

		// The predecessor arriving later brings in only itself: what waited for it was dropped.
		const late = await openRaw(baseUrl, team.boardId, team.editor.token);
		late.send(withheld);
		await eventually(() => expect(viewer.doc.getText('notes').toString()).toBe('first'), 10_000);
		await sleep(200);
		expect(viewer.doc.getText('notes').toString()).toBe('first');
		late.socket.close();
	});

	it('an update that arrives before its predecessor is applied once the predecessor comes', async () => {
		const baseUrl = inject('baseUrl');
		const team = await makeTeam(baseUrl);
		const viewer = client(baseUrl, team.boardId, team.viewer.token);
		await synced(viewer);
		const { withheld, updates } = updatesAfterAGap(2, 10);
		const editor = await openRaw(baseUrl, team.boardId, team.editor.token);
		editor.send(updates[1]!);
		editor.send(updates[0]!);
		await sleep(200);
		expect(viewer.doc.getText('notes').toString()).toBe('');
		editor.send(withheld);
		await eventually(() => expect(viewer.doc.getText('notes').toString()).toBe(`first${'0'.repeat(10)}${'1'.repeat(10)}`));
		expect(editor.socket.readyState).toBe(editor.socket.OPEN);
		editor.socket.close();
	});
});

describe('a hostile editor sending an update Yjs cannot read', () => {
	it('is closed with 1007 before the update touches the room; the others go on', async () => {
		const baseUrl = inject('baseUrl');
		const team = await makeTeam(baseUrl);
		const owner = client(baseUrl, team.boardId, team.owner.token);
		const viewer = client(baseUrl, team.boardId, team.viewer.token);
		await Promise.all([synced(owner), synced(viewer)]);

		// One embed in the root text 'notes' whose JSON does not parse: applying it would throw
		// inside the room's transaction.
		const encoder = encoding.createEncoder();
		[1, 1, 4242, 0].forEach((n) => encoding.writeVarUint(encoder, n));
		encoding.writeUint8(encoder, 5);
		encoding.writeVarUint(encoder, 1);
		encoding.writeVarString(encoder, 'notes');
		encoding.writeVarString(encoder, '{"image":');
		encoding.writeVarUint(encoder, 0);
		const hostile = await openRaw(baseUrl, team.boardId, team.editor.token);
		hostile.send(encoding.toUint8Array(encoder));

		expect(await hostile.closed).toBe(1007);
		await editReaches(owner, viewer, 'after the unreadable update');
		expect(viewer.doc.getText('notes').toString()).toBe('');
	});
});

describe('presence past the budget (a pan of many small steps)', () => {
	it('drops the flood but not where it came to rest: the others see the last state', { timeout: 60_000 }, async () => {
		const server = await startServer();
		started.push(server);
		const team = await makeTeam(server.baseUrl);
		const leader = client(server.baseUrl, team.boardId, team.owner.token);
		const follower = client(server.baseUrl, team.boardId, team.viewer.token);
		await Promise.all([synced(leader), synced(follower)]);
		// 200 moves at once: ten times the budget's burst (20 a second, 40 in a burst).
		for (let x = 0; x <= 200; x++) leader.provider.awareness.setLocalStateField('viewport', { x, y: 0, k: 1 });
		const seen = () => (follower.provider.awareness.getStates().get(leader.doc.clientID) as { viewport?: { x: number } } | undefined)?.viewport?.x;
		await eventually(() => expect(seen()).toBe(200), 10_000);
	});
});
