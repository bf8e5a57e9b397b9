import { json } from '@sveltejs/kit';
import { tokenCreateSchema } from '$lib/schemas';
import { createApiToken, listApiTokens, requireUser } from '$lib/server/auth';
import { api, pageJson, readJson, readPageQuery } from '$lib/server/http/api';
import { apiTokenJson, createdApiTokenJson } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, url }) => {
	const user = requireUser(locals.user);
	return pageJson(listApiTokens(user.id, readPageQuery(url)), apiTokenJson);
});

export const POST: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const { name } = await readJson(event, tokenCreateSchema);
	return json(createdApiTokenJson(createApiToken(user.id, name)), { status: 201 });
});
