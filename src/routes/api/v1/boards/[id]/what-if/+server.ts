import { whatIfQuerySchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { analysisJson, api } from '$lib/server/http/api';
import { dayRange } from '$lib/server/http/request';
import { parseInput } from '$lib/server/http/validation';
import { boardWhatIf } from '$lib/server/insights';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params, url }) => {
	const user = requireUser(locals.user);
	const { groupId, personaId, channel, from, to, withinDays, minimumRespondents, cardId, dropOffPoints } = parseInput(whatIfQuerySchema, Object.fromEntries(url.searchParams));
	const answer = await boardWhatIf(user, params.id, {
		groupId,
		personaId,
		channel,
		...dayRange(from, to),
		withinDays,
		minimumRespondents,
		cardId,
		dropOffPoints
	});
	return analysisJson(answer, ({ report: _report, explanation, ...estimate }) => ({
		status: 'done' as const,
		cardId,
		dropOffPoints,
		...estimate,
		explanation: {
			currentDropOff: explanation.currentDropOff,
			newDropOff: explanation.newDropOff,
			pointsApplied: explanation.pointsApplied,
			capped: explanation.capped,
			reason: explanation.reason,
			revenuePerFinalConversion: explanation.revenuePerFinalConversion,
			clvPerFinalConversion: explanation.clvPerFinalConversion,
			flow: explanation.flow.map(({ stageIndex, extraCustomers, conversion }) => ({ stage: stageIndex, extraCustomers, conversion }))
		}
	}));
});
