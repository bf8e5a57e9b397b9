import { json } from '@sveltejs/kit';
import { versionCreateSchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { boardVersions } from '$lib/server/collab';
import { api, pageJson, readJson, readPageQuery } from '$lib/server/http/api';
import { versionJson } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params, url }) => {
	const user = requireUser(locals.user);
	return pageJson(boardVersions().list(user, params.id, readPageQuery(url)), versionJson);
});

export const POST: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const input = await readJson(event, versionCreateSchema);
	return json(versionJson(boardVersions().create(user, event.params.id, input.label || null)), { status: 201 });
});
