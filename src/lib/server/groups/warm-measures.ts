import * as db from '../db';
import { onWorkspaceChange } from '../events';

/*
 * The customer measures every group rule, persona and insights cut reads are rebuilt for each
 * dataset version (seconds at 200,000 customers). Started when an import or an erasure commits,
 * the rebuild is under way or done by the time someone opens a page, instead of beginning with
 * that page's first request; a page asking meanwhile shares the same rebuild.
 */

/** Starts a measures rebuild on every dataset change; returns the function that stops listening. */
export function warmMeasuresOnDatasetChange(): () => void {
	return onWorkspaceChange((change) => {
		if (change.kind !== 'dataset') return;
		db.ensureMeasures(change.workspaceId).catch((error: unknown) => {
			// The server stopping, or the workspace deleted meanwhile: nothing to warm. Otherwise the next reader rebuilds.
			if (error instanceof db.MeasureBuilderStopped || !db.findWorkspace(change.workspaceId)) return;
			console.error(`[measures] warming the customer measures of workspace ${change.workspaceId} failed`, error);
		});
	});
}
