/**
 * The figures of a board's measured steps, fetched from the server (`GET /api/v1/boards/:id/metrics`)
 * for the chosen cut (customer group). The board document holds only the bindings; every number
 * comes from here. Refetched when the bindings or the cut change, and when the workspace's change
 * stream says the data, its groups or personas changed — a new import shows on open boards at once.
 * A slow poll stays as a fallback for networks that hold server-sent events back.
 */
import { followWorkspaceChanges } from '$lib/client/workspace-changes';
import type { Card } from '$lib/domain/board';
import type { DataUnderWay } from '$lib/domain/customer-data';
import type { StageFigures, StepFigures, TrustedClvModel } from '$lib/domain/metrics';
import { BoardEventTypes } from './board-event-types.svelte';

export type { StepFigures, StageFigures } from '$lib/domain/metrics';

type Status = 'idle' | 'loading' | 'computing' | 'ready' | 'failed';

const FALLBACK_REFRESH_MS = 5 * 60_000;
// While customer data is on its way its progress is only to be had by asking.
const IMPORTING_REFRESH_MS = 2000;
const NO_FIGURES: ReadonlyMap<string, StepFigures> = new Map();

export class JourneyMetrics {
	readonly boardId: string;
	/** What the steps can bind to, and the names of event types everything on the board shows. */
	readonly eventTypes: BoardEventTypes;
	#byCard = $state.raw<Map<string, StepFigures>>(new Map());
	#stages = $state.raw<StageFigures[]>([]);
	#status = $state<Status>('idle');
	#customersInCut = $state(0);
	#datasetVersion = $state(0);
	#importing = $state.raw<DataUnderWay | null>(null);
	#clvModel = $state<TrustedClvModel | null>(null);
	/** The board's own group (its scope), used until the viewer picks a group themselves. */
	#scopeGroupId = $state<string | null>(null);
	#chosenGroup = $state<{ groupId: string | null } | null>(null);
	#groups = $state.raw<{ id: string; name: string }[]>([]);
	#personaId: string | null = null;
	#channel = $state<string | null>(null);
	#channels = $state.raw<string[]>([]);
	#revision = $state(0);
	#key = '';
	#timer: ReturnType<typeof setTimeout> | null = null;
	#generation = 0;
	#unfollow: () => void;

	constructor(boardId: string, workspaceId: string) {
		this.boardId = boardId;
		this.eventTypes = new BoardEventTypes(boardId);
		// Every change of the data, groups or personas may move the figures or the cut choices they
		// offer; the settings (the currency amounts are shown in) do not.
		this.#unfollow = followWorkspaceChanges(workspaceId, (change) => {
			if (change.kind !== 'settings' && this.#key !== '') void this.#load();
			if (change.kind === 'dataset' || change.kind === 'event-types' || change.kind === 'resync') this.eventTypes.refresh();
		});
	}

	/** Per measured card its figures; none while customer data is on its way (they would be incomplete). */
	get byCard() {
		return this.#importing ? NO_FIGURES : this.#byCard;
	}
	/** A step as people read it: the card's text, else the names of its event types. */
	stepName(card: Pick<Card, 'text' | 'eventTypes'>): string {
		return card.text || card.eventTypes.map((eventType) => this.eventTypes.name(eventType)).join(', ');
	}
	get stages() {
		return this.#stages;
	}
	get status() {
		return this.#status;
	}
	get customersInCut() {
		return this.#customersInCut;
	}
	get datasetVersion() {
		return this.#datasetVersion;
	}
	/** Customer data still on its way: the figures are incomplete until it is in. */
	get importing() {
		return this.#importing;
	}
	/** Where the steps' customer value comes from; null when none can be trusted on this data. */
	get clvModel() {
		return this.#clvModel;
	}
	get groupId() {
		return this.#chosenGroup ? this.#chosenGroup.groupId : this.#scopeGroupId;
	}
	get personaId() {
		return this.#personaId;
	}
	get channel() {
		return this.#channel;
	}
	/** Counts the loads that brought figures: what follows the figures (opportunity estimates) refreshes when it moves. */
	get revision() {
		return this.#revision;
	}
	/** Channels of the events, to cut by the channel customers entered through. */
	get channels() {
		return this.#channels;
	}

	setChannel(channel: string | null) {
		this.#channel = channel;
		void this.#load();
	}
	/** The customer groups the figures can be cut by. */
	get groups() {
		return this.#groups;
	}

	setGroup(groupId: string | null) {
		this.#chosenGroup = { groupId };
		void this.#load();
	}

	/** The group the board is about; the figures follow it unless the viewer chose another. */
	setScope(groupId: string | null) {
		if (groupId === this.#scopeGroupId) return;
		this.#scopeGroupId = groupId;
		if (!this.#chosenGroup) void this.#load();
	}

	/** A persona of a customer group (the map's persona filter when it stands for one): its customers only. */
	setPersona(personaId: string | null) {
		if (personaId === this.#personaId) return;
		this.#personaId = personaId;
		void this.#load();
	}

	/** Call with a key of the board's bindings (e.g. the bound steps as JSON); refetches when it changed. */
	follow(bindingsKey: string) {
		if (bindingsKey === this.#key) return;
		this.#key = bindingsKey;
		void this.#load();
	}

	async #load(): Promise<void> {
		const generation = ++this.#generation;
		if (this.#timer) clearTimeout(this.#timer);
		if (this.#key === '[]') {
			this.#byCard = new Map();
			this.#stages = [];
			this.#status = 'idle';
			return;
		}
		if (this.#status !== 'ready') this.#status = 'loading';
		const params = new URLSearchParams();
		const groupId = this.groupId;
		if (groupId) params.set('groupId', groupId);
		if (this.#personaId) params.set('personaId', this.#personaId);
		if (this.#channel) params.set('channel', this.#channel);
		const query = params.size ? `?${params}` : '';
		try {
			const response = await fetch(`/api/v1/boards/${this.boardId}/metrics${query}`);
			if (generation !== this.#generation) return;
			if (response.status === 202) {
				this.#status = 'computing';
				this.#timer = setTimeout(() => void this.#load(), 1000);
				return;
			}
			if (response.status === 404 && groupId && !this.#chosenGroup) {
				// The board's group was deleted: show the whole workspace until an editor rescopes it.
				this.#scopeGroupId = null;
				return void this.#load();
			}
			if (!response.ok) throw new Error(String(response.status));
			const body = (await response.json()) as {
				steps: StepFigures[];
				stages: StageFigures[];
				customersInCut: number;
				datasetVersion: number;
				groups: { id: string; name: string }[];
				channels: string[];
				eventTypeLabels: Record<string, string>;
				importing: DataUnderWay | null;
				clvModel: TrustedClvModel | null;
			};
			this.eventTypes.setLabels(body.eventTypeLabels);
			this.#groups = body.groups;
			this.#channels = body.channels;
			this.#byCard = new Map(body.steps.map((step) => [step.cardId, step]));
			this.#stages = body.stages;
			this.#customersInCut = body.customersInCut;
			this.#datasetVersion = body.datasetVersion;
			this.#importing = body.importing ?? null;
			this.#clvModel = body.clvModel;
			this.#status = 'ready';
			this.#revision++;
		} catch {
			if (generation === this.#generation) this.#status = 'failed';
		}
		if (generation === this.#generation) {
			this.#timer = setTimeout(() => void this.#load(), this.#importing ? IMPORTING_REFRESH_MS : FALLBACK_REFRESH_MS);
		}
	}

	destroy() {
		this.#unfollow();
		this.#generation++;
		if (this.#timer) clearTimeout(this.#timer);
	}
}
