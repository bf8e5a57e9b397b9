import { clvQuerySchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { analysisJson, api } from '$lib/server/http/api';
import { clvReportJson } from '$lib/server/http/json';
import { parseInput } from '$lib/server/http/validation';
import { customerValue } from '$lib/server/insights';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params, url }) => {
	const user = requireUser(locals.user);
	const { limit, cursor, ...input } = parseInput(clvQuerySchema, Object.fromEntries(url.searchParams));
	const answer = await customerValue(user, params.id, input);
	return analysisJson(answer, (report) => clvReportJson(report, answer.mayListCustomers ? { limit, cursor } : null));
});
