import { json } from '@sveltejs/kit';
import { snapshotRenameSchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { api, readJson } from '$lib/server/http/api';
import { insightsSnapshotJson } from '$lib/server/http/insights-snapshots-json';
import { noContent } from '$lib/server/http/json';
import { deleteSnapshot, getSnapshot, renameSnapshot } from '$lib/server/snapshots';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params }) => json(insightsSnapshotJson(getSnapshot(locals.user, params.id, params.snapshotId))));

export const PATCH: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const { name } = await readJson(event, snapshotRenameSchema);
	return json(insightsSnapshotJson(renameSnapshot(user, event.params.id, event.params.snapshotId, name)));
});

export const DELETE: RequestHandler = api(({ locals, params }) => {
	deleteSnapshot(locals.user, params.id, params.snapshotId);
	return noContent();
});
