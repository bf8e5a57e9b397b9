/**
 * Per step: the customers of the cut who complained or contacted service within a window after
 * their first event of the step's types (in the period) — one walk over the indexed log for every
 * step at once, in steps, instead of one self-join of the events table per step.
 */
import type { Stepwise } from '../../../domain/stepwise';
import type { IndexedEventLog } from './event-index';

export interface ComplainantQuery {
	steps: readonly { id: string; eventTypes: readonly string[] }[];
	/** Event types that say a customer complained or needed help. */
	complaintTypes: readonly string[];
	/** A complaint counts from the moment of the step's first event up to this long after it (both ends included). */
	windowMs: number;
	/** The step's first event is looked for in [from, to]; the complaint may come after `to`. */
	from: number;
	to: number;
	include: Uint8Array | null;
}

const CUSTOMERS_PER_STEP = 5_000;

export function* countComplainantsInSteps(log: IndexedEventLog, query: ComplainantQuery): Stepwise<Map<string, number>> {
	const typeCode = new Map(log.eventTypes.map((name, code) => [name, code]));
	const complaint = new Uint8Array(log.eventTypes.length);
	for (const name of query.complaintTypes) {
		const code = typeCode.get(name);
		if (code !== undefined) complaint[code] = 1;
	}
	const S = query.steps.length;
	// stepsOf[type] lists the steps whose types include it.
	const stepsOf: number[][] = Array.from({ length: log.eventTypes.length }, () => []);
	query.steps.forEach((step, s) => {
		for (const name of new Set(step.eventTypes)) {
			const code = typeCode.get(name);
			if (code !== undefined) stepsOf[code]!.push(s);
		}
	});
	const counts = new Int32Array(S);
	const firstAt = new Float64Array(S);
	const complaints: number[] = [];
	const { at, type, customerStart } = log;
	for (let c = 0; c < log.customerCount; c++) {
		if (c % CUSTOMERS_PER_STEP === CUSTOMERS_PER_STEP - 1) yield;
		if (query.include && query.include[c] !== 1) continue;
		firstAt.fill(NaN);
		complaints.length = 0;
		let any = false;
		for (let i = customerStart[c]!; i < customerStart[c + 1]!; i++) {
			const t = type[i]!;
			const moment = at[i]!;
			if (complaint[t] === 1) complaints.push(moment);
			if (moment < query.from || moment > query.to) continue;
			for (const s of stepsOf[t]!) {
				if (firstAt[s] !== firstAt[s]) {
					firstAt[s] = moment;
					any = true;
				}
			}
		}
		if (!any || complaints.length === 0) continue;
		// Complaint moments are in time order (the log is): the first at or after the step's moment decides.
		for (let s = 0; s < S; s++) {
			const start = firstAt[s]!;
			if (start !== start) continue;
			let lo = 0;
			let hi = complaints.length;
			while (lo < hi) {
				const mid = (lo + hi) >>> 1;
				if (complaints[mid]! < start) lo = mid + 1;
				else hi = mid;
			}
			if (lo < complaints.length && complaints[lo]! <= start + query.windowMs) counts[s]!++;
		}
	}
	return new Map(query.steps.map((step, s) => [step.id, counts[s]!]));
}
