import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth';
import { api, pageJson, readPageQuery } from '$lib/server/http/api';
import { importJson } from '$lib/server/http/json';
import { listImports, startImport } from '$lib/server/imports';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params, url }) => {
	const user = requireUser(locals.user);
	// The history leaves each import's row errors out; `GET /api/v1/imports/{id}` has them.
	return pageJson(listImports(user, params.id, readPageQuery(url)), (row) => importJson(row, { withErrors: false }));
});

export const POST: RequestHandler = api(async ({ locals, params, request }) => {
	const started = await startImport(locals.user, params.id, request);
	return json(importJson(started), { status: 202, headers: { location: `/api/v1/imports/${started.id}` } });
});
