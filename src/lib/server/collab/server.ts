import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { commentsRoomName } from '$lib/domain/comments';
import { personaRoomName } from '$lib/domain/persona';
import { SESSION_COOKIE, validateApiToken, validateSessionToken } from '../auth';
import { config } from '../config';
import { onAccessEvent, type AccessEvent } from '../events';
import { CLOSE, Connection, type ConnectionIdentity } from './connection';
import { collabMetrics } from './metrics';
import { documentKindOf } from './registry';
import { Room } from './room';

export const COLLAB_PATH = '/collab/';

const ROOM_NAME = /^[A-Za-z0-9_.:-]{1,128}$/;

function reject(socket: Duplex, status: number, reason: string) {
	socket.write(
		`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`
	);
	socket.destroy();
}

function readCookie(header: string | undefined, name: string): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const [key, ...rest] = part.trim().split('=');
		if (key === name) return decodeURIComponent(rest.join('='));
	}
	return undefined;
}

/** The origin the app is served from, as browsers will state it in the Origin header. */
function expectedOrigin(request: IncomingMessage): string | null {
	if (process.env.ORIGIN) return process.env.ORIGIN.replace(/\/$/, '');
	const host = request.headers.host;
	if (!host) return null;
	const protocol =
		(request.headers['x-forwarded-proto'] as string | undefined)?.split(',')[0]?.trim() ??
		((request.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http');
	return `${protocol}://${host}`;
}

/**
 * The collaboration endpoint: authenticates each upgrade before accepting it, keeps rooms,
 * and reacts at once when access changes.
 */
export class CollabServer {
	readonly rooms = new Map<string, Room>();
	readonly connections = new Set<Connection>();
	readonly #wss = new WebSocketServer({ noServer: true, maxPayload: config.collab.maxFrameBytes });
	readonly #unloadTimers = new Map<string, NodeJS.Timeout>();
	readonly #keepAlive: NodeJS.Timeout;
	readonly #stopListening: () => void;

	constructor() {
		this.#keepAlive = setInterval(() => {
			const now = Date.now();
			for (const connection of this.connections) connection.keepAlive(now);
		}, 15_000);
		this.#keepAlive.unref();
		this.#stopListening = onAccessEvent((event) => this.#onAccessEvent(event));
	}

	/** Handles `upgrade` events for /collab/… and leaves every other path (e.g. Vite's HMR) alone. */
	attach(server: Server): void {
		server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
			const url = new URL(request.url ?? '/', 'http://localhost');
			if (!url.pathname.startsWith(COLLAB_PATH)) return;
			try {
				this.#upgrade(request, socket, head, url);
			} catch (error) {
				console.error('[collab] upgrade failed', error);
				reject(socket, 500, 'Internal Server Error');
			}
		});
	}

	#upgrade(request: IncomingMessage, socket: Duplex, head: Buffer, url: URL) {
		const roomName = decodeURIComponent(url.pathname.slice(COLLAB_PATH.length));
		if (!ROOM_NAME.test(roomName)) return reject(socket, 400, 'Bad Request');
		const kind = documentKindOf(roomName);
		if (!kind) return reject(socket, 404, 'Not Found');

		const identity = this.#authenticate(request, url);
		if (!identity) return reject(socket, 401, 'Unauthorized');

		// Cross-site websocket hijacking: a browser always states the page's origin, and only
		// our own pages may open a socket with the user's cookie. Scripts with a token send none.
		const origin = request.headers.origin;
		if (origin && origin !== expectedOrigin(request)) return reject(socket, 403, 'Forbidden');
		if (!origin && identity.sessionId) return reject(socket, 403, 'Forbidden');

		const grant = kind.authorize(identity.userId, roomName);
		if (!grant) return reject(socket, 404, 'Not Found');

		this.#wss.handleUpgrade(request, socket, head, (ws) => {
			const room = this.#room(roomName, grant.workspaceId);
			const connection = new Connection(ws, room, identity, grant.access, (closed) =>
				this.#onConnectionClosed(closed)
			);
			this.connections.add(connection);
			collabMetrics.connections = this.connections.size;
		});
	}

	#authenticate(request: IncomingMessage, url: URL): ConnectionIdentity | null {
		const token = url.searchParams.get('token');
		if (token) {
			const found = validateApiToken(token);
			return found ? { userId: found.user.id, sessionId: null, apiTokenId: found.tokenId } : null;
		}
		const cookie = readCookie(request.headers.cookie, SESSION_COOKIE);
		const found = cookie ? validateSessionToken(cookie) : null;
		return found ? { userId: found.user.id, sessionId: found.session.id, apiTokenId: null } : null;
	}

	#room(name: string, workspaceId: string): Room {
		const pending = this.#unloadTimers.get(name);
		if (pending) {
			clearTimeout(pending);
			this.#unloadTimers.delete(name);
		}
		let room = this.rooms.get(name);
		if (!room) {
			room = new Room(name, workspaceId, {
				prepare: documentKindOf(name)?.prepare,
				onFailure: (failed) => this.#dropRoom(failed, CLOSE.roomFailed, 'room failed, resync')
			});
			this.rooms.set(name, room);
		}
		return room;
	}

	/** The live room of a document, loading it if needed (version snapshots and restores use this). */
	openRoom(name: string, workspaceId: string): Room {
		const room = this.#room(name, workspaceId);
		if (room.peers.size === 0) this.#scheduleUnload(room);
		return room;
	}

	#onConnectionClosed(connection: Connection) {
		this.connections.delete(connection);
		collabMetrics.connections = this.connections.size;
		const { room } = connection;
		if (room.removePeer(connection) && !room.destroyed) this.#scheduleUnload(room);
	}

	#scheduleUnload(room: Room) {
		clearTimeout(this.#unloadTimers.get(room.name));
		const timer = setTimeout(() => {
			this.#unloadTimers.delete(room.name);
			if (room.peers.size > 0 || this.rooms.get(room.name) !== room) return;
			this.rooms.delete(room.name);
			room.destroy({ persist: true });
		}, config.collab.unloadAfterMs);
		timer.unref();
		this.#unloadTimers.set(room.name, timer);
	}

	#dropRoom(room: Room, code: number, reason: string) {
		clearTimeout(this.#unloadTimers.get(room.name));
		this.#unloadTimers.delete(room.name);
		this.rooms.delete(room.name);
		room.closeAll(code, reason);
		// Possibly called from inside the document's own update handler: destroy it afterwards.
		queueMicrotask(() => room.destroy({ persist: false }));
	}

	#onAccessEvent(event: AccessEvent) {
		switch (event.kind) {
			case 'board-deleted':
				for (const name of [event.boardId, commentsRoomName(event.boardId)]) {
					const room = this.rooms.get(name);
					if (room) this.#dropRoom(room, CLOSE.documentDeleted, 'document deleted');
				}
				return;
			case 'persona-deleted': {
				const room = this.rooms.get(personaRoomName(event.personaId));
				if (room) this.#dropRoom(room, CLOSE.documentDeleted, 'document deleted');
				return;
			}
			case 'workspace-deleted':
				for (const room of [...this.rooms.values()]) {
					if (room.workspaceId === event.workspaceId) {
						this.#dropRoom(room, CLOSE.documentDeleted, 'workspace deleted');
					}
				}
				return;
			case 'session-revoked':
				for (const connection of this.connections) {
					if (connection.identity.sessionId === event.sessionId) {
						connection.close(CLOSE.accessRevoked, 'session ended');
					}
				}
				return;
			case 'api-token-revoked':
				for (const connection of this.connections) {
					if (connection.identity.apiTokenId === event.tokenId) {
						connection.close(CLOSE.accessRevoked, 'token revoked');
					}
				}
				return;
			case 'membership-changed':
			case 'workspace-settings-changed':
				// Everyone affected is asked again, through the same rule that let them in.
				for (const connection of this.connections) {
					const { room } = connection;
					if (room.workspaceId !== event.workspaceId) continue;
					if (event.kind === 'membership-changed' && connection.userId !== event.userId) continue;
					const grant = documentKindOf(room.name)?.authorize(connection.userId, room.name);
					if (!grant) connection.close(CLOSE.accessRevoked, 'access revoked');
					else if (grant.access === 'write' && connection.readOnly) {
						// Updates it sent while read-only were dropped, so later ones would wait on them
						// forever: the client reconnects and syncs afresh, now as a writer.
						connection.close(CLOSE.accessChanged, 'access changed');
					} else connection.access = grant.access;
				}
				return;
		}
	}

	/** Graceful shutdown: store every room as one snapshot, then close the sockets. */
	shutdown(): void {
		clearInterval(this.#keepAlive);
		this.#stopListening();
		for (const timer of this.#unloadTimers.values()) clearTimeout(timer);
		this.#unloadTimers.clear();
		for (const room of this.rooms.values()) {
			try {
				room.closeAll(CLOSE.shuttingDown, 'server restarting');
				room.destroy({ persist: true });
			} catch (error) {
				console.error(`[collab] could not store ${room.name} on shutdown`, error);
			}
		}
		this.rooms.clear();
		this.#wss.close();
	}
}
