import { json } from '@sveltejs/kit';
import { memberUpdateSchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { api, readJson } from '$lib/server/http/api';
import { memberJson, noContent } from '$lib/server/http/json';
import { changeRole, removeMember } from '$lib/server/workspaces';
import type { RequestHandler } from './$types';

export const PATCH: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const { role } = await readJson(event, memberUpdateSchema);
	return json({ member: memberJson(changeRole(user, event.params.id, event.params.userId, role)) });
});

/** Removing yourself is leaving the workspace. */
export const DELETE: RequestHandler = api(({ locals, params }) => {
	removeMember(locals.user, params.id, params.userId);
	return noContent();
});
