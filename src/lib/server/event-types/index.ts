import { eventTypeLabel, type EventTypeLabels } from '$lib/domain/customer-data/event-types';
import * as db from '../db';
import { requireWorkspace } from '../auth';
import { announceChange } from '../events';

/*
 * The names a workspace gives its event types. Events, boards and personas keep the tracking ids
 * (`visit_product_page`); wherever people read an event type they see its workspace label, or a
 * readable form of the id. Editors name them; everyone who may read the data sees the names.
 */

/** An event type's figures as the binding picker shows them. */
export interface EventTypeCounts {
	eventType: string;
	events: number;
	customers: number;
	channels: { channel: string; events: number }[];
}

/** An event type as the workspace knows it: from its events, its labels, or both. */
export interface WorkspaceEventType extends EventTypeCounts {
	/** What people see: the workspace's own label, else the readable id. */
	label: string;
	/** The workspace's own label; null when the readable id is shown. */
	customLabel: string | null;
}

/** The workspace's own labels, for services that show event types (no access check: callers have done theirs). */
export const eventTypeLabelsOf = (workspaceId: string): EventTypeLabels => db.readEventTypeLabels(workspaceId);

/** Event types with the names people see; with `namedToo`, followed by those only named so far (no events yet, or none since a re-import), by id. */
export function labelledEventTypes(workspaceId: string, counted: readonly EventTypeCounts[], { namedToo = false } = {}): WorkspaceEventType[] {
	const labels = eventTypeLabelsOf(workspaceId);
	const seen = new Set(counted.map((item) => item.eventType));
	const onlyNamed = namedToo
		? Object.keys(labels)
				.filter((eventType) => !seen.has(eventType))
				.sort()
				.map((eventType) => ({ eventType, events: 0, customers: 0, channels: [] }))
		: [];
	return [...counted, ...onlyNamed].map((item) => ({ ...item, label: eventTypeLabel(item.eventType, labels), customLabel: labels[item.eventType] ?? null }));
}

/** Editors name event types (null: back to the readable id); open boards and pages show the names at once. */
export function saveEventTypeLabels(user: db.User | null, workspaceId: string, labels: Readonly<Record<string, string | null>>): void {
	const { user: editor } = requireWorkspace(user, workspaceId, 'data:write');
	db.saveEventTypeLabels(workspaceId, labels, editor.id);
	announceChange({ kind: 'event-types', workspaceId });
}
