import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { connectClient, eventually, synced } from './collab-support';
import { makeTeam } from './collab-team';
import { withDatabase } from './helpers';
import { startServer, type ServerProcess } from './server-process';

const started: ServerProcess[] = [];
afterEach(async () => {
	// Newest first: a restarted server goes before the one whose database it reused.
	for (const server of started.splice(0).reverse()) await server.dispose();
});

describe('durability', () => {
	it('after SIGKILL, a restarted server loads exactly what an observer had seen', { timeout: 60_000 }, async () => {
		const server = await startServer();
		started.push(server);
		const team = await makeTeam(server.baseUrl);
		const writer = connectClient(server.baseUrl, team.boardId, team.owner.token);
		const observer = connectClient(server.baseUrl, team.boardId, team.editor.token);
		await Promise.all([synced(writer), synced(observer)]);

		const list = writer.doc.getArray<number>('edits');
		const text = writer.doc.getText('notes');
		for (let i = 0; i < 1000; i++) {
			if (i % 2) list.push([i]);
			else text.insert(text.length, `${i},`);
		}
		await eventually(() => expect(observer.doc.getArray('edits').length).toBe(500), 15_000);
		await eventually(() => expect(observer.doc.getText('notes').toString()).toBe(text.toString()), 15_000);
		const seen = Y.encodeStateAsUpdate(observer.doc);
		writer.provider.disconnect();
		observer.provider.disconnect();

		await server.stop('SIGKILL');
		const restarted = await startServer({ databasePath: server.databasePath });
		started.push(restarted);
		const fresh = connectClient(restarted.baseUrl, team.boardId, team.owner.token);
		await synced(fresh, 15_000);
		const expected = new Y.Doc();
		Y.applyUpdate(expected, seen);
		expect(fresh.doc.getArray('edits').toJSON()).toEqual(expected.getArray('edits').toJSON());
		expect(fresh.doc.getText('notes').toString()).toBe(expected.getText('notes').toString());
		writer.close();
		observer.close();
		fresh.close();
	});
});

/** Frames an attacker or a broken client might send: noise, and valid frames cut short. */
function hostileFrame(i: number): Uint8Array {
	if (i % 3 === 0) return randomBytes(1 + (i % 200));
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, i % 2 ? 0 : 1);
	encoding.writeVarUint(encoder, i % 4);
	encoding.writeVarUint8Array(encoder, randomBytes(20 + (i % 50)));
	const frame = encoding.toUint8Array(encoder);
	return i % 3 === 1 ? frame.slice(0, Math.max(1, frame.length - 1 - (i % 7))) : frame;
}

describe('hostile input', () => {
	it('thousands of random and truncated frames close only the sender; others keep syncing', { timeout: 60_000 }, async () => {
		const baseUrl = inject('baseUrl');
		const team = await makeTeam(baseUrl);
		const a = connectClient(baseUrl, team.boardId, team.owner.token);
		const b = connectClient(baseUrl, team.boardId, team.editor.token);
		await Promise.all([synced(a), synced(b)]);

		const url = `${baseUrl.replace(/^http/, 'ws')}/collab/${team.boardId}?token=${team.editor.token}`;
		let sent = 0;
		let closedByServer = 0;
		while (sent < 3000) {
			const socket = new WebSocket(url);
			await new Promise<void>((resolve) => {
				socket.once('open', () => {
					for (let burst = 0; burst < 100 && socket.readyState === socket.OPEN; burst++) {
						socket.send(hostileFrame(sent++));
					}
				});
				socket.once('close', (code) => {
					if (code === 1007) closedByServer += 1;
					resolve();
				});
				socket.once('error', () => resolve());
				setTimeout(() => {
					socket.terminate();
					resolve();
				}, 2000);
			});
			a.doc.getArray<number>('alive').push([sent]);
		}
		expect(closedByServer).toBeGreaterThan(0);
		await eventually(() => expect(b.doc.getArray('alive').toJSON()).toEqual(a.doc.getArray('alive').toJSON()));
		expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
		a.close();
		b.close();
	});

	it('a frame over the size cap closes that socket with 1009', { timeout: 30_000 }, async () => {
		const server = await startServer({ env: { WAYMARK_COLLAB_MAX_FRAME_BYTES: '4096' } });
		started.push(server);
		const small = await makeTeam(server.baseUrl);
		const socket = new WebSocket(`${server.baseUrl.replace(/^http/, 'ws')}/collab/${small.boardId}?token=${small.owner.token}`);
		await new Promise((resolve) => socket.once('open', resolve));
		const code = await new Promise<number>((resolve) => {
			socket.once('close', (closeCode) => resolve(closeCode));
			socket.send(randomBytes(10_000));
		});
		expect(code).toBe(1009);
	});
});

describe('storage', () => {
	const rows = (databasePath: string, docName: string) =>
		withDatabase((db) => (db.prepare('select count(*) as n from doc_updates where doc_name = ?').get(docName) as { n: number }).n, databasePath);

	it('compacts the update log past its threshold, keeping the content', { timeout: 30_000 }, async () => {
		const server = await startServer({ env: { WAYMARK_COLLAB_COMPACT_UPDATES: '50' } });
		started.push(server);
		const team = await makeTeam(server.baseUrl);
		const writer = connectClient(server.baseUrl, team.boardId, team.owner.token);
		await synced(writer);
		for (let i = 0; i < 120; i++) writer.doc.getArray<number>('edits').push([i]);
		await eventually(() => expect(rows(server.databasePath, team.boardId)).toBeLessThan(60), 10_000);
		const reader = connectClient(server.baseUrl, team.boardId, team.viewer.token);
		await synced(reader);
		await eventually(() => expect(reader.doc.getArray('edits').length).toBe(120));
		writer.close();
		reader.close();
	});

	it('on SIGTERM stores each open document as one snapshot; on restart it is all there', { timeout: 30_000 }, async () => {
		const server = await startServer();
		started.push(server);
		const team = await makeTeam(server.baseUrl);
		const writer = connectClient(server.baseUrl, team.boardId, team.owner.token);
		await synced(writer);
		for (let i = 0; i < 40; i++) writer.doc.getArray<number>('edits').push([i]);
		await eventually(() => expect(rows(server.databasePath, team.boardId)).toBeGreaterThan(40));
		writer.provider.disconnect();
		await server.stop('SIGTERM');
		expect(rows(server.databasePath, team.boardId)).toBe(1);
		const restarted = await startServer({ databasePath: server.databasePath });
		started.push(restarted);
		const reader = connectClient(restarted.baseUrl, team.boardId, team.owner.token);
		await synced(reader);
		expect(reader.doc.getArray('edits').toJSON()).toEqual(Array.from({ length: 40 }, (_, i) => i));
		writer.close();
		reader.close();
	});

	it('unloads a room nobody is in after the grace period', { timeout: 30_000 }, async () => {
		const server = await startServer({ env: { WAYMARK_COLLAB_UNLOAD_SECONDS: '1' } });
		started.push(server);
		const team = await makeTeam(server.baseUrl);
		const loaded = async () => {
			const text = await (
				await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: `Bearer ${team.owner.token}` } })
			).text();
			return Number(/^waymark_collab_rooms_loaded (\d+)$/m.exec(text)![1]);
		};
		const client = connectClient(server.baseUrl, team.boardId, team.owner.token);
		await synced(client);
		expect(await loaded()).toBe(1);
		client.close();
		await eventually(async () => expect(await loaded()).toBe(0), 5000);
	});
});
