import { WORKSPACE_DATA_DEPENDENCY } from '$lib/client/workspace-changes';
import { notFound } from '$lib/server/errors';
import { cutChoices } from '$lib/server/groups';
import { loadPage } from '$lib/server/http/forms';
import { insightsSnapshotSummaryJson } from '$lib/server/http/insights-snapshots-json';
import { compareSnapshots, listSnapshots, type ComparedSide } from '$lib/server/snapshots';
import type { PageServerLoad } from './$types';

/** A side of the comparison without its stored figures (the page shows their differences). */
const sideOf = (side: ComparedSide) =>
	side.kind === 'current'
		? { kind: 'current' as const, filters: side.filters, datasetVersion: side.datasetVersion, withheld: side.withheld }
		: { kind: 'snapshot' as const, ...insightsSnapshotSummaryJson(side), withheld: side.withheld };

export const load: PageServerLoad = (event) =>
	loadPage(event, async () => {
		// A new import changes "today": the comparison follows it.
		event.depends(WORKSPACE_DATA_DEPENDENCY);
		const { locals, params, url } = event;
		const a = url.searchParams.get('a') ?? '';
		const b = url.searchParams.get('b') || 'current';
		if (!a) throw notFound('Snapshot');
		const comparison = await compareSnapshots(locals.user, params.workspaceId, a, b);
		return {
			a: sideOf(comparison.a),
			b: sideOf(comparison.b),
			sections: comparison.sections,
			running: comparison.running,
			cutGone: comparison.cutGone,
			snapshots: listSnapshots(locals.user, params.workspaceId, { limit: 100 }).items.map(insightsSnapshotSummaryJson),
			groups: cutChoices(locals.user, params.workspaceId)
		};
	});
