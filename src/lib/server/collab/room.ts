import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { config } from '../config';
import * as db from '../db';
import { collabMetrics, countAppliedUpdate } from './metrics';
import { encodeAwareness, encodeUpdate } from './protocol';

/** What a room needs from a connection: where to send, and who it is. */
export interface RoomPeer {
	send(message: Uint8Array): void;
	close(code: number, reason: string): void;
	readonly userId: string;
}

const LOAD_ORIGIN = Symbol('load');

/**
 * One live document: the Y.Doc and its awareness, the peers connected to it, and the
 * write-ahead log in SQL. Every update is stored before it is sent to anyone.
 */
export class Room {
	readonly doc = new Y.Doc();
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	readonly peers = new Map<RoomPeer, Set<number>>();
	#storedUpdates = 0;
	#storedBytes = 0;
	#compactScheduled = false;
	#lastAutoVersionAt = Date.now();
	#destroyed = false;
	#failed = false;

	constructor(
		readonly name: string,
		readonly workspaceId: string,
		private readonly hooks: {
			prepare?: (doc: Y.Doc, roomName: string) => void;
			/** The room's memory now holds an edit that is not stored: it must be dropped. */
			onStorageFailure: (room: Room) => void;
		}
	) {
		// Load before any peer can sync: a client must never sync against an empty document
		// and then see its content arrive twice.
		const stored = db.loadDocUpdates(name);
		if (stored.length) Y.applyUpdate(this.doc, Y.mergeUpdates(stored), LOAD_ORIGIN);
		const stats = db.docUpdateStats(name);
		this.#storedUpdates = stats.count;
		this.#storedBytes = stats.bytes;
		// The server holds no presence of its own.
		this.awareness.setLocalState(null);
		this.doc.on('update', this.#onUpdate);
		this.awareness.on('update', this.#onAwareness);
		// After the handlers: whatever preparing changes is stored like any edit.
		hooks.prepare?.(this.doc, name);
		collabMetrics.roomsLoaded += 1;
	}

	/** True once the room is gone, or broken: then it applies and sends nothing more. */
	get destroyed(): boolean {
		return this.#destroyed || this.#failed;
	}

	#onUpdate = (update: Uint8Array, origin: unknown) => {
		if (origin === LOAD_ORIGIN || this.#failed) return;
		try {
			db.appendDocUpdate(this.name, update);
		} catch (error) {
			// Nothing unstored may reach anyone: the room (whose memory already holds the edit)
			// is dropped, and clients resync from what is stored; their own copies keep the edit.
			console.error(`[collab] could not store an update of ${this.name}; dropping the room`, error);
			this.#failed = true;
			this.hooks.onStorageFailure(this);
			return;
		}
		countAppliedUpdate(update.byteLength);
		this.#storedUpdates += 1;
		this.#storedBytes += update.byteLength;
		const message = encodeUpdate(update);
		for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message);
		this.#maybeCompactSoon();
		this.#maybeAutoVersion();
	};

	#onAwareness = (
		{ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
		origin: unknown
	) => {
		const changed = [...added, ...updated, ...removed];
		const controlled = this.peers.get(origin as RoomPeer);
		if (controlled) {
			for (const id of added) controlled.add(id);
			for (const id of removed) controlled.delete(id);
		}
		if (!changed.length) return;
		const message = encodeAwareness(this.awareness, changed);
		for (const peer of this.peers.keys()) peer.send(message);
	};

	addPeer(peer: RoomPeer): void {
		this.peers.set(peer, new Set());
	}

	/** Removes a peer and the presence it controlled; says whether the room is now empty. */
	removePeer(peer: RoomPeer): boolean {
		const controlled = this.peers.get(peer);
		this.peers.delete(peer);
		if (controlled?.size) {
			awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
		}
		return this.peers.size === 0;
	}

	closeAll(code: number, reason: string): void {
		for (const peer of [...this.peers.keys()]) peer.close(code, reason);
	}

	#maybeCompactSoon() {
		const { compactAfterUpdates, compactAfterBytes } = config.collab;
		if (this.#compactScheduled) return;
		if (this.#storedUpdates < compactAfterUpdates && this.#storedBytes < compactAfterBytes) return;
		this.#compactScheduled = true;
		// Off the update path: the edit that crossed the threshold is broadcast first.
		setImmediate(() => {
			this.#compactScheduled = false;
			if (!this.#destroyed) this.compact();
		});
	}

	/** Replaces the stored log by one snapshot of the current state, in one transaction. */
	compact(): void {
		if (this.#storedUpdates <= 1) return;
		const state = Y.encodeStateAsUpdate(this.doc);
		db.replaceDocUpdatesWithSnapshot(this.name, state);
		this.#storedUpdates = 1;
		this.#storedBytes = state.byteLength;
		collabMetrics.compactions += 1;
	}

	#maybeAutoVersion() {
		const now = Date.now();
		if (now - this.#lastAutoVersionAt < config.collab.autoVersionEveryMs) return;
		this.#lastAutoVersionAt = now;
		db.insertDocVersion({
			docName: this.name,
			label: null,
			kind: 'auto',
			state: Y.encodeStateAsUpdate(this.doc),
			createdBy: null
		});
	}

	/** Frees the room; `persist: false` when the document itself was deleted. */
	destroy({ persist }: { persist: boolean }): void {
		if (this.#destroyed) return;
		if (persist) this.compact();
		this.#destroyed = true;
		this.closeAll(1001, 'room closed');
		this.doc.off('update', this.#onUpdate);
		this.awareness.off('update', this.#onAwareness);
		this.awareness.destroy();
		this.doc.destroy();
		collabMetrics.roomsLoaded -= 1;
	}
}
