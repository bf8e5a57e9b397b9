import { requireUser } from '$lib/server/auth';
import { analysisJson, api } from '$lib/server/http/api';
import { portfolioJson } from '$lib/server/http/insights-portfolio-json';
import { opportunities } from '$lib/server/insights';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) => {
	const user = requireUser(locals.user);
	return analysisJson(await opportunities(user, params.id), portfolioJson);
});
