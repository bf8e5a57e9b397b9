import { json } from '@sveltejs/kit';
import { personaUpdateSchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { api, readJson } from '$lib/server/http/api';
import { noContent, personaDetailJson, personaJson } from '$lib/server/http/json';
import { deletePersona, getPersona, updatePersona } from '$lib/server/personas';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params }) => json(personaDetailJson(getPersona(locals.user, params.id))));

export const PATCH: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const changes = await readJson(event, personaUpdateSchema);
	return json(personaJson(updatePersona(user, event.params.id, changes)));
});

export const DELETE: RequestHandler = api(({ locals, params }) => {
	deletePersona(locals.user, params.id);
	return noContent();
});
