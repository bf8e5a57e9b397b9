/*
 * The period an insights view covers and the one it is compared with: the same number of days
 * straight before it. Days are UTC calendar days written YYYY-MM-DD, `to` included.
 */

const DAY_MS = 86_400_000;

export interface DayPeriod {
	from: string;
	to: string;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const start = (isoDay: string) => Date.parse(`${isoDay}T00:00:00Z`);

/** Days in a period, both ends counted. */
export const periodDays = (period: DayPeriod): number => Math.round((start(period.to) - start(period.from)) / DAY_MS) + 1;

/** The last `days` days up to the day of `lastDataAt` (the latest data), that day included. */
export function defaultPeriod(lastDataAt: number, days = 90): DayPeriod {
	const to = day(lastDataAt);
	return { from: day(start(to) - (days - 1) * DAY_MS), to };
}

/** The period of the same length that ends the day before `period` starts. */
export function previousPeriod(period: DayPeriod): DayPeriod {
	const length = periodDays(period);
	const to = start(period.from) - DAY_MS;
	return { from: day(to - (length - 1) * DAY_MS), to: day(to) };
}

/** Epoch ms bounds, `to` through the last millisecond of its day. */
export const periodBounds = (period: DayPeriod): { from: number; to: number } => ({ from: start(period.from), to: start(period.to) + DAY_MS - 1 });

/** A figure's change against the previous period; null ("no comparison") when either side has none. */
export function changeOf(current: number | null, previous: number | null): number | null {
	if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous)) return null;
	return current - previous;
}

/**
 * The period asked for: both days as given; one of them with the other 90 days away; neither,
 * the last 90 days of the data (of today when there is none).
 */
export function resolvePeriod(asked: { from: string | null; to: string | null }, lastDataAt: number | null, days = 90): DayPeriod {
	if (asked.from && asked.to) return { from: asked.from, to: asked.to };
	if (asked.to) return defaultPeriod(start(asked.to), days);
	if (asked.from) return { from: asked.from, to: day(start(asked.from) + (days - 1) * DAY_MS) };
	return defaultPeriod(lastDataAt ?? Date.now(), days);
}
