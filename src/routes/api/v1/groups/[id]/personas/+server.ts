import { json } from '@sveltejs/kit';
import { personaCreateSchema, personaListQuerySchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { api, readJson } from '$lib/server/http/api';
import { groupPersonasJson, personaJson } from '$lib/server/http/json';
import { parseInput } from '$lib/server/http/validation';
import { createPersona, groupPersonas } from '$lib/server/personas';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params, url }) => {
	const { archived } = parseInput(personaListQuerySchema, Object.fromEntries(url.searchParams));
	return json(groupPersonasJson(await groupPersonas(locals.user, params.id, { archived })));
});

export const POST: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const input = await readJson(event, personaCreateSchema);
	const created = createPersona(user, event.params.id, input);
	return json(personaJson(created), { status: 201, headers: { location: `/api/v1/personas/${created.id}` } });
});
