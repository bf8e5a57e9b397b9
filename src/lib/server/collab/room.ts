import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { config } from '../config';
import * as db from '../db';
import { collabMetrics, countAppliedUpdate } from './metrics';
import { encodeAwareness, encodeUpdate } from './protocol';
import { applyStoredState } from './stored-state';

/** What a room needs from a connection: where to send, and who it is. */
export interface RoomPeer {
	send(message: Uint8Array): void;
	close(code: number, reason: string): void;
	readonly userId: string;
	/** The room moved on: updates this peer holds back for missing predecessors may now fit. */
	retryWaiting?(): void;
}

/** How applying a client's update ended. */
export type ApplyOutcome = 'applied' | 'left-pending' | 'room-failed';

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
	/** Peers holding back updates until their predecessors arrive. */
	readonly waiting = new Set<RoomPeer>();
	#retryScheduled = false;

	constructor(
		readonly name: string,
		readonly workspaceId: string,
		private readonly hooks: {
			prepare?: (doc: Y.Doc, roomName: string) => void;
			/**
			 * Applying or storing an update failed: the room's memory may hold an edit that is not
			 * stored, or a document Yjs can no longer emit updates from. It must be dropped.
			 */
			onFailure: (room: Room) => void;
		}
	) {
		// Load before any peer can sync: a client must never sync against an empty document
		// and then see its content arrive twice.
		applyStoredState(this.doc, db.loadDocUpdates(name), name, LOAD_ORIGIN);
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
			this.#fail();
			return;
		}
		countAppliedUpdate(update.byteLength);
		this.#storedUpdates += 1;
		this.#storedBytes += update.byteLength;
		const message = encodeUpdate(update);
		for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message);
		this.#maybeCompactSoon();
		this.#maybeAutoVersion();
		this.#retryWaitingSoon();
	};

	/**
	 * Applies an update a peer sent, which must not leave anything pending (the peer checks
	 * its shape first). Whatever goes wrong inside Yjs drops the room instead of leaving it
	 * half-working: clients reconnect and resync from what is stored.
	 */
	apply(update: Uint8Array, origin: RoomPeer): ApplyOutcome {
		if (this.destroyed) return 'room-failed';
		try {
			Y.applyUpdate(this.doc, update, origin);
		} catch (error) {
			console.error(`[collab] could not apply an update to ${this.name}; dropping the room`, error);
			this.#fail();
		}
		if (this.#failed) return 'room-failed';
		const store = this.doc.store;
		if (store.pendingStructs || store.pendingDs) {
			// Nothing else was pending before this update, so what is pending now is its own part:
			// dropped here, before any later update is merged into it. The sender still has it.
			store.pendingStructs = null;
			store.pendingDs = null;
			return 'left-pending';
		}
		return 'applied';
	}

	/** Changes the document on the server's behalf (a restore), with the same failure rule. */
	change(edit: (doc: Y.Doc) => void): void {
		if (this.destroyed) throw new Error(`room ${this.name} is closed`);
		try {
			edit(this.doc);
		} catch (error) {
			console.error(`[collab] could not change ${this.name}; dropping the room`, error);
			this.#fail();
			throw error;
		}
		if (this.#failed) throw new Error(`room ${this.name} failed while storing a change`);
	}

	#fail() {
		if (this.#failed) return;
		this.#failed = true;
		this.hooks.onFailure(this);
	}

	// After the update's own transaction: a retry applies updates of its own.
	#retryWaitingSoon() {
		if (!this.waiting.size || this.#retryScheduled) return;
		this.#retryScheduled = true;
		queueMicrotask(() => {
			this.#retryScheduled = false;
			for (const peer of [...this.waiting]) {
				if (this.destroyed) return;
				peer.retryWaiting?.();
			}
		});
	}

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
		this.waiting.delete(peer);
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
