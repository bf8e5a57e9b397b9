/**
 * Asking the server a what-if on a measured step (`GET /api/v1/boards/:id/what-if`): used by the
 * what-if panel and by the opportunity estimates that refresh with the board's figures.
 */
import type { OpportunityEstimate, WhatIfLever } from '$lib/domain/board';
import { formatNumber, type Locale } from '$lib/domain/format';
import { t } from './i18n';

/** What an opportunity card keeps of a what-if, without the figures it last got. */
export type WhatIfQuestion = Omit<OpportunityEstimate, 'snapshot'>;

interface RespondentSide {
	n: number;
	converted: number;
	conversion: number | null;
}

export interface WhatIfAnswer {
	lever: WhatIfLever;
	points: number;
	dropOffPoints: number;
	horizonDays: number | null;
	periodDays: number | null;
	computedAt: string;
	datasetVersion: number;
	extraReachedNext: number;
	extraFinalConversions: number;
	extraRevenue: number;
	extraClv: number;
	explanation: {
		currentDropOff: number | null;
		newDropOff: number | null;
		pointsApplied: number;
		capped: boolean;
		reason: 'ok' | 'last-stage' | 'not-reached' | 'downstream-not-reached';
		horizonFactor: number;
		csat: {
			satisfied: RespondentSide;
			unsatisfied: RespondentSide;
			currentCsat: number | null;
			newCsat: number | null;
			pointsApplied: number;
			capped: boolean;
			lift: number | null;
			minimumRespondents: number;
			lowN: boolean;
			taggedAnswers: { csat: number; ces: number; nps: number } | null;
			reason: 'ok' | 'last-stage' | 'not-reached' | 'no-csat-answers' | 'no-respondents' | 'too-few-respondents' | 'satisfied-not-better';
		} | null;
	};
}

/**
 * Why CSAT is no lever at a step without CSAT answers, naming what is there instead: the demo's
 * checkout has CES answers, which measure effort, not satisfaction.
 */
export function csatUnavailableText(others: { ces: number; nps: number }, locale: Locale): string {
	const answers = (['ces', 'nps'] as const)
		.filter((measure) => others[measure] > 0)
		.map((measure) => t('canvas_whatif_measure_answers', { n: formatNumber(others[measure], locale, 0), measure: measure.toUpperCase() }));
	if (answers.length === 0) return t('canvas_whatif_csat_unavailable');
	return t('canvas_whatif_csat_unavailable_others', { answers: answers.join(` ${t('canvas_whatif_and')} `) });
}

/** One key per distinct question, to share answers between cards asking the same. */
export const questionKey = (q: WhatIfQuestion) => JSON.stringify([q.stepCardId, q.lever, q.points, q.horizonDays, q.groupId, q.personaId, q.channel]);

/**
 * The answer, 'gone' when the step is no longer measured (404), or null when the server could
 * not answer (it is still computing after half a minute, or failed).
 */
export async function askWhatIf(boardId: string, q: WhatIfQuestion): Promise<WhatIfAnswer | 'gone' | null> {
	const query = new URLSearchParams({ cardId: q.stepCardId, lever: q.lever, points: String(q.points), horizonDays: String(q.horizonDays) });
	if (q.groupId) query.set('groupId', q.groupId);
	if (q.personaId) query.set('personaId', q.personaId);
	if (q.channel) query.set('channel', q.channel);
	for (let attempt = 0; attempt < 30; attempt++) {
		const response = await fetch(`/api/v1/boards/${boardId}/what-if?${query}`);
		if (response.status === 202) {
			await new Promise((resolve) => setTimeout(resolve, 1000));
			continue;
		}
		if (response.status === 404) return 'gone';
		return response.ok ? ((await response.json()) as WhatIfAnswer) : null;
	}
	return null;
}
