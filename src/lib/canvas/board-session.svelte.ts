import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { boardSharedTypes, readBoard, type BoardSnapshot } from '$lib/domain/board';
import { commentsRoomName, readComments, type Comment } from '$lib/domain/comments';
import { colorFor, isPresenceState, type Collaborator, type PresenceState } from './presence';

export type ConnectionState = 'connecting' | 'online' | 'offline' | 'revoked' | 'preview';

export interface BoardSessionOptions {
	boardId: string;
	user: { id: string; name: string };
	readOnly: boolean;
	/** Viewers may still comment when their workspace allows it. */
	canComment: boolean;
	/** Keep a copy in IndexedDB so edits made offline survive a reload and merge later. */
	persistOffline?: boolean;
	/** Show this stored state (a version) read-only instead of connecting to the live board. */
	snapshot?: Uint8Array;
}

/** Close codes the server uses when access ends (see $lib/server/collab). */
const ACCESS_ENDED = new Set([4403, 4404]);
const CURSOR_INTERVAL_MS = 50;

/**
 * One open board in the browser: the shared document, its connection, presence and undo.
 * Components read reactive snapshots from here and change the board only through `apply`.
 */
export class BoardSession {
	readonly doc = new Y.Doc();
	/** Marks this tab's own changes: undo only ever reverts these. */
	readonly origin = { session: true };
	readonly readOnly: boolean;
	readonly userId: string;
	readonly boardId: string;
	readonly #provider: WebsocketProvider | null;
	readonly #persistence: IndexeddbPersistence | null;
	readonly #undo: Y.UndoManager;
	/** The board's comments: a document of their own, writable by whoever may comment. */
	readonly commentsDoc = new Y.Doc();
	readonly canComment: boolean;
	readonly #commentsProvider: WebsocketProvider | null;
	#comments = $state.raw<Comment[]>([]);

	#board = $state.raw<BoardSnapshot>(readBoard(new Y.Doc()));
	#connection = $state<ConnectionState>('connecting');
	#synced = $state(false);
	#collaborators = $state.raw<Collaborator[]>([]);
	#canUndo = $state(false);
	#canRedo = $state(false);
	#refreshScheduled = false;
	#cursorTimer: ReturnType<typeof setTimeout> | null = null;
	#pendingCursor: PresenceState['cursor'] | undefined;

	constructor(options: BoardSessionOptions) {
		const preview = options.snapshot !== undefined;
		this.readOnly = options.readOnly || preview;
		this.boardId = options.boardId;
		this.userId = options.user.id;
		this.canComment = options.canComment && !preview;
		this.#persistence =
			!preview && options.persistOffline !== false && typeof indexedDB !== 'undefined'
				? new IndexeddbPersistence(`waymark:board:${options.boardId}:${options.user.id}`, this.doc)
				: null;
		this.commentsDoc.on('update', () => (this.#comments = readComments(this.commentsDoc)));

		if (preview) {
			// A version, shown as it was: nothing connects, nothing can change.
			Y.applyUpdate(this.doc, options.snapshot!);
			this.#provider = null;
			this.#commentsProvider = null;
			this.#connection = 'preview';
			this.#synced = true;
		} else {
			const protocol = location.protocol === 'https:' ? 'wss' : 'ws';
			const endpoint = `${protocol}://${location.host}/collab`;
			this.#provider = this.#connect(endpoint, options);
			this.#commentsProvider = new WebsocketProvider(endpoint, commentsRoomName(options.boardId), this.commentsDoc);
		}

		this.#undo = new Y.UndoManager(boardSharedTypes(this.doc), {
			trackedOrigins: new Set([this.origin]),
			captureTimeout: 400
		});
		const refreshUndo = () => {
			this.#canUndo = this.#undo.canUndo();
			this.#canRedo = this.#undo.canRedo();
		};
		this.#undo.on('stack-item-added', refreshUndo);
		this.#undo.on('stack-item-popped', refreshUndo);
		this.#undo.on('stack-cleared', refreshUndo);

		this.doc.on('update', () => this.#scheduleRefresh());
		this.#board = readBoard(this.doc);

		// A socket can linger for a long time after the network is gone; the browser knows sooner.
		addEventListener('offline', this.#goOffline);
		addEventListener('online', this.#goOnline);
	}

	#goOffline = () => {
		if (this.#connection === 'revoked' || !this.#provider) return;
		this.#provider?.disconnect();
		this.#commentsProvider?.disconnect();
		this.#connection = 'offline';
	};

	#goOnline = () => {
		if (this.#connection === 'revoked' || !this.#provider) return;
		this.#provider?.connect();
		this.#commentsProvider?.connect();
	};

	#connect(endpoint: string, options: BoardSessionOptions): WebsocketProvider {
		const provider = new WebsocketProvider(endpoint, options.boardId, this.doc);
		provider.awareness.setLocalState({
			user: { id: options.user.id, name: options.user.name, color: colorFor(options.user.id) },
			cursor: null,
			selection: [],
			viewport: null
		} satisfies PresenceState);
		// "Online" means connected and in sync: only then is what you see what everyone sees.
		provider.on('status', ({ status }: { status: string }) => {
			if (this.#connection === 'revoked') return;
			this.#connection =
				status === 'connected' && provider.synced ? 'online' : status === 'disconnected' ? 'offline' : 'connecting';
		});
		provider.on('sync', (synced: boolean) => {
			this.#synced = synced;
			if (this.#connection !== 'revoked' && provider.wsconnected) this.#connection = synced ? 'online' : 'connecting';
		});
		provider.on('connection-close', (event: CloseEvent | null) => {
			if (event && ACCESS_ENDED.has(event.code)) {
				// Reconnecting would only be refused again: access ended or the board was deleted.
				this.#connection = 'revoked';
				provider.shouldConnect = false;
			}
		});
		// Our own presence (cursor, selection, view) is not a collaborator: its changes, many a
		// second, need not rebuild the list everyone's avatars and cursors render from.
		provider.awareness.on('change', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
			if ([...added, ...updated, ...removed].some((clientId) => clientId !== this.doc.clientID)) this.#refreshCollaborators();
		});
		return provider;
	}

	get board(): BoardSnapshot {
		return this.#board;
	}
	get connection(): ConnectionState {
		return this.#connection;
	}
	get synced(): boolean {
		return this.#synced;
	}
	get collaborators(): Collaborator[] {
		return this.#collaborators;
	}
	get comments(): Comment[] {
		return this.#comments;
	}
	get canUndo(): boolean {
		return this.#canUndo;
	}
	get canRedo(): boolean {
		return this.#canRedo;
	}

	/**
	 * Runs one board mutation as this user's action (one undo step). Viewers' sessions refuse:
	 * the server would drop the change anyway, and the UI must not pretend it happened.
	 */
	apply<T>(mutation: (doc: Y.Doc, origin: unknown) => T): T {
		if (this.readOnly) throw new Error('This board is read-only for you');
		const result = mutation(this.doc, this.origin);
		this.#refreshNow();
		return result;
	}

	/**
	 * Brings the board in line with the server's state of things it refers to (a group persona's
	 * name). Not this user's action: no undo step, and nothing for viewers to write.
	 */
	reconcile(mutation: (doc: Y.Doc, origin: unknown) => void): void {
		if (this.readOnly) return;
		mutation(this.doc, this.reconcileOrigin);
		this.#refreshNow();
	}
	readonly reconcileOrigin = { reconcile: true };

	/** Changes the comments; refused where the server would refuse it too. */
	comment<T>(mutation: (doc: Y.Doc) => T): T {
		if (!this.canComment) throw new Error('You cannot comment on this board');
		const result = mutation(this.commentsDoc);
		this.#comments = readComments(this.commentsDoc);
		return result;
	}

	undo(): void {
		if (!this.readOnly) this.#undo.undo();
	}

	redo(): void {
		if (!this.readOnly) this.#undo.redo();
	}

	/** Starts a new undo step, so that e.g. two quick edits are not undone as one. */
	stopCapturing(): void {
		this.#undo.stopCapturing();
	}

	setCursor(cursor: PresenceState['cursor']): void {
		this.#pendingCursor = cursor;
		if (this.#cursorTimer) return;
		this.#cursorTimer = setTimeout(() => {
			this.#cursorTimer = null;
			this.#provider?.awareness.setLocalStateField('cursor', this.#pendingCursor ?? null);
		}, CURSOR_INTERVAL_MS);
	}

	setSelection(selection: string[]): void {
		this.#provider?.awareness.setLocalStateField('selection', selection);
	}

	setViewport(viewport: PresenceState['viewport']): void {
		this.#provider?.awareness.setLocalStateField('viewport', viewport);
	}

	destroy(): void {
		removeEventListener('offline', this.#goOffline);
		removeEventListener('online', this.#goOnline);
		if (this.#cursorTimer) clearTimeout(this.#cursorTimer);
		this.#undo.destroy();
		this.#provider?.destroy();
		this.#commentsProvider?.destroy();
		void this.#persistence?.destroy();
		this.doc.destroy();
		this.commentsDoc.destroy();
	}

	#scheduleRefresh() {
		if (this.#refreshScheduled) return;
		this.#refreshScheduled = true;
		requestAnimationFrame(() => this.#refreshNow());
	}

	#refreshNow() {
		this.#refreshScheduled = false;
		this.#board = readBoard(this.doc);
	}

	#refreshCollaborators() {
		const own = this.doc.clientID;
		const people: Collaborator[] = [];
		if (!this.#provider) return;
		for (const [clientId, state] of this.#provider.awareness.getStates()) {
			if (clientId !== own && isPresenceState(state)) people.push({ ...state, clientId });
		}
		this.#collaborators = people;
	}
}
