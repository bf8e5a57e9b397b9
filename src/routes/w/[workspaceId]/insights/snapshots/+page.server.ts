import { snapshotRenameSchema } from '$lib/schemas';
import { cutChoices } from '$lib/server/groups';
import { loadPage, runForm } from '$lib/server/http/forms';
import { insightsSnapshotSummaryJson } from '$lib/server/http/insights-snapshots-json';
import { parseInput } from '$lib/server/http/validation';
import { deleteSnapshot, listSnapshots, renameSnapshot } from '$lib/server/snapshots';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, () => {
		const { locals, params, url } = event;
		const page = listSnapshots(locals.user, params.workspaceId, { limit: 100, cursor: url.searchParams.get('cursor') });
		return { snapshots: page.items.map(insightsSnapshotSummaryJson), nextCursor: page.nextCursor, groups: cutChoices(locals.user, params.workspaceId) };
	});

export const actions: Actions = {
	rename: (event) =>
		runForm(event, 'rename', (fields) => {
			const { name } = parseInput(snapshotRenameSchema, { name: fields.name ?? '' });
			renameSnapshot(event.locals.user, event.params.workspaceId, fields.snapshotId ?? '', name);
			return { snapshotId: fields.snapshotId };
		}),
	delete: (event) =>
		runForm(event, 'delete', (fields) => {
			deleteSnapshot(event.locals.user, event.params.workspaceId, fields.snapshotId ?? '');
		})
};
