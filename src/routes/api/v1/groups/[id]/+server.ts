import { json } from '@sveltejs/kit';
import { groupUpdateSchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { api, readJson } from '$lib/server/http/api';
import { groupJson, noContent } from '$lib/server/http/json';
import { deleteGroup, getGroup, updateGroup } from '$lib/server/groups';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) => json(groupJson(await getGroup(locals.user, params.id))));

export const PATCH: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const changes = await readJson(event, groupUpdateSchema);
	return json(groupJson(await updateGroup(user, event.params.id, changes)));
});

export const DELETE: RequestHandler = api(({ locals, params }) => {
	deleteGroup(locals.user, params.id);
	return noContent();
});
