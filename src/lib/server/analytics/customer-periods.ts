import type { Stepwise } from '$lib/domain/stepwise';
import { periodIndex, type CalendarPeriod } from './calendar-period';
import { DAY_MS } from './time-unit';

/*
 * The calendar periods each customer bought in, from a transaction log as columns: what cohort
 * retention (loyalty) and contractual retention read, stepwise so that a million transactions
 * never hold the server's thread in one go.
 */

/** Per customer c, its distinct periods in ascending order: periods[start[c]] … periods[start[c + 1] − 1]. */
export interface CustomerPeriods {
	start: Int32Array;
	periods: Int32Array;
}

/** Rows between two yields. */
export const PERIOD_STEP_ROWS = 50_000;

/**
 * The periods of each of `customerCount` customers (`customer[i]` the customer of the row at
 * `occurredAt[i]`), periods after `upTo` left out; yields every `stepRows` rows or so.
 */
export function* customerPeriodsInSteps(
	log: { customer: Int32Array; occurredAt: Float64Array },
	customerCount: number,
	period: CalendarPeriod,
	upTo = Infinity,
	stepRows = PERIOD_STEP_ROWS
): Stepwise<CustomerPeriods> {
	const rows = log.customer.length;
	const indexOf = new Int32Array(rows);
	const count = new Int32Array(customerCount + 1);
	// A period depends on the UTC day alone, and a million rows share a few hundred days: each
	// day's period is worked out once (periodIndex makes a Date; a million of them take seconds).
	const periodOfDay = new Map<number, number>();
	for (let from = 0; from < rows; from += stepRows) {
		const to = Math.min(rows, from + stepRows);
		for (let i = from; i < to; i++) {
			const at = log.occurredAt[i]!;
			const day = Math.floor(at / DAY_MS);
			let index = periodOfDay.get(day);
			if (index === undefined) periodOfDay.set(day, (index = periodIndex(at, period)));
			indexOf[i] = index;
			if (index <= upTo) count[log.customer[i]! + 1]!++;
		}
		yield;
	}
	for (let c = 0; c < customerCount; c++) count[c + 1]! += count[c]!;
	const next = count.slice(0, customerCount);
	const all = new Int32Array(count[customerCount]!);
	for (let from = 0; from < rows; from += stepRows) {
		const to = Math.min(rows, from + stepRows);
		for (let i = from; i < to; i++) if (indexOf[i]! <= upTo) all[next[log.customer[i]!]!++] = indexOf[i]!;
		yield;
	}
	// Each customer's periods sorted (insertion sort: a customer has few) and told once, compacted in place.
	const start = new Int32Array(customerCount + 1);
	let kept = 0;
	let stepEnd = stepRows;
	for (let c = 0; c < customerCount; c++) {
		const from = count[c]!;
		const to = count[c + 1]!;
		if (from >= stepEnd) {
			stepEnd = from + stepRows;
			yield;
		}
		for (let i = from + 1; i < to; i++) {
			const value = all[i]!;
			let j = i - 1;
			while (j >= from && all[j]! > value) {
				all[j + 1] = all[j]!;
				j--;
			}
			all[j + 1] = value;
		}
		start[c] = kept;
		for (let i = from; i < to; i++) if (i === from || all[i] !== all[i - 1]) all[kept++] = all[i]!;
	}
	start[customerCount] = kept;
	return { start, periods: all.slice(0, kept) };
}
