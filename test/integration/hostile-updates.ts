import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';

/*
 * Updates a hostile editor sends, built with Yjs itself, and a bare socket to send them on
 * (a y-websocket provider would sync and resend; an attacker need not). Shared by the
 * integration tests and bench/collab-hostile.ts.
 */

/** Every update `change` makes to `doc`, merged. */
export function updateOf(doc: Y.Doc, change: () => void): Uint8Array {
	const updates: Uint8Array[] = [];
	const record = (update: Uint8Array) => updates.push(update);
	doc.on('update', record);
	doc.transact(change);
	doc.off('update', record);
	return Y.mergeUpdates(updates);
}

/**
 * `levels` Y.Maps nested in one transaction under the board's `items`, and the deletion of
 * all of them: Yjs's cleanup of that deletion recurses once per level.
 */
export function nestedMaps(levels: number): { nest: Uint8Array; remove: Uint8Array } {
	const doc = new Y.Doc();
	const nest = updateOf(doc, () => {
		let map = doc.getMap<unknown>('items');
		for (let i = 0; i < levels; i++) {
			const child = new Y.Map<unknown>();
			map.set('nested', child);
			map = child;
		}
	});
	// Built by hand: the sender's own Yjs would overflow its stack making it.
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	encoding.writeVarUint(encoder, 1);
	encoding.writeVarUint(encoder, doc.clientID);
	encoding.writeVarUint(encoder, 1);
	encoding.writeVarUint(encoder, 0);
	encoding.writeVarUint(encoder, levels);
	return { nest, remove: encoding.toUint8Array(encoder) };
}

/**
 * `count` updates of about `bytes` each, all after a first one that is never sent: the server
 * can integrate none of them.
 */
export function updatesAfterAGap(count: number, bytes: number): { withheld: Uint8Array; updates: Uint8Array[] } {
	const doc = new Y.Doc();
	const text = doc.getText('notes');
	const withheld = updateOf(doc, () => text.insert(0, 'first'));
	const updates = Array.from({ length: count }, (_, i) =>
		updateOf(doc, () => text.insert(text.length, String(i % 10).repeat(bytes)))
	);
	return { withheld, updates };
}

/** A y-websocket sync frame carrying `update`. */
export function updateFrame(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	encoding.writeVarUint(encoder, 2);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

export interface RawSocket {
	socket: WebSocket;
	/** Resolves with the close code once the socket is closed. */
	closed: Promise<number>;
	send(update: Uint8Array): void;
}

export async function openRaw(baseUrl: string, room: string, token: string): Promise<RawSocket> {
	const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/collab/${room}?token=${token}`);
	const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
	await new Promise<void>((resolve, reject) => {
		socket.once('open', () => resolve());
		socket.once('error', reject);
	});
	return {
		socket,
		closed,
		send: (update) => {
			if (socket.readyState === socket.OPEN) socket.send(updateFrame(update));
		}
	};
}
