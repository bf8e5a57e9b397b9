import { cutChoices } from '$lib/server/groups';
import { loadPage } from '$lib/server/http/forms';
import type { InsightsSectionsJson } from '$lib/server/http/insights-sections';
import { insightsSnapshotSummaryJson } from '$lib/server/http/insights-snapshots-json';
import { getSnapshot } from '$lib/server/snapshots';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, () => {
		const { locals, params } = event;
		const snapshot = getSnapshot(locals.user, params.workspaceId, params.snapshotId);
		return {
			snapshot: insightsSnapshotSummaryJson(snapshot),
			// Stored as the section endpoints answered when it was saved.
			sections: snapshot.sections as InsightsSectionsJson,
			withheld: snapshot.withheld,
			groups: cutChoices(locals.user, params.workspaceId)
		};
	});
