import { boardMetricsQuerySchema } from '$lib/schemas';
import { dataUnderWayForBoard } from '$lib/server/arrivals';
import { requireUser } from '$lib/server/auth';
import { analysisJson, api } from '$lib/server/http/api';
import { boardMetricsJson } from '$lib/server/http/json';
import { dayRange } from '$lib/server/http/request';
import { parseInput } from '$lib/server/http/validation';
import { boardMetrics } from '$lib/server/insights';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params, url }) => {
	const user = requireUser(locals.user);
	const { groupId, personaId, channel, from, to, withinDays, minimumRespondents } = parseInput(boardMetricsQuerySchema, Object.fromEntries(url.searchParams));
	const answer = await boardMetrics(user, params.id, { groupId, personaId, channel, ...dayRange(from, to), withinDays, minimumRespondents });
	// Figures over data that is still coming in are incomplete: the answer says so beside them.
	return analysisJson(answer, (report) =>
		boardMetricsJson(report, answer.groups, answer.eventTypeLabels, dataUnderWayForBoard(user, params.id))
	);
});
