import { json } from '@sveltejs/kit';
import { assumptionQuerySchema, assumptionSaveSchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { api, readJson } from '$lib/server/http/api';
import { valueAssumptionJson } from '$lib/server/http/json';
import { parseInput } from '$lib/server/http/validation';
import { setValueAssumption, valueAssumption } from '$lib/server/insights';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params, url }) => {
	const { groupId } = parseInput(assumptionQuerySchema, Object.fromEntries(url.searchParams));
	return json(valueAssumptionJson(await valueAssumption(requireUser(locals.user), params.id, groupId)));
});

export const PUT: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const input = await readJson(event, assumptionSaveSchema);
	return json(valueAssumptionJson(await setValueAssumption(user, event.params.id, input)));
});
