import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
	personaRoomName,
	readNarrative,
	setAvatar,
	setNarrativeField,
	type Avatar,
	type NarrativeField,
	type NarrativeSnapshot
} from '$lib/domain/persona';
import { colorFor } from '$lib/canvas/presence';

export type CardConnection = 'connecting' | 'online' | 'offline' | 'revoked';

/** Close codes the server uses when access ends (see $lib/server/collab). */
const ACCESS_ENDED = new Set([4403, 4404]);

interface Present {
	id: string;
	name: string;
	color: string;
}

/**
 * One open persona card in the browser: its shared document, connection and who else is
 * here. Components read `narrative` and change it only through the methods below, which run
 * the typed mutations of `$lib/domain/persona`.
 */
export class PersonaCardSession {
	readonly doc = new Y.Doc();
	readonly origin = { session: true };
	readonly readOnly: boolean;
	readonly #provider: WebsocketProvider;
	#narrative = $state.raw<NarrativeSnapshot>(readNarrative(new Y.Doc()));
	#connection = $state<CardConnection>('connecting');
	#synced = $state(false);
	#present = $state.raw<Present[]>([]);

	constructor(options: { personaId: string; user: { id: string; name: string }; readOnly: boolean }) {
		this.readOnly = options.readOnly;
		const protocol = location.protocol === 'https:' ? 'wss' : 'ws';
		const provider = new WebsocketProvider(`${protocol}://${location.host}/collab`, personaRoomName(options.personaId), this.doc);
		this.#provider = provider;
		provider.awareness.setLocalState({ user: { id: options.user.id, name: options.user.name, color: colorFor(options.user.id) } });
		provider.on('status', ({ status }: { status: string }) => {
			if (this.#connection === 'revoked') return;
			this.#connection = status === 'connected' && provider.synced ? 'online' : status === 'disconnected' ? 'offline' : 'connecting';
		});
		provider.on('sync', (synced: boolean) => {
			this.#synced = synced;
			if (this.#connection !== 'revoked' && provider.wsconnected) this.#connection = synced ? 'online' : 'connecting';
		});
		provider.on('connection-close', (event: CloseEvent | null) => {
			if (event && ACCESS_ENDED.has(event.code)) {
				this.#connection = 'revoked';
				provider.shouldConnect = false;
			}
		});
		provider.awareness.on('change', () => {
			const present = new Map<string, Present>();
			// Other connections, by person: the same person in another tab or device counts too.
			for (const [clientId, state] of provider.awareness.getStates()) {
				const user = (state as { user?: Present }).user;
				if (clientId !== this.doc.clientID && user && typeof user.id === 'string') present.set(user.id, user);
			}
			this.#present = [...present.values()];
		});
		this.doc.on('update', () => (this.#narrative = readNarrative(this.doc)));
	}

	get narrative(): NarrativeSnapshot {
		return this.#narrative;
	}
	get connection(): CardConnection {
		return this.#connection;
	}
	get synced(): boolean {
		return this.#synced;
	}
	/** Others with this card open (including the same person elsewhere). */
	get present(): Present[] {
		return this.#present;
	}

	setField(field: NarrativeField, value: string): void {
		if (this.readOnly) return;
		setNarrativeField(this.doc, field, value, this.origin);
	}

	setAvatar(avatar: Avatar | null): void {
		if (this.readOnly) return;
		setAvatar(this.doc, avatar, this.origin);
	}

	destroy(): void {
		this.#provider.destroy();
		this.doc.destroy();
	}
}
