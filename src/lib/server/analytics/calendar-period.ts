/**
 * Calendar periods (UTC) for cohorts and "over time" cuts. A period has a sortable label
 * ("2025-03", "2025-Q1", the Monday "2025-03-03" of an ISO week, "2025-03-05") and an index, so
 * "k periods after acquisition" is a subtraction.
 */
import { DAY_MS, utcDay } from './time-unit';

export const CALENDAR_PERIODS = ['day', 'week', 'month', 'quarter'] as const;
export type CalendarPeriod = (typeof CALENDAR_PERIODS)[number];

/** Consecutive integers for consecutive periods. */
export function periodIndex(ms: number, period: CalendarPeriod): number {
	const d = new Date(ms);
	switch (period) {
		case 'day':
			return utcDay(ms);
		case 'week':
			// 1970-01-01 was a Thursday; shifting by 3 days makes weeks start on Monday (ISO 8601).
			return Math.floor((utcDay(ms) + 3) / 7);
		case 'month':
			return d.getUTCFullYear() * 12 + d.getUTCMonth();
		case 'quarter':
			return d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3);
	}
}

/** The label of the period with this index. */
export function periodLabel(index: number, period: CalendarPeriod): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	switch (period) {
		case 'day':
			return new Date(index * DAY_MS).toISOString().slice(0, 10);
		case 'week':
			return new Date((index * 7 - 3) * DAY_MS).toISOString().slice(0, 10);
		case 'month':
			return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
		case 'quarter':
			return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
	}
}

/** Label of the period a moment falls in: a ready-made key for byGroup "over time". */
export const periodOf = (ms: number, period: CalendarPeriod): string => periodLabel(periodIndex(ms, period), period);
