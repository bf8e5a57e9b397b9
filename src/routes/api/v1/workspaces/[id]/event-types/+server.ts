import { json } from '@sveltejs/kit';
import { eventTypeLabelsSaveSchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { saveEventTypeLabels, workspaceEventTypes } from '$lib/server/event-types';
import { api, readJson } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params }) => json({ items: workspaceEventTypes(requireUser(locals.user), params.id) }));

export const PATCH: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const { labels } = await readJson(event, eventTypeLabelsSaveSchema);
	return json({ items: saveEventTypeLabels(user, event.params.id, labels) });
});
