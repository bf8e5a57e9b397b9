import { loyaltyQuerySchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { analysisJson, api } from '$lib/server/http/api';
import { loyaltyReportJson } from '$lib/server/http/json';
import { parseInput } from '$lib/server/http/validation';
import { loyalty } from '$lib/server/insights';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params, url }) => {
	const user = requireUser(locals.user);
	const { groupId, personaId, ...query } = parseInput(loyaltyQuerySchema, Object.fromEntries(url.searchParams));
	return analysisJson(await loyalty(user, params.id, { groupId, personaId }, query), loyaltyReportJson);
});
