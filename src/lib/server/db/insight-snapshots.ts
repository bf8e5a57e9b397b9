import { and, desc, eq } from 'drizzle-orm';
import { newId } from '../ids';
import { getDb } from './connection';
import { keyset, toPage, type Page, type PageRequest } from './pagination';
import { insightSnapshots, users, type InsightSnapshot } from './schema';

/** A snapshot without its figures, for lists: who saved it is by name (null once they are gone). */
export type InsightSnapshotSummary = Omit<InsightSnapshot, 'sections' | 'withheld'> & { createdByName: string | null };
export type InsightSnapshotRecord = InsightSnapshot & { createdByName: string | null };

const summaryColumns = {
	id: insightSnapshots.id,
	workspaceId: insightSnapshots.workspaceId,
	name: insightSnapshots.name,
	filters: insightSnapshots.filters,
	datasetVersion: insightSnapshots.datasetVersion,
	createdBy: insightSnapshots.createdBy,
	createdAt: insightSnapshots.createdAt,
	createdByName: users.name
};

/** Stores a snapshot in one statement: it is there whole or not at all. */
export function insertInsightSnapshot(input: Omit<InsightSnapshot, 'id' | 'createdAt'>): InsightSnapshot {
	return getDb()
		.insert(insightSnapshots)
		.values({ id: newId(), ...input })
		.returning()
		.get();
}

/** The workspace's snapshots, newest first. */
export function listInsightSnapshots(workspaceId: string, request: PageRequest): Page<InsightSnapshotSummary> {
	const { where, limit } = keyset(insightSnapshots.createdAt, insightSnapshots.id, request, 'desc');
	const rows = getDb()
		.select(summaryColumns)
		.from(insightSnapshots)
		.leftJoin(users, eq(users.id, insightSnapshots.createdBy))
		.where(and(eq(insightSnapshots.workspaceId, workspaceId), where))
		.orderBy(desc(insightSnapshots.createdAt), desc(insightSnapshots.id))
		.limit(limit)
		.all();
	return toPage(rows, limit, (row) => ({ time: row.createdAt, id: row.id }));
}

/** A snapshot with its figures, if it belongs to the workspace. */
export function findInsightSnapshot(workspaceId: string, snapshotId: string): InsightSnapshotRecord | undefined {
	return getDb()
		.select({ ...summaryColumns, sections: insightSnapshots.sections, withheld: insightSnapshots.withheld })
		.from(insightSnapshots)
		.leftJoin(users, eq(users.id, insightSnapshots.createdBy))
		.where(and(eq(insightSnapshots.workspaceId, workspaceId), eq(insightSnapshots.id, snapshotId)))
		.get();
}

/** Renames a snapshot; false when the workspace has no such snapshot. Its figures stay as they are. */
export function renameInsightSnapshot(workspaceId: string, snapshotId: string, name: string): boolean {
	const result = getDb()
		.update(insightSnapshots)
		.set({ name })
		.where(and(eq(insightSnapshots.workspaceId, workspaceId), eq(insightSnapshots.id, snapshotId)))
		.run();
	return result.changes > 0;
}

export function deleteInsightSnapshot(workspaceId: string, snapshotId: string): boolean {
	const result = getDb()
		.delete(insightSnapshots)
		.where(and(eq(insightSnapshots.workspaceId, workspaceId), eq(insightSnapshots.id, snapshotId)))
		.run();
	return result.changes > 0;
}
