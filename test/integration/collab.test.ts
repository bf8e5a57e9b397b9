import { describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, eventually, sleep, synced, upgradeOutcome } from './collab-support';
import { makeTeam, type Team } from './collab-team';

const baseUrl = () => inject('baseUrl');
const wsUrl = (room: string, query = '') => `${baseUrl().replace(/^http/, 'ws')}/collab/${room}${query}`;

const items = (doc: Y.Doc) => doc.getArray<string>('items').toArray().slice().sort();

describe('editing together', () => {
	it('two clients converge after concurrent edits', async () => {
		const team = await makeTeam(baseUrl());
		const [a, b] = [0, 1].map(() => connectClient(baseUrl(), team.boardId, team.owner.token));
		await Promise.all([synced(a!), synced(b!)]);
		for (let i = 0; i < 20; i++) {
			a!.doc.getArray<string>('items').push([`a${i}`]);
			b!.doc.getArray<string>('items').push([`b${i}`]);
		}
		await eventually(() => {
			expect(items(a!.doc)).toHaveLength(40);
			expect(items(b!.doc)).toEqual(items(a!.doc));
		});
		a!.close();
		b!.close();
	});

	it('ten clients converge after concurrent edits', async () => {
		const team = await makeTeam(baseUrl());
		const clients = Array.from({ length: 10 }, () => connectClient(baseUrl(), team.boardId, team.owner.token));
		await Promise.all(clients.map((client) => synced(client)));
		clients.forEach((client, i) => {
			client.doc.getMap('meta').set(`writer-${i}`, i);
			client.doc.getArray<string>('items').push([`c${i}-1`, `c${i}-2`]);
		});
		await eventually(() => {
			for (const client of clients) {
				expect(items(client.doc)).toHaveLength(20);
				expect(client.doc.getMap('meta').toJSON()).toEqual(clients[0]!.doc.getMap('meta').toJSON());
				expect(items(client.doc)).toEqual(items(clients[0]!.doc));
			}
		});
		clients.forEach((client) => client.close());
	});

	it('a client that was offline merges its edits on reconnect', async () => {
		const team = await makeTeam(baseUrl());
		const online = connectClient(baseUrl(), team.boardId, team.owner.token);
		const offline = connectClient(baseUrl(), team.boardId, team.editor.token);
		await Promise.all([synced(online), synced(offline)]);
		offline.provider.disconnect();
		offline.doc.getArray<string>('items').push(['written offline']);
		online.doc.getArray<string>('items').push(['written online']);
		await sleep(200);
		expect(items(online.doc)).toEqual(['written online']);
		offline.provider.connect();
		await eventually(() => {
			expect(items(online.doc)).toEqual(['written offline', 'written online']);
			expect(items(offline.doc)).toEqual(['written offline', 'written online']);
		});
		online.close();
		offline.close();
	});

	it('a late joiner receives the full state', async () => {
		const team = await makeTeam(baseUrl());
		const early = connectClient(baseUrl(), team.boardId, team.owner.token);
		await synced(early);
		early.doc.getText('notes').insert(0, 'Stages: oriëntatie → aankoop');
		early.doc.getArray<string>('items').push(['one', 'two']);
		await sleep(100);
		const late = connectClient(baseUrl(), team.boardId, team.viewer.token);
		await synced(late);
		expect(late.doc.getText('notes').toString()).toBe('Stages: oriëntatie → aankoop');
		expect(items(late.doc)).toEqual(['one', 'two']);
		early.close();
		late.close();
	});
});

describe('who may connect', () => {
	let team: Team;
	it('refuses an upgrade without a session or token (401)', async () => {
		team = await makeTeam(baseUrl());
		expect((await upgradeOutcome(wsUrl(team.boardId))).status).toBe(401);
		expect((await upgradeOutcome(wsUrl(team.boardId, '?token=wm_not-a-token'))).status).toBe(401);
	});

	it('accepts a bearer API token passed as ?token=', async () => {
		const outcome = await upgradeOutcome(wsUrl(team.boardId, `?token=${team.owner.token}`));
		expect(outcome.status).toBe('open');
		outcome.socket?.close();
	});

	it('accepts the session cookie from our own origin and refuses it from another site (403)', async () => {
		const cookie = team.owner.cookie;
		const own = await upgradeOutcome(wsUrl(team.boardId), { cookie, origin: baseUrl() });
		expect(own.status).toBe('open');
		own.socket?.close();
		const hijack = await upgradeOutcome(wsUrl(team.boardId), { cookie, origin: 'https://evil.example' });
		expect(hijack.status).toBe(403);
	});

	it('answers a non-member like an unknown room (404)', async () => {
		const stranger = await makeTeam(baseUrl());
		expect((await upgradeOutcome(wsUrl(team.boardId, `?token=${stranger.owner.token}`))).status).toBe(404);
		expect((await upgradeOutcome(wsUrl('aaaaaaaaaaaaaaaa', `?token=${stranger.owner.token}`))).status).toBe(404);
		expect((await upgradeOutcome(wsUrl('no%20such%20room!', `?token=${stranger.owner.token}`))).status).toBe(400);
	});
});

describe('viewers', () => {
	it("a viewer's edits reach no one and are not stored, while the viewer still sees live edits", async () => {
		const team = await makeTeam(baseUrl());
		const editor = connectClient(baseUrl(), team.boardId, team.editor.token);
		const viewer = connectClient(baseUrl(), team.boardId, team.viewer.token);
		await Promise.all([synced(editor), synced(viewer)]);
		viewer.doc.getArray<string>('items').push(['viewer was here']);
		editor.doc.getArray<string>('items').push(['editor was here']);
		await eventually(() => expect(viewer.doc.getArray<string>('items').toArray()).toContain('editor was here'));
		await sleep(300);
		expect(editor.doc.getArray<string>('items').toArray()).toEqual(['editor was here']);
		editor.close();
		viewer.close();
		// A fresh client sees only what the server stored.
		const fresh = connectClient(baseUrl(), team.boardId, team.owner.token);
		await synced(fresh);
		expect(fresh.doc.getArray<string>('items').toArray()).toEqual(['editor was here']);
		fresh.close();
	});

	it("a removed member's socket is closed within a second", async () => {
		const team = await makeTeam(baseUrl());
		const editor = connectClient(baseUrl(), team.boardId, team.editor.token);
		await synced(editor);
		const closed = new Promise<number>((resolve) =>
			editor.provider.ws?.addEventListener('close', (event) => resolve((event as unknown as { code: number }).code))
		);
		const removedAt = Date.now();
		await team.removeMember(team.editor.id);
		const code = await closed;
		expect(Date.now() - removedAt).toBeLessThan(1000);
		expect(code).toBe(4403);
		editor.close();
	});

	it('a member demoted to viewer is downgraded at once: later edits are dropped', async () => {
		const team = await makeTeam(baseUrl());
		const editor = connectClient(baseUrl(), team.boardId, team.editor.token);
		const owner = connectClient(baseUrl(), team.boardId, team.owner.token);
		await Promise.all([synced(editor), synced(owner)]);
		editor.doc.getArray<string>('items').push(['before']);
		await eventually(() => expect(items(owner.doc)).toEqual(['before']));
		await team.changeRole(team.editor.id, 'viewer');
		editor.doc.getArray<string>('items').push(['after']);
		owner.doc.getArray<string>('items').push(['owner after']);
		await eventually(() => expect(items(editor.doc)).toContain('owner after'));
		await sleep(200);
		expect(items(owner.doc)).toEqual(['before', 'owner after']);
		editor.close();
		owner.close();
	});
});

describe('version history', () => {
	it('a snapshot restores while two clients are connected, and both follow', async () => {
		const team = await makeTeam(baseUrl());
		const a = connectClient(baseUrl(), team.boardId, team.owner.token);
		const b = connectClient(baseUrl(), team.boardId, team.editor.token);
		await Promise.all([synced(a), synced(b)]);
		a.doc.getMap('meta').set('title', 'Workshop 1');
		a.doc.getArray<string>('items').push(['kept']);
		await eventually(() => expect(items(b.doc)).toEqual(['kept']));
		const version = await team.createVersion('Before workshop 2');
		b.doc.getMap('meta').set('title', 'Workshop 2');
		b.doc.getArray<string>('items').push(['added later']);
		await eventually(() => expect(items(a.doc)).toEqual(['added later', 'kept']));
		await team.restoreVersion(version);
		await eventually(() => {
			for (const client of [a, b]) {
				expect(client.doc.getMap('meta').get('title')).toBe('Workshop 1');
				expect(items(client.doc)).toEqual(['kept']);
			}
		});
		const versions = await team.listVersions();
		expect(versions.map((v) => [v.label, v.kind, v.restoredFrom])).toEqual([
			[null, 'auto', version],
			['Before workshop 2', 'named', null]
		]);
		a.close();
		b.close();
	});
});

describe('access ending while connected', () => {
	const closeCode = (client: ReturnType<typeof connectClient>) =>
		new Promise<number>((resolve) =>
			client.provider.ws?.addEventListener('close', (event) => resolve((event as unknown as { code: number }).code))
		);

	it('logging out closes the sockets of that session at once', async () => {
		const team = await makeTeam(baseUrl());
		const outcome = await upgradeOutcome(wsUrl(team.boardId), { cookie: team.editor.cookie, origin: baseUrl() });
		expect(outcome.status).toBe('open');
		const closed = new Promise<number>((resolve) => outcome.socket!.once('close', (code) => resolve(code)));
		await fetch(`${baseUrl()}/api/v1/auth/logout`, {
			method: 'POST',
			headers: { cookie: team.editor.cookie, origin: baseUrl(), 'x-forwarded-for': '198.51.100.7' }
		});
		expect(await closed).toBe(4403);
	});

	it('deleting the board closes every socket in its room', async () => {
		const team = await makeTeam(baseUrl());
		const editor = connectClient(baseUrl(), team.boardId, team.editor.token);
		await synced(editor);
		const closed = closeCode(editor);
		const response = await fetch(`${baseUrl()}/api/v1/boards/${team.boardId}`, {
			method: 'DELETE',
			headers: { authorization: `Bearer ${team.owner.token}`, 'x-forwarded-for': '198.51.100.8' }
		});
		expect(response.status).toBe(204);
		expect(await closed).toBe(4404);
		editor.close();
	});

	it('revoking the API token a socket was opened with closes it', async () => {
		const team = await makeTeam(baseUrl());
		const tokens = await (
			await fetch(`${baseUrl()}/api/v1/tokens`, { headers: { cookie: team.editor.cookie, 'x-forwarded-for': '198.51.100.9' } })
		).json();
		const editor = connectClient(baseUrl(), team.boardId, team.editor.token);
		await synced(editor);
		const closed = closeCode(editor);
		await fetch(`${baseUrl()}/api/v1/tokens/${tokens.items[0].id}`, {
			method: 'DELETE',
			headers: { cookie: team.editor.cookie, origin: baseUrl(), 'x-forwarded-for': '198.51.100.9' }
		});
		expect(await closed).toBe(4403);
		editor.close();
	});
});

describe('operations', () => {
	it('/metrics answers owners in Prometheus text and refuses anonymous callers', async () => {
		const team = await makeTeam(baseUrl());
		expect((await fetch(`${baseUrl()}/metrics`)).status).toBe(401);
		const response = await fetch(`${baseUrl()}/metrics`, { headers: { authorization: `Bearer ${team.owner.token}` } });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('text/plain');
		const text = await response.text();
		expect(text).toMatch(/^waymark_collab_rooms_loaded \d+$/m);
		expect(text).toMatch(/^waymark_collab_updates_applied_total \d+$/m);
		// Editors and viewers who own nothing see no server-wide figures.
		const asViewer = await fetch(`${baseUrl()}/metrics`, { headers: { authorization: `Bearer ${team.viewer.token}` } });
		expect(asViewer.status).toBe(403);
	});

	it('/healthz is public and says the database answers', async () => {
		const response = await fetch(`${baseUrl()}/healthz`);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok' });
	});
});

describe('comments on a board', () => {
	const comments = (doc: Y.Doc) => [...doc.getMap<Y.Map<unknown>>('comments').values()].map((c) => c.get('body'));
	const say = (doc: Y.Doc, body: string) => {
		const entry = new Y.Map<unknown>();
		entry.set('cardId', 'card');
		entry.set('body', body);
		doc.getMap('comments').set(body, entry);
	};

	it('are open to viewers only while the workspace allows it, and the switch applies to open sockets', async () => {
		const team = await makeTeam(baseUrl());
		const room = `${team.boardId}.comments`;
		const owner = connectClient(baseUrl(), room, team.owner.token);
		const viewer = connectClient(baseUrl(), room, team.viewer.token);
		await Promise.all([synced(owner), synced(viewer)]);

		say(viewer.doc, 'not allowed yet');
		say(owner.doc, 'owner speaks');
		await eventually(() => expect(comments(viewer.doc)).toContain('owner speaks'));
		await sleep(200);
		expect(comments(owner.doc)).toEqual(['owner speaks']);

		const response = await fetch(`${baseUrl()}/api/v1/workspaces/${team.workspaceId}`, {
			method: 'PATCH',
			headers: { authorization: `Bearer ${team.owner.token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ viewersMayComment: true })
		});
		expect(response.status).toBe(200);
		expect((await response.json()).viewersMayComment).toBe(true);
		say(viewer.doc, 'now I may');
		await eventually(() => expect(comments(owner.doc)).toContain('now I may'));

		// The board itself stays read-only for the viewer.
		const board = connectClient(baseUrl(), team.boardId, team.viewer.token);
		const ownerBoard = connectClient(baseUrl(), team.boardId, team.owner.token);
		await Promise.all([synced(board), synced(ownerBoard)]);
		board.doc.getArray<string>('items').push(['viewer edit']);
		await sleep(200);
		expect(ownerBoard.doc.getArray('items').length).toBe(0);
		[owner, viewer, board, ownerBoard].forEach((client) => client.close());
	});
});
