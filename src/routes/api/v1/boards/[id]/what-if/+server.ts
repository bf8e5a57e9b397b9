import { whatIfQuerySchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { analysisJson, api } from '$lib/server/http/api';
import { whatIfJson } from '$lib/server/http/json';
import { dayRange } from '$lib/server/http/request';
import { parseInput } from '$lib/server/http/validation';
import { boardWhatIf } from '$lib/server/insights';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params, url }) => {
	const user = requireUser(locals.user);
	const query = parseInput(whatIfQuerySchema, Object.fromEntries(url.searchParams));
	const { groupId, personaId, channel, from, to, withinDays, minimumRespondents, cardId, lever, horizonDays } = query;
	// The schema makes sure one of them is there; `dropOffPoints` is the drop-off lever's first name.
	const points = query.points ?? query.dropOffPoints!;
	const answer = await boardWhatIf(user, params.id, {
		groupId,
		personaId,
		channel,
		...dayRange(from, to),
		withinDays,
		minimumRespondents,
		cardId,
		lever,
		points,
		horizonDays: horizonDays ?? null
	});
	return analysisJson(answer, ({ report, ...estimate }) => whatIfJson(cardId, points, estimate, report));
});
