/**
 * The one pass over the indexed log that applies the ordering rule (see index.ts) to each
 * customer and tallies what the step figures need. Everything is counted into flat typed arrays
 * indexed by step (and channel slot = channel code + 1, slot 0 = unknown), so the hot loop
 * allocates nothing per event or per customer.
 */
import type { CompiledFunnel } from './board';
import type { IndexedEventLog } from './event-index';
import { FloatList } from './float-list';
import type { Stepwise } from '../../../domain/stepwise';

const MS_PER_HOUR = 3_600_000;

export interface WalkOptions {
	from: number;
	to: number;
	/** Conversion window between consecutive stages (Infinity = none). */
	maxGapMs: number;
	include?: Uint8Array;
	clv?: Float64Array;
	revenue?: Float64Array;
	/** Channel code + 1 of the entry channel to keep, or undefined for every customer. */
	entrySlot?: number;
	/** Records, for the customers credited to one step, when they reached it and the next stage. */
	trace?: WalkTrace;
}

/** Per customer, filled for those credited to step `step` (the compiled index); NaN / untouched for the others. */
export interface WalkTrace {
	step: number;
	/** Moment they reached the step. */
	reachedAt: Float64Array;
	/** Moment they reached the next stage; NaN = they did not (dropped off). */
	nextAt: Float64Array;
	/** Channel code of their first-stage event (−1 unknown). */
	entryChannel: Int32Array;
}

export interface Tallies {
	/** Per step. */
	reached: Int32Array;
	converted: Int32Array;
	clvSum: Float64Array;
	clvN: Int32Array;
	revenueSum: Float64Array;
	revenueN: Int32Array;
	/** Summed CLV of the step's customers who did not reach the next stage. */
	riskSum: Float64Array;
	/** Per step × channel slot. */
	reachedByChannel: Int32Array;
	convertedByChannel: Int32Array;
	/** Per step × from slot × to slot, among converters. */
	switches: Int32Array;
	/** Per step: hours to the next stage of each converter. */
	hoursToNext: FloatList[];
	/** Per funnel stage. */
	stageReached: Int32Array;
	stageSkipped: Int32Array;
	customersInCut: number;
	channelSlots: number;
}

/** First row in [start, end) whose time is past `bound` (≥ it when inclusive is false, > it when true); rows are time-ordered within a customer. */
function firstPast(at: Float64Array, start: number, end: number, bound: number, inclusive: boolean): number {
	let lo = start;
	let hi = end;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (at[mid]! < bound || (inclusive && at[mid] === bound)) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Per-customer scratch, reused across customers. */
interface Scratch {
	/** The moment, step and channel slot with which each stage was reached. */
	stageAt: Float64Array;
	stageStep: Int32Array;
	stageSlot: Int32Array;
	/** Events of a same-ms group already used to advance: one event moves a customer at most one stage. */
	used: Uint8Array;
}

/**
 * Applies the rows [i, g) that share one millisecond, for a customer at stage `cur`; returns the
 * new stage. Same-ms events have no order of their own, so the customer keeps moving on while
 * any unused one qualifies for the next stage, taking the earliest step (then the earliest row).
 */
function advanceAtOneMoment(log: IndexedEventLog, funnel: CompiledFunnel, scratch: Scratch, i: number, g: number, cur: number, maxGapMs: number): number {
	const { type, channel, at } = log;
	const { stepFor, stageCount: S } = funnel;
	const { used } = scratch;
	for (let k = i; k < g; k++) used[k - i] = 0;
	while (cur < S - 1) {
		// Past the conversion window of the stage reached last: nothing here moves them on.
		if (cur >= 0 && at[i]! - scratch.stageAt[cur]! > maxGapMs) break;
		let best = -1;
		let bestStep = 0x7fffffff;
		for (let k = i; k < g; k++) {
			if (used[k - i] === 1) continue;
			const step = stepFor[type[k]! * S + cur + 1]!;
			if (step >= 0 && step < bestStep) {
				best = k;
				bestStep = step;
			}
		}
		if (best < 0) break;
		used[best - i] = 1;
		cur++;
		scratch.stageAt[cur] = at[i]!;
		scratch.stageStep[cur] = bestStep;
		scratch.stageSlot[cur] = channel[best]! + 1;
	}
	return cur;
}

/** Customers walked between two yields of walkFunnelInSteps: a few ms of a 25-event customer log. */
export const WALK_STEP_CUSTOMERS = 5_000;

/** The walk, yielding every `customersPerStep` customers: a caller on a server thread serves others between the steps. */
export function* walkFunnelInSteps(
	log: IndexedEventLog,
	funnel: CompiledFunnel,
	options: WalkOptions,
	customersPerStep = WALK_STEP_CUSTOMERS
): Stepwise<Tallies> {
	const { at, type, channel, customerStart } = log;
	const { stepFor, typeStageBits, typeStageStart, typeStages, stageCount: S } = funnel;
	const { from, to, maxGapMs, include, clv, revenue, entrySlot, trace } = options;
	const traced = trace ? trace.step : -1;
	const stepCount = funnel.steps.length;
	const slots = log.channels.length + 1;
	const tallies: Tallies = {
		reached: new Int32Array(stepCount),
		converted: new Int32Array(stepCount),
		clvSum: new Float64Array(stepCount),
		clvN: new Int32Array(stepCount),
		revenueSum: new Float64Array(stepCount),
		revenueN: new Int32Array(stepCount),
		riskSum: new Float64Array(stepCount),
		reachedByChannel: new Int32Array(stepCount * slots),
		convertedByChannel: new Int32Array(stepCount * slots),
		switches: new Int32Array(stepCount * slots * slots),
		hoursToNext: Array.from({ length: stepCount }, () => new FloatList()),
		stageReached: new Int32Array(S),
		stageSkipped: new Int32Array(S),
		customersInCut: 0,
		channelSlots: slots
	};
	if (include && include.length < log.customerCount) throw new RangeError(`include has ${include.length} entries for ${log.customerCount} customers`);
	if (revenue && revenue.length < log.customerCount) throw new RangeError(`revenue has ${revenue.length} entries for ${log.customerCount} customers`);
	if (clv && clv.length < log.customerCount) throw new RangeError(`clv has ${clv.length} entries for ${log.customerCount} customers`);
	if (trace && (trace.reachedAt.length < log.customerCount || trace.nextAt.length < log.customerCount || trace.entryChannel.length < log.customerCount))
		throw new RangeError(`trace arrays are shorter than the ${log.customerCount} customers`);
	const scratch: Scratch = {
		stageAt: new Float64Array(S),
		stageStep: new Int32Array(S),
		stageSlot: new Int32Array(S),
		used: new Uint8Array(Math.max(1, log.maxEventsPerCustomer))
	};
	const { stageAt, stageStep, stageSlot } = scratch;
	// seen[s] === stamp marks "this customer has an in-window stage-s event" without clearing per customer.
	const seen = new Int32Array(S);
	const last = S - 1;

	for (let c = 0; c < log.customerCount; c++) {
		if (c % customersPerStep === customersPerStep - 1) yield;
		if (include && include[c] !== 1) continue;
		tallies.customersInCut++;
		if (S === 0) continue;
		// The window as a row range, found by bisection, so the hot loop needs no time comparisons
		// and touches the time column only when a customer moves on.
		const first = from === -Infinity ? customerStart[c]! : firstPast(at, customerStart[c]!, customerStart[c + 1]!, from, false);
		const end = to === Infinity ? customerStart[c + 1]! : firstPast(at, first, customerStart[c + 1]!, to, true);
		let cur = -1;
		let seenBits = 0;
		let i = first;
		if (log.hasTies[c] === 0) {
			// Most customers never have two events in one millisecond: this loop skips the tie test.
			for (; i < end; i++) {
				const ty = type[i]!;
				seenBits |= typeStageBits[ty]!;
				const step = stepFor[ty * S + cur + 1]!;
				if (step >= 0) {
					// Outside the conversion window the customer stays where they are; later events are later still.
					if (cur >= 0 && at[i]! - stageAt[cur]! > maxGapMs) {
						for (i++; i < end; i++) seenBits |= typeStageBits[type[i]!]!;
						break;
					}
					cur++;
					stageAt[cur] = at[i]!;
					stageStep[cur] = step;
					stageSlot[cur] = channel[i]! + 1;
					if (cur === last) break;
				}
			}
		} else {
			while (i < end) {
				const t = at[i]!;
				let g = i + 1;
				while (g < end && at[g] === t) g++;
				for (let k = i; k < g; k++) seenBits |= typeStageBits[type[k]!]!;
				cur = advanceAtOneMoment(log, funnel, scratch, i, g, cur, maxGapMs);
				i = g;
				// Past the last stage nothing can change: later events can be neither progress nor skips.
				if (cur === last) break;
			}
		}

		if (entrySlot !== undefined && (cur < 0 || stageSlot[0] !== entrySlot)) continue;

		// Skips: a stage-s event without ever reaching s − 1, i.e. s ≥ cur + 2. The bits only say
		// "possibly" (stages ≥ 31 share a bit); the re-scan, rare, counts exactly.
		if (seenBits >>> Math.min(cur + 2, 31) !== 0) {
			const stamp = c + 1;
			for (let k = first; k < end; k++) {
				const ty = type[k]!;
				for (let m = typeStageStart[ty]!; m < typeStageStart[ty + 1]!; m++) seen[typeStages[m]!] = stamp;
			}
			for (let s = cur + 2; s < S; s++) if (seen[s] === stamp) tallies.stageSkipped[s]!++;
		}

		const value = clv ? clv[c]! : NaN;
		const valued = value === value; // not NaN
		const spent = revenue ? revenue[c]! : NaN;
		const hasSpent = spent === spent;
		for (let s = 0; s <= cur; s++) {
			const step = stageStep[s]!;
			const slot = stageSlot[s]!;
			tallies.stageReached[s]!++;
			tallies.reached[step]!++;
			if (step === traced) {
				trace!.reachedAt[c] = stageAt[s]!;
				trace!.nextAt[c] = s < cur ? stageAt[s + 1]! : NaN;
				trace!.entryChannel[c] = stageSlot[0]! - 1;
			}
			tallies.reachedByChannel[step * slots + slot]!++;
			if (valued) {
				tallies.clvSum[step]! += value;
				tallies.clvN[step]!++;
			}
			if (hasSpent) {
				tallies.revenueSum[step]! += spent;
				tallies.revenueN[step]!++;
			}
			if (s < cur) {
				tallies.converted[step]!++;
				tallies.convertedByChannel[step * slots + slot]!++;
				tallies.switches[(step * slots + slot) * slots + stageSlot[s + 1]!]!++;
				tallies.hoursToNext[step]!.push((stageAt[s + 1]! - stageAt[s]!) / MS_PER_HOUR);
			} else if (s < last && valued) {
				tallies.riskSum[step]! += value;
			}
		}
	}
	return tallies;
}
