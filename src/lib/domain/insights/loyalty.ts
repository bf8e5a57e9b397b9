import { periodDays, type DayPeriod } from './period';

/*
 * Pure pieces of the "loyalty and satisfaction" insights section: which calendar period the
 * series use, which of a report's periods fall in the insights period, the cohort retention
 * matrix of the heatmap, and the observed survival the sBG curve is drawn against.
 */

export type SeriesPeriod = 'month' | 'quarter';

/** Up to about a year and a half per month (enough points, each with some n), longer per quarter. */
const MONTHLY_UP_TO_DAYS = 550;

export const seriesPeriodOf = (period: DayPeriod): SeriesPeriod => (periodDays(period) <= MONTHLY_UP_TO_DAYS ? 'month' : 'quarter');

const monthIndex = (isoDay: string) => Number(isoDay.slice(0, 4)) * 12 + Number(isoDay.slice(5, 7)) - 1;

/** The month index of a label "2025-03" or the first month of "2025-Q2"; null for anything else. */
function firstMonthOf(label: string, seriesPeriod: SeriesPeriod): number | null {
	const match = seriesPeriod === 'month' ? /^(\d{4})-(\d{2})$/.exec(label) : /^(\d{4})-Q([1-4])$/.exec(label);
	if (!match) return null;
	const year = Number(match[1]);
	return seriesPeriod === 'month' ? year * 12 + Number(match[2]) - 1 : year * 12 + (Number(match[2]) - 1) * 3;
}

/** Whether the calendar period labelled `label` has a day in `period`. */
export function overlapsPeriod(label: string, seriesPeriod: SeriesPeriod, period: DayPeriod): boolean {
	const first = firstMonthOf(label, seriesPeriod);
	if (first === null) return false;
	const last = first + (seriesPeriod === 'month' ? 0 : 2);
	return last >= monthIndex(period.from) && first <= monthIndex(period.to);
}

export interface CohortCounts {
	cohort: string;
	size: number;
	/** active[k]: of the cohort, customers buying k periods after acquisition (active[0] = size). */
	active: readonly number[];
}

export interface CohortMatrixRow {
	cohort: string;
	size: number;
	lowN: boolean;
	/** retention[k] = active[k] / size, for k = 0 … columns − 1; null where the cohort was not observed that long. */
	retention: (number | null)[];
}

export interface CohortMatrix {
	/** Periods since acquisition: 0 … columns − 1. */
	columns: number;
	rows: CohortMatrixRow[];
}

/** Acquisition cohort × periods since acquisition, at most `maxColumns` wide; cohorts under `minimum` customers are marked lowN. */
export function cohortMatrix(cohorts: readonly CohortCounts[], options: { minimum: number; maxColumns: number }): CohortMatrix {
	const columns = Math.min(options.maxColumns, Math.max(0, ...cohorts.map((c) => c.active.length)));
	return {
		columns,
		rows: cohorts.map((c) => ({
			cohort: c.cohort,
			size: c.size,
			lowN: c.size < options.minimum,
			retention: Array.from({ length: columns }, (_, k) => (k < c.active.length && c.size > 0 ? c.active[k]! / c.size : null))
		}))
	};
}

export interface ObservedCohort {
	initial: number;
	/** alive[i]: still active after i + 1 periods. */
	alive: readonly number[];
}

export interface SurvivalPoint {
	/** Periods since acquisition. */
	t: number;
	survival: number;
	/** Customers of the cohorts observed that long: the n of the point. */
	n: number;
}

/**
 * Observed survival pooled over the cohorts: at t, the share still active of the customers in
 * cohorts observed for at least t periods (t = 0 is 1 by definition).
 */
export function pooledSurvival(cohorts: readonly ObservedCohort[], periods: number): SurvivalPoint[] {
	const points: SurvivalPoint[] = [];
	const everyone = cohorts.reduce((sum, c) => sum + c.initial, 0);
	if (everyone === 0) return points;
	points.push({ t: 0, survival: 1, n: everyone });
	for (let t = 1; t <= periods; t++) {
		let alive = 0;
		let n = 0;
		for (const c of cohorts) {
			if (c.alive.length < t) continue;
			alive += c.alive[t - 1]!;
			n += c.initial;
		}
		if (n === 0) break;
		points.push({ t, survival: alive / n, n });
	}
	return points;
}
