/**
 * Satisfaction figures from survey answers:
 * - CSAT: share of answers 4 or 5 on a 1–5 scale, in percent;
 * - CES (customer effort score): mean answer on a 1–7 scale (7 = very easy, as in the survey data).
 * Each comes with its n and a lowN flag. Use byGroup (respondents.ts) or the *ByGroup helpers to
 * cut per channel, journey step or period.
 */
import { byGroup, checkScores, isLowN, type Grouped, type RespondentOptions } from './respondents';

export interface CsatResult {
	/** Percentage of satisfied answers (4–5), 0–100; NaN without answers. */
	csat: number;
	n: number;
	satisfied: number;
	lowN: boolean;
}

export interface CesResult {
	/** Mean effort score on 1–7; NaN without answers. */
	ces: number;
	n: number;
	lowN: boolean;
}

export function csat(scores: readonly number[], options: RespondentOptions = {}): CsatResult {
	checkScores(scores, 1, 5, 'CSAT');
	const satisfied = scores.filter((s) => s >= 4).length;
	const n = scores.length;
	return { csat: n > 0 ? (100 * satisfied) / n : NaN, n, satisfied, lowN: isLowN(n, options) };
}

export function ces(scores: readonly number[], options: RespondentOptions = {}): CesResult {
	checkScores(scores, 1, 7, 'CES');
	const n = scores.length;
	const sum = scores.reduce((total, s) => total + s, 0);
	return { ces: n > 0 ? sum / n : NaN, n, lowN: isLowN(n, options) };
}

/** A survey answer with whatever it can be cut by. */
export interface ScoredResponse {
	score: number;
}

export function csatByGroup<R extends ScoredResponse>(responses: readonly R[], keyOf: (r: R) => string, options: RespondentOptions = {}): Grouped<CsatResult>[] {
	return byGroup(responses, keyOf, (rows) => csat(rows.map((r) => r.score), options));
}

export function cesByGroup<R extends ScoredResponse>(responses: readonly R[], keyOf: (r: R) => string, options: RespondentOptions = {}): Grouped<CesResult>[] {
	return byGroup(responses, keyOf, (rows) => ces(rows.map((r) => r.score), options));
}
