import { insightsQuerySchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { analysisJson, api } from '$lib/server/http/api';
import { aimsJson } from '$lib/server/http/insights-aims-json';
import { parseInput } from '$lib/server/http/validation';
import { aimsSection } from '$lib/server/insights';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params, url }) => {
	const user = requireUser(locals.user);
	const input = parseInput(insightsQuerySchema, Object.fromEntries(url.searchParams));
	return analysisJson(await aimsSection(user, params.id, input), aimsJson);
});
