import { cohortMatrix, overlapsPeriod, pooledSurvival, type CohortMatrix, type SeriesPeriod, type SurvivalPoint } from '$lib/domain/insights/loyalty';
import type { DayPeriod } from '$lib/domain/insights/period';
import type { LoyaltyReport } from './loyalty';
import type { RetentionReport } from './retention';
import type { SatisfactionCut, SatisfactionReport } from './satisfaction';

/*
 * "How loyal and satisfied are our customers?" composed from the satisfaction, loyalty and
 * retention reports (the same cached computations, in steps, as /analytics/…), so that every
 * figure here is the one the API gives for the same cut. Those reports cover all of the cut's
 * data and ignore the entry channel; only the series is cut to the insights period.
 */

/** Periods since acquisition the heatmap shows. */
const MAX_COHORT_COLUMNS = 12;

export interface LoyaltySectionReport {
	period: DayPeriod;
	seriesPeriod: SeriesPeriod;
	channel: string | null;
	minimumRespondents: number;
	loyalty: LoyaltyReport;
	satisfaction: Omit<SatisfactionReport, 'overTime'>;
	/** NPS, CSAT and CES per calendar period with a day in the insights period. */
	series: SatisfactionCut[];
	cohortMatrix: CohortMatrix;
	/** Null when the data cannot carry a retention model at all: `retentionProblem` says why. */
	retention: RetentionReport | null;
	retentionProblem: string | null;
	/** Observed survival pooled over the retention cohorts, to draw the fit against. */
	observedSurvival: SurvivalPoint[];
}

export function composeLoyaltySection(parts: {
	period: DayPeriod;
	seriesPeriod: SeriesPeriod;
	channel: string | null;
	minimumRespondents: number;
	loyalty: LoyaltyReport;
	satisfaction: SatisfactionReport;
	retention: RetentionReport | { problem: string };
}): LoyaltySectionReport {
	const { overTime, ...satisfaction } = parts.satisfaction;
	const retention = 'problem' in parts.retention ? null : parts.retention;
	return {
		period: parts.period,
		seriesPeriod: parts.seriesPeriod,
		channel: parts.channel,
		minimumRespondents: parts.minimumRespondents,
		loyalty: parts.loyalty,
		satisfaction,
		series: overTime.filter((cut) => overlapsPeriod(cut.key, parts.seriesPeriod, parts.period)),
		cohortMatrix: cohortMatrix(parts.loyalty.cohorts, { minimum: parts.minimumRespondents, maxColumns: MAX_COHORT_COLUMNS }),
		retention,
		retentionProblem: 'problem' in parts.retention ? parts.retention.problem : null,
		observedSurvival: retention ? pooledSurvival(retention.cohorts, retention.survival ? retention.survival.length - 1 : MAX_COHORT_COLUMNS) : []
	};
}
