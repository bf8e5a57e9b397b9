/**
 * A what-if is counted over the period the funnel was measured in. Over another horizon (e.g. the
 * next 90 days) it assumes customers keep arriving at the step at the same pace: the counts and
 * values scale by horizon / period. Days are calendar days covered by the data, both ends
 * included, so events on the 1st and the 3rd are a period of 3 days.
 */
import type { WhatIfResult } from './what-if';

const DAY_MS = 86_400_000;

/**
 * Days the funnel looked at: the asked window clipped to the first and last event of the data.
 * Null when the window holds no events.
 */
export function measuredPeriodDays(firstEventAt: number | null, lastEventAt: number | null, from: number | null, to: number | null): number | null {
	if (firstEventAt === null || lastEventAt === null) return null;
	const start = Math.max(firstEventAt, from ?? -Infinity);
	const end = Math.min(lastEventAt, to ?? Infinity);
	if (end < start) return null;
	return Math.floor(end / DAY_MS) - Math.floor(start / DAY_MS) + 1;
}

export interface Horizon {
	periodDays: number | null;
	horizonDays: number | null;
	/** What the period's figures were multiplied by: horizonDays / periodDays, or 1 without a horizon. */
	factor: number;
}

/** Scales a what-if from its measured period to `horizonDays` (null: leave it over the period). */
export function overHorizon<R extends WhatIfResult>(result: R, periodDays: number | null, horizonDays: number | null): R & { horizon: Horizon } {
	if (horizonDays !== null && !(Number.isFinite(horizonDays) && horizonDays > 0)) throw new RangeError(`horizonDays must be a positive number, got ${horizonDays}`);
	const factor = horizonDays === null ? 1 : periodDays === null || periodDays <= 0 ? 0 : horizonDays / periodDays;
	return {
		...result,
		extraReachedNext: result.extraReachedNext * factor,
		extraFinalConversions: result.extraFinalConversions * factor,
		extraRevenue: result.extraRevenue * factor,
		extraClv: result.extraClv * factor,
		explanation: { ...result.explanation, flow: result.explanation.flow.map((f) => ({ ...f, extraCustomers: f.extraCustomers * factor })) },
		horizon: { periodDays, horizonDays, factor }
	};
}
