import { json } from '@sveltejs/kit';
import { profileSchema } from '$lib/schemas';
import { requireUser, updateProfile } from '$lib/server/auth';
import { api, readJson } from '$lib/server/http/api';
import { userJson } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals }) => {
	return json({ user: userJson(requireUser(locals.user)) });
});

export const PATCH: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const changes = await readJson(event, profileSchema);
	return json({ user: userJson(updateProfile(user, changes)) });
});
