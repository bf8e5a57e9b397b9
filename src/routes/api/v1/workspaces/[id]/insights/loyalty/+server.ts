import { insightsQuerySchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { analysisJson, api } from '$lib/server/http/api';
import { loyaltySectionJson } from '$lib/server/http/insights-loyalty-json';
import { parseInput } from '$lib/server/http/validation';
import { loyaltySection } from '$lib/server/insights';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params, url }) => {
	const user = requireUser(locals.user);
	const input = parseInput(insightsQuerySchema, Object.fromEntries(url.searchParams));
	return analysisJson(await loyaltySection(user, params.id, input), loyaltySectionJson);
});
