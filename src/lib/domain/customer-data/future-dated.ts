import type { ImportKind } from './kinds';
import type { RowResult } from './validate';

/*
 * Rows dated after today: a typo (2052 for 2025), a planned delivery, a clock set wrong. They
 * are imported — they may be exactly what the user meant — but said out loud, in the preview
 * and in the data overview, and figures are computed up to today at the latest, so that one
 * such row cannot move "today" for every customer's recency and lifetime value.
 */

const DAY_MS = 86_400_000;

/** The kinds whose rows carry a moment of their own (customers' dates are profile data). */
export const DATED_KINDS = ['transactions', 'events', 'surveys'] as const satisfies readonly ImportKind[];

/** The server's calendar date, `YYYY-MM-DD`, in its own time zone. */
export function calendarDay(now: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A `YYYY-MM-DD` day as local midnight: shown as that same date wherever the reader is. */
export function localDate(day: string): Date {
	const [year, month, date] = day.split('-').map(Number) as [number, number, number];
	return new Date(year, month - 1, date);
}

/**
 * The first moment of the day after `today` (`YYYY-MM-DD`): a row at or after it is dated in
 * the future. Days run in UTC, the calendar the import reads dates in (a date without a zone is
 * read as UTC midnight), so "2027-03-01" in a file is after a today of "2027-02-28" anywhere.
 */
export function futureFrom(today: string): number {
	const [year, month, day] = today.split('-').map(Number) as [number, number, number];
	return Date.UTC(year, month - 1, day) + DAY_MS;
}

/** `futureFrom` of the server's today. */
export const futureFromNow = (now = new Date()) => futureFrom(calendarDay(now));

export interface FutureDatedRow {
	/** The row number as a spreadsheet shows it. */
	row: number;
	/** Epoch ms. */
	occurredAt: number;
}

/** The valid rows among `rows` that are dated after `today`, in their order. */
export function futureDatedRows(rows: readonly { row: number; result: RowResult<ImportKind> }[], today: string): FutureDatedRow[] {
	const from = futureFrom(today);
	const found: FutureDatedRow[] = [];
	for (const { row, result } of rows) {
		if (!('record' in result)) continue;
		const occurredAt = (result.record as { occurredAt?: unknown }).occurredAt;
		if (typeof occurredAt === 'number' && occurredAt >= from) found.push({ row, occurredAt });
	}
	return found;
}
