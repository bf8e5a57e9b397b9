import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/api';
import { importJson } from '$lib/server/http/json';
import { startImport } from '$lib/server/imports';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async ({ locals, params, request }) => {
	const started = await startImport(locals.user, params.id, request);
	return json(importJson(started), { status: 202, headers: { location: `/api/v1/imports/${started.id}` } });
});
