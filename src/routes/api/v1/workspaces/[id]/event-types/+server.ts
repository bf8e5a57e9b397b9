import { json } from '@sveltejs/kit';
import { eventTypeLabelsSaveSchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { saveEventTypeLabels } from '$lib/server/event-types';
import { api, readJson } from '$lib/server/http/api';
import { workspaceEventTypes } from '$lib/server/insights';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) => json({ items: await workspaceEventTypes(requireUser(locals.user), params.id) }));

export const PATCH: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const { labels } = await readJson(event, eventTypeLabelsSaveSchema);
	saveEventTypeLabels(user, event.params.id, labels);
	return json({ items: await workspaceEventTypes(user, event.params.id) });
});
