import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { config } from '../config';
import { collabMetrics } from './metrics';
import {
	decodeMessage,
	encodeAwareness,
	encodeKeepAlive,
	encodeSyncStep1,
	encodeSyncStep2,
	ProtocolError
} from './protocol';
import type { DocumentAccess } from './registry';
import type { Room, RoomPeer } from './room';
import { inspectUpdate, type Missing } from './update-shape';
import { WaitingUpdates } from './waiting-updates';

/**
 * Close codes the client can tell apart. After 4403 and 4404 the browser stops; after any
 * other it reconnects and resyncs from what the server has stored (y-websocket's default).
 */
export const CLOSE = {
	accessRevoked: 4403,
	/** Write access was granted: reconnect to sync as a writer. */
	accessChanged: 4000,
	documentDeleted: 4404,
	/**
	 * An update was refused before it touched the document: types nested deeper than
	 * WAYMARK_COLLAB_MAX_DEPTH, or more structs than WAYMARK_COLLAB_MAX_UPDATE_STRUCTS.
	 */
	updateRefused: 4422,
	/**
	 * The connection left too many updates waiting for predecessors that never arrived
	 * (WAYMARK_COLLAB_MAX_WAITING_UPDATES / _BYTES, or for 30 s): they are dropped.
	 */
	tooManyWaiting: 4429,
	malformed: 1007,
	tooBig: 1009,
	slowConsumer: 1013,
	/** Applying or storing an update failed: the room was dropped; everyone resyncs. */
	roomFailed: 1011,
	shuttingDown: 1012
} as const;

/** Updates held back longer than this wait for something the client will not send. */
const MAX_WAIT_MS = 30_000;

/** A slow client that lets this much pile up is dropped rather than buffered without end. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

export interface ConnectionIdentity {
	userId: string;
	sessionId: string | null;
	apiTokenId: string | null;
}

/** One websocket in one room. Read-only connections receive everything and change nothing. */
export class Connection implements RoomPeer {
	lastSentAt = Date.now();
	alive = true;
	#awarenessBudget: number;
	#awarenessRefilledAt = Date.now();
	/** The newest presence update past the budget, applied when the budget allows. */
	#pendingAwareness: Uint8Array | null = null;
	#awarenessTimer: NodeJS.Timeout | null = null;
	#closing = false;
	readonly #waiting = new WaitingUpdates({
		maxUpdates: config.collab.maxWaitingUpdates,
		maxBytes: config.collab.maxWaitingBytes
	});

	constructor(
		readonly socket: WebSocket,
		readonly room: Room,
		readonly identity: ConnectionIdentity,
		public access: DocumentAccess,
		private readonly onClose: (connection: Connection) => void
	) {
		this.#awarenessBudget = config.collab.awarenessPerSecond * 2;
		room.addPeer(this);
		socket.binaryType = 'nodebuffer';
		socket.on('message', (data, isBinary) => this.#receive(data as Buffer, isBinary));
		socket.on('pong', () => (this.alive = true));
		socket.on('close', () => {
			if (this.#awarenessTimer) clearTimeout(this.#awarenessTimer);
			this.#pendingAwareness = null;
			this.onClose(this);
		});
		socket.on('error', (error) => console.warn('[collab] socket error', error.message));

		this.send(encodeSyncStep1(room.doc));
		const present = [...room.awareness.getStates().keys()];
		if (present.length) this.send(encodeAwareness(room.awareness, present));
	}

	get userId(): string {
		return this.identity.userId;
	}

	get readOnly(): boolean {
		return this.access !== 'write';
	}

	send(message: Uint8Array): void {
		if (this.socket.readyState !== this.socket.OPEN) return;
		if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
			this.close(CLOSE.slowConsumer, 'client too slow');
			return;
		}
		this.lastSentAt = Date.now();
		this.socket.send(message, { binary: true });
	}

	close(code: number, reason: string): void {
		this.#closing = true;
		this.#dropWaiting();
		if (this.socket.readyState === this.socket.CLOSED) return;
		this.socket.close(code, reason);
		// A peer that never answers the close handshake must still go.
		setTimeout(() => this.socket.terminate(), 2000).unref();
	}

	keepAlive(now: number): void {
		if (!this.alive) {
			this.socket.terminate();
			return;
		}
		const oldest = this.#waiting.oldestSince;
		if (oldest !== null && now - oldest > MAX_WAIT_MS) {
			this.close(CLOSE.tooManyWaiting, 'predecessors never arrived, resync');
			return;
		}
		this.alive = false;
		this.socket.ping();
		if (now - this.lastSentAt >= 15_000) this.send(encodeKeepAlive());
	}

	#receive(data: Buffer, isBinary: boolean) {
		if (this.room.destroyed || this.#closing) return;
		try {
			if (!isBinary) throw new ProtocolError('text frames are not part of the protocol');
			this.#handle(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
		} catch (error) {
			collabMetrics.framesRejected += 1;
			console.warn(
				`[collab] closing a connection to ${this.room.name} (user ${this.userId}): ${(error as Error).message}`
			);
			this.close(CLOSE.malformed, 'malformed message');
		}
	}

	#handle(data: Uint8Array) {
		const message = decodeMessage(data);
		switch (message.kind) {
			case 'sync-step-1':
				this.send(encodeSyncStep2(this.room.doc, message.stateVector));
				return;
			case 'sync-update':
				if (this.readOnly) {
					collabMetrics.updatesDropped += 1;
					return;
				}
				this.#offer(message.update);
				return;
			case 'awareness':
				this.#offerAwareness(message.update);
				return;
			case 'query-awareness':
				this.send(encodeAwareness(this.room.awareness, [...this.room.awareness.getStates().keys()]));
				return;
		}
	}

	/**
	 * Applies an update once its shape is known to be harmless and complete; one that builds on
	 * something not yet here waits outside the document until it arrives.
	 */
	#offer(update: Uint8Array, since = Date.now()) {
		const { maxDepth, maxUpdateStructs: maxStructs } = config.collab;
		const shape = inspectUpdate(update, this.room.doc, { maxDepth, maxStructs });
		switch (shape.kind) {
			case 'too-deep':
				return this.#refuse(`types nested ${shape.depth} deep, at most ${maxDepth} allowed`);
			case 'too-many-structs':
				return this.#refuse(`${shape.structs} structs in one update, at most ${maxStructs} allowed`);
			case 'gap':
				return this.#hold(update, shape.missing, since);
			case 'malformed':
				// As a frame that does not parse: Yjs could not read it either.
				collabMetrics.framesRejected += 1;
				console.warn(`[collab] closing a connection to ${this.room.name} (user ${this.userId}): ${shape.reason}`);
				return this.close(CLOSE.malformed, 'malformed message');
			case 'ok':
				if (this.room.apply(update, this) === 'left-pending') {
					this.#giveUpWaiting('an update left structs pending');
				}
				return;
		}
	}

	#refuse(reason: string) {
		collabMetrics.updatesRefused += 1;
		console.warn(`[collab] refused an update to ${this.room.name} (user ${this.userId}): ${reason}`);
		this.#closeHostile(CLOSE.updateRefused, 'update refused: nested too deep or too large');
	}

	#hold(update: Uint8Array, missing: Missing, since: number) {
		if (!this.#waiting.hold(update, missing, since)) {
			return this.#giveUpWaiting(`more than ${this.#waiting.size} updates waiting for predecessors`);
		}
		this.room.waiting.add(this);
	}

	/** Called by the room after it moved on: held updates whose predecessor arrived go in. */
	retryWaiting(): void {
		for (let ready = this.#waiting.takeReady(this.room.doc); ready; ready = this.#waiting.takeReady(this.room.doc)) {
			if (this.#closing || this.room.destroyed) return;
			this.#offer(ready.update, ready.since);
		}
		if (!this.#waiting.size) this.room.waiting.delete(this);
	}

	#giveUpWaiting(reason: string) {
		collabMetrics.updatesRefused += 1;
		console.warn(`[collab] closing a connection to ${this.room.name} (user ${this.userId}): ${reason}`);
		this.#closeHostile(CLOSE.tooManyWaiting, 'too many updates waiting, resync');
	}

	/** Whatever else it already sent is not even read: a flood would still cost parsing. */
	#closeHostile(code: number, reason: string) {
		this.close(code, reason);
		this.socket.pause();
	}

	#dropWaiting() {
		this.#waiting.clear();
		this.room.waiting.delete(this);
	}

	/**
	 * Presence within the budget is applied at once. Past it, only the newest update is kept and
	 * applied when the budget allows: a flood costs the room one update per interval, and the last
	 * state (where a pan or a cursor came to rest) still reaches everyone — dropping it left
	 * followers a step behind for good. Each update carries the sender's whole state with a
	 * clock, so the newest one supersedes every one it replaces.
	 */
	#offerAwareness(update: Uint8Array) {
		if (this.#takeAwarenessBudget()) {
			this.#pendingAwareness = null;
			awarenessProtocol.applyAwarenessUpdate(this.room.awareness, update, this);
			return;
		}
		this.#pendingAwareness = update;
		this.#awarenessTimer ??= setTimeout(() => {
			this.#awarenessTimer = null;
			const pending = this.#pendingAwareness;
			this.#pendingAwareness = null;
			if (pending && !this.#closing && !this.room.destroyed) this.#offerAwareness(pending);
		}, 1000 / config.collab.awarenessPerSecond);
	}

	/** A token bucket: bursts of cursor moves pass; past it, see #offerAwareness. */
	#takeAwarenessBudget(): boolean {
		const rate = config.collab.awarenessPerSecond;
		const now = Date.now();
		this.#awarenessBudget = Math.min(
			rate * 2,
			this.#awarenessBudget + ((now - this.#awarenessRefilledAt) / 1000) * rate
		);
		this.#awarenessRefilledAt = now;
		if (this.#awarenessBudget < 1) return false;
		this.#awarenessBudget -= 1;
		return true;
	}
}
