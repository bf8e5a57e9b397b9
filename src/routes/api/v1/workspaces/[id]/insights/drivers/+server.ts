import { insightsDriversQuerySchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { analysisJson, api } from '$lib/server/http/api';
import { driversJson } from '$lib/server/http/insights-drivers-json';
import { parseInput } from '$lib/server/http/validation';
import { dropOffDrivers } from '$lib/server/insights';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params, url }) => {
	const user = requireUser(locals.user);
	const input = parseInput(insightsDriversQuerySchema, Object.fromEntries(url.searchParams));
	return analysisJson(await dropOffDrivers(user, params.id, input), driversJson);
});
