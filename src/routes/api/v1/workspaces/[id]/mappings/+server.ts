import { json } from '@sveltejs/kit';
import { mappingCreateSchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { api, readJson } from '$lib/server/http/api';
import { columnMappingJson } from '$lib/server/http/json';
import { listMappings, saveMapping } from '$lib/server/imports';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params }) =>
	json({ items: listMappings(locals.user, params.id).map(columnMappingJson) })
);

export const POST: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const input = await readJson(event, mappingCreateSchema);
	return json(columnMappingJson(saveMapping(user, event.params.id, input)), { status: 201 });
});
