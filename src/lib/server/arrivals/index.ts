import { summariseUnderWay, type DataUnderWay, type UnderWayStep } from '$lib/domain/customer-data';
import { requireBoard, requireWorkspace } from '../auth';
import * as db from '../db';

/*
 * What customer data is on its way into a workspace: its unfinished imports, and a batch that is
 * announced before its imports exist (the demo, whose files are generated first). Read from the
 * import records each time, so it is never staler than they are.
 */

interface Batch {
	kinds: db.ImportKind[];
	/** Share of the files generated so far. */
	prepared: number;
	importIds: string[];
}

const batches = new Map<string, Batch>();

export interface BatchHandle {
	/** The files are this far (0…1). */
	preparing(progress: number): void;
	/** The files are ready and imported by these imports, in the order of `kinds`. */
	importing(importIds: string[]): void;
	/** Every import of the batch is over (or it was given up). */
	end(): void;
}

/** Announces data for `kinds` that is still being prepared, so that pages show it coming from the start. */
export function announceBatch(workspaceId: string, kinds: db.ImportKind[]): BatchHandle {
	const batch: Batch = { kinds, prepared: 0, importIds: [] };
	batches.set(workspaceId, batch);
	return {
		preparing: (progress) => void (batch.prepared = progress),
		importing: (ids) => {
			batch.prepared = 1;
			batch.importIds = ids;
		},
		end: () => {
			if (batches.get(workspaceId) === batch) batches.delete(workspaceId);
		}
	};
}

const stepOf = (row: db.Import): UnderWayStep => ({
	kind: row.kind,
	status: row.status === 'cancelled' ? 'failed' : row.status,
	progress: row.status === 'done' ? 1 : row.progress,
	importId: row.id,
	fileName: row.fileName,
	rowsRead: row.rowsTotal
});

function underWay(workspaceId: string): DataUnderWay | null {
	const batch = batches.get(workspaceId);
	const steps: UnderWayStep[] = [];
	const inBatch = new Set(batch?.importIds);
	if (batch) {
		steps.push({
			kind: 'demo_files',
			status: batch.prepared >= 1 ? 'done' : 'running',
			progress: batch.prepared,
			importId: null,
			fileName: null,
			rowsRead: 0
		});
		const rows = new Map(db.findImports(batch.importIds).map((row) => [row.id, row]));
		batch.kinds.forEach((kind, index) => {
			const row = rows.get(batch.importIds[index] ?? '');
			steps.push(row ? stepOf(row) : { kind, status: 'queued', progress: 0, importId: null, fileName: null, rowsRead: 0 });
		});
	}
	for (const row of db.listUnfinishedImports(workspaceId)) if (!inBatch.has(row.id)) steps.push(stepOf(row));
	return steps.length ? summariseUnderWay(steps) : null;
}

/** The customer data on its way into a workspace, for whoever may read its data; null when none. */
export function dataUnderWay(user: db.User | null, workspaceId: string): DataUnderWay | null {
	requireWorkspace(user, workspaceId, 'data:read');
	return underWay(workspaceId);
}

/** The same, for the workspace of a board (its metrics lane). */
export function dataUnderWayForBoard(user: db.User | null, boardId: string): DataUnderWay | null {
	const { workspace } = requireBoard(user, boardId, 'data:read');
	return underWay(workspace.id);
}
