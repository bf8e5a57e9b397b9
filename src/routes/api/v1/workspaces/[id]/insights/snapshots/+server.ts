import { json } from '@sveltejs/kit';
import { snapshotCreateSchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { api, pageJson, readJson, readPageQuery } from '$lib/server/http/api';
import { insightsSnapshotJson, insightsSnapshotSummaryJson } from '$lib/server/http/insights-snapshots-json';
import { listSnapshots, saveSnapshot } from '$lib/server/snapshots';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params, url }) => pageJson(listSnapshots(locals.user, params.id, readPageQuery(url)), insightsSnapshotSummaryJson));

export const POST: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const input = await readJson(event, snapshotCreateSchema);
	const saved = await saveSnapshot(user, event.params.id, input);
	return json(insightsSnapshotJson(saved), { status: 201, headers: { location: `/api/v1/workspaces/${event.params.id}/insights/snapshots/${saved.id}` } });
});
