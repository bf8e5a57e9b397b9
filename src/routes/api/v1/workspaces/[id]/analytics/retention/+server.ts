import { retentionQuerySchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { analysisJson, api } from '$lib/server/http/api';
import { retentionReportJson } from '$lib/server/http/json';
import { parseInput } from '$lib/server/http/validation';
import { retention } from '$lib/server/insights';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params, url }) => {
	const user = requireUser(locals.user);
	const { groupId, personaId, ...query } = parseInput(retentionQuerySchema, Object.fromEntries(url.searchParams));
	return analysisJson(await retention(user, params.id, { groupId, personaId }, query), retentionReportJson);
});
