import { changeOf, type DayPeriod } from './period';
import type { SeriesPeriod } from './loyalty';

/*
 * Pure pieces of the "CRM aims" insights section (DOMAIN.md's four aims): new customers per
 * calendar month or quarter from the acquisition cohorts, and a figure beside the same figure of
 * the period before.
 */

/** A figure of an aim now and in the period of the same length before. */
export interface AimFigure {
	current: number | null;
	previous: number | null;
	/** current − previous; null where either has no figure. */
	change: number | null;
	/** What the current figure rests on (customers). */
	n: number;
	lowN: boolean;
}

export function aimFigure(current: number | null, previous: number | null, n: number, minimum: number): AimFigure {
	const finite = (value: number | null) => (value !== null && Number.isFinite(value) ? value : null);
	return { current: finite(current), previous: finite(previous), change: changeOf(finite(current), finite(previous)), n, lowN: n < minimum };
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthOf = (isoDay: string) => Number(isoDay.slice(0, 4)) * 12 + Number(isoDay.slice(5, 7)) - 1;
const lastDayOfMonth = (month: number) => new Date(Date.UTC(Math.floor(month / 12), (month % 12) + 1, 0)).getUTCDate();

/**
 * Labels ("2026-01", "2026-Q1", as the cohorts name them) of the calendar months or quarters
 * wholly inside `period`: a month cut in half would count half its new customers.
 */
export function wholeCalendarPeriods(period: DayPeriod, seriesPeriod: SeriesPeriod): string[] {
	const size = seriesPeriod === 'month' ? 1 : 3;
	const labels: string[] = [];
	let first = monthOf(period.from);
	first += (size - (first % size)) % size;
	if (Number(period.from.slice(8, 10)) !== 1 && first === monthOf(period.from)) first += size;
	for (let start = first; ; start += size) {
		const end = start + size - 1;
		const lastDay = `${Math.floor(end / 12)}-${pad((end % 12) + 1)}-${pad(lastDayOfMonth(end))}`;
		if (lastDay > period.to) break;
		labels.push(seriesPeriod === 'month' ? `${Math.floor(start / 12)}-${pad((start % 12) + 1)}` : `${Math.floor(start / 12)}-Q${(start % 12) / 3 + 1}`);
	}
	return labels;
}

export interface NewCustomers {
	/** The whole calendar periods counted. */
	periods: string[];
	/** New customers (first purchase) in them. */
	customers: number;
	/** Mean per calendar period; null without a whole period observed. */
	perPeriod: number | null;
}

/**
 * New customers per calendar period of `period`, from the acquisition cohorts (size = customers
 * whose first purchase fell in it). Periods before the earliest cohort are not observed (the data
 * starts later, or the cohorts were cut): without any observed one there is no figure.
 */
export function newCustomersIn(cohorts: readonly { cohort: string; size: number }[], period: DayPeriod, seriesPeriod: SeriesPeriod): NewCustomers {
	const earliest = cohorts.reduce<string | null>((low, c) => (low === null || c.cohort < low ? c.cohort : low), null);
	const periods = wholeCalendarPeriods(period, seriesPeriod).filter((label) => earliest !== null && label >= earliest);
	const sizes = new Map(cohorts.map((c) => [c.cohort, c.size]));
	const customers = periods.reduce((sum, label) => sum + (sizes.get(label) ?? 0), 0);
	return { periods, customers, perPeriod: periods.length > 0 ? customers / periods.length : null };
}
