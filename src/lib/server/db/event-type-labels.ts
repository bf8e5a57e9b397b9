import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from './connection';
import { eventTypeLabels } from './schema';

/** The names a workspace gave its event types, by event type id. */
export function readEventTypeLabels(workspaceId: string): Record<string, string> {
	const rows = getDb()
		.select({ eventType: eventTypeLabels.eventType, label: eventTypeLabels.label })
		.from(eventTypeLabels)
		.where(eq(eventTypeLabels.workspaceId, workspaceId))
		.all();
	return Object.fromEntries(rows.map((row) => [row.eventType, row.label]));
}

/** Sets labels and, for event types given null, removes them (back to the readable id), all in one transaction. */
export function saveEventTypeLabels(workspaceId: string, changes: Readonly<Record<string, string | null>>, updatedBy: string): void {
	const db = getDb();
	const cleared = Object.keys(changes).filter((eventType) => changes[eventType] === null);
	const set = Object.entries(changes).filter((entry): entry is [string, string] => entry[1] !== null);
	const updatedAt = new Date();
	db.transaction((tx) => {
		if (cleared.length)
			tx.delete(eventTypeLabels)
				.where(and(eq(eventTypeLabels.workspaceId, workspaceId), inArray(eventTypeLabels.eventType, cleared)))
				.run();
		for (const [eventType, label] of set)
			tx.insert(eventTypeLabels)
				.values({ workspaceId, eventType, label, updatedBy, updatedAt })
				.onConflictDoUpdate({ target: [eventTypeLabels.workspaceId, eventTypeLabels.eventType], set: { label, updatedBy, updatedAt } })
				.run();
	}, { behavior: 'immediate' });
}
