import { json } from '@sveltejs/kit';
import { groupCreateSchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { api, readJson } from '$lib/server/http/api';
import { groupJson } from '$lib/server/http/json';
import { createGroup, listGroups } from '$lib/server/groups';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) =>
	json({ items: (await listGroups(locals.user, params.id)).map(groupJson) })
);

export const POST: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const input = await readJson(event, groupCreateSchema);
	const created = await createGroup(user, event.params.id, input);
	return json(groupJson(created), { status: 201, headers: { location: `/api/v1/groups/${created.group.id}` } });
});
