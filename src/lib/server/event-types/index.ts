import { eventTypeLabel, type EventTypeLabels } from '$lib/domain/customer-data/event-types';
import * as db from '../db';
import { requireWorkspace } from '../auth';
import { announceChange } from '../events';

/*
 * The names a workspace gives its event types. Events, boards and personas keep the tracking ids
 * (`visit_product_page`); wherever people read an event type they see its workspace label, or a
 * readable form of the id. Editors name them; everyone who may read the data sees the names.
 */

/** An event type as the workspace knows it: from its events, its labels, or both. */
export interface WorkspaceEventType extends db.EventTypeSummary {
	/** What people see: the workspace's own label, else the readable id. */
	label: string;
	/** The workspace's own label; null when the readable id is shown. */
	customLabel: string | null;
}

/** The workspace's own labels, for services that show event types (no access check: callers have done theirs). */
export const eventTypeLabelsOf = (workspaceId: string): EventTypeLabels => db.readEventTypeLabels(workspaceId);

/** Summaries are counted over every event of the workspace: kept per dataset version, which every import moves on. */
const summaries = new Map<string, { version: number; items: db.EventTypeSummary[] }>();

/** The event types of a workspace's events with counts and channels, most frequent first. */
export function eventTypeSummaries(workspaceId: string): db.EventTypeSummary[] {
	const version = db.datasetVersion(workspaceId);
	const kept = summaries.get(workspaceId);
	if (kept && kept.version === version) return kept.items;
	const items = db.eventTypeSummaries(workspaceId);
	summaries.set(workspaceId, { version, items });
	return items;
}

/** Summaries with the names people see. */
export function labelledEventTypes(workspaceId: string, items: readonly db.EventTypeSummary[]): WorkspaceEventType[] {
	const labels = eventTypeLabelsOf(workspaceId);
	return items.map((item) => ({ ...item, label: eventTypeLabel(item.eventType, labels), customLabel: labels[item.eventType] ?? null }));
}

/**
 * Every event type of the workspace: those in its events (most frequent first), then those only
 * named so far (no events yet, or none since a re-import), by id.
 */
export function workspaceEventTypes(user: db.User | null, workspaceId: string): WorkspaceEventType[] {
	requireWorkspace(user, workspaceId, 'data:read');
	const counted = eventTypeSummaries(workspaceId);
	const seen = new Set(counted.map((item) => item.eventType));
	const onlyNamed = Object.keys(eventTypeLabelsOf(workspaceId))
		.filter((eventType) => !seen.has(eventType))
		.sort()
		.map((eventType) => ({ eventType, events: 0, customers: 0, channels: [] }));
	return labelledEventTypes(workspaceId, [...counted, ...onlyNamed]);
}

/** Editors name event types (null: back to the readable id); open boards and pages show the names at once. */
export function saveEventTypeLabels(user: db.User | null, workspaceId: string, labels: Readonly<Record<string, string | null>>): WorkspaceEventType[] {
	const { user: editor } = requireWorkspace(user, workspaceId, 'data:write');
	db.saveEventTypeLabels(workspaceId, labels, editor.id);
	announceChange({ kind: 'event-types', workspaceId });
	return workspaceEventTypes(editor, workspaceId);
}
