import {
	ces,
	cesByGroup,
	csat,
	csatByGroup,
	nps,
	npsByGroup,
	periodLabel,
	periodIndex,
	type CalendarPeriod,
	type CesResult,
	type CsatResult,
	type Grouped,
	type NpsResult
} from '../analytics';
import * as db from '../db';

/*
 * Satisfaction of a workspace or group: CSAT (% of 4–5 on 1–5), CES (mean on 1–7) and NPS,
 * overall, per channel, per journey step (the event type an answer is tagged with) and per
 * calendar period. Every figure has its n; below the minimum number of respondents it is flagged.
 */

export interface SatisfactionQuery {
	period: CalendarPeriod;
	minimumRespondents: number;
}

export interface SatisfactionCut {
	key: string;
	csat: CsatResult;
	ces: CesResult;
	nps: NpsResult;
}

export interface SatisfactionReport {
	period: CalendarPeriod;
	minimumRespondents: number;
	overall: Omit<SatisfactionCut, 'key'>;
	byChannel: SatisfactionCut[];
	byStep: SatisfactionCut[];
	overTime: SatisfactionCut[];
}

type Answer = db.SurveyRow;

export function computeSatisfaction(workspaceId: string, filter: db.RuleFilter | null, query: SatisfactionQuery): SatisfactionReport {
	const options = { minimumRespondents: query.minimumRespondents };
	const answers = db.surveyRows(workspaceId, filter);
	const of = (kind: Answer['kind']) => answers.filter((a) => a.kind === kind);
	const [csatAnswers, cesAnswers, npsAnswers] = [of('csat'), of('ces'), of('nps')];

	function cut(keyOf: (a: Answer) => string): SatisfactionCut[] {
		const figures = new Map<string, Partial<SatisfactionCut>>();
		const put = <K extends 'csat' | 'ces' | 'nps'>(grouped: Grouped<SatisfactionCut[K]>[], kind: K) => {
			for (const { key, result } of grouped) figures.set(key, { ...figures.get(key), [kind]: result });
		};
		put(csatByGroup(csatAnswers, keyOf, options), 'csat');
		put(cesByGroup(cesAnswers, keyOf, options), 'ces');
		put(npsByGroup(npsAnswers, keyOf, options), 'nps');
		return [...figures.keys()].sort().map((key) => {
			const found = figures.get(key)!;
			return {
				key,
				csat: found.csat ?? csat([], options),
				ces: found.ces ?? ces([], options),
				nps: found.nps ?? nps([], options)
			};
		});
	}

	return {
		period: query.period,
		minimumRespondents: query.minimumRespondents,
		overall: {
			csat: csat(csatAnswers.map((a) => a.score), options),
			ces: ces(cesAnswers.map((a) => a.score), options),
			nps: nps(npsAnswers.map((a) => a.score), options)
		},
		byChannel: cut((a) => a.channel ?? ''),
		byStep: cut((a) => a.eventType ?? ''),
		overTime: cut((a) => periodLabel(periodIndex(a.occurredAt, query.period), query.period))
	};
}
