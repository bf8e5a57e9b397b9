/**
 * The event types a board's steps can bind to (`GET /api/v1/boards/:id/event-types`) and the
 * names the workspace gave event types. The board keeps ids; everything that shows an event type
 * asks `name(id)`. The list is fetched when first wanted (the binding panel); the names also come
 * with every load of the figures, so the metrics lane shows a renamed event type at once.
 */
import { eventTypeLabel, type EventTypeLabels } from '$lib/domain/customer-data/event-types';

export interface BindableEventType {
	eventType: string;
	label: string;
	customLabel: string | null;
	events: number;
	customers: number;
	channels: { channel: string; events: number }[];
}

export class BoardEventTypes {
	readonly #boardId: string;
	#items = $state.raw<BindableEventType[] | null>(null);
	#failed = $state(false);
	#labels = $state.raw<EventTypeLabels>({});
	#wanted = false;
	#generation = 0;

	constructor(boardId: string) {
		this.#boardId = boardId;
	}

	/** Null until loaded; call `want()` first. */
	get items() {
		return this.#items;
	}
	get failed() {
		return this.#failed;
	}

	/** The name people see for an event type id. */
	name(eventType: string): string {
		return eventTypeLabel(eventType, this.#labels);
	}

	/** The workspace's own names, as the server last sent them (with the figures or the list). */
	setLabels(labels: EventTypeLabels) {
		this.#labels = labels;
	}

	/** Loads the list once; later changes (an import, renamed event types) reload it through `refresh`. */
	want() {
		if (this.#wanted) return;
		this.#wanted = true;
		void this.#load();
	}

	refresh() {
		if (this.#wanted) void this.#load();
	}

	async #load() {
		const generation = ++this.#generation;
		try {
			const response = await fetch(`/api/v1/boards/${this.#boardId}/event-types`);
			if (!response.ok) throw new Error(String(response.status));
			const { items } = (await response.json()) as { items: BindableEventType[] };
			if (generation !== this.#generation) return;
			this.#items = items;
			this.#failed = false;
			this.#labels = Object.fromEntries(items.filter((e) => e.customLabel !== null).map((e) => [e.eventType, e.customLabel!]));
		} catch {
			if (generation === this.#generation) this.#failed = true;
		}
	}
}
