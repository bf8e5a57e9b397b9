/**
 * Drop-off drivers: what the customers who dropped off at a step did or were, against those who
 * went on — as odds ratios with a 95% interval, strongest first. The shape of PostHog's funnel
 * correlation analysis, on the journey funnel's own outcomes (traceStepInSteps). An association,
 * never a cause: the wording on every surface says so.
 *
 * Candidates
 * - Event types done after reaching the step: "did T" and "did T at least twice" (the second only
 *   when it splits the customers differently). Those who went on count events up to the moment
 *   they reached the next stage; those who dropped off over as long as those who went on took on
 *   average. So both sides are looked at for the same time on average, and an event that comes at
 *   a steady rate (a newsletter) is as likely on either side — a longer look for those who dropped
 *   off (the whole conversion window, say) would make every such event look like a driver. Types
 *   bound to this stage or the next are left out: they define the outcome.
 * - Profile values ("income band = low"), among the customers whose value is known.
 * - Entry channel (the channel of their first-stage event), among those whose channel is known.
 * A candidate needs at least `minimumCustomers` customers with it and without it.
 */
import type { DriverTrait } from '../../../domain/board/types';
import type { Stepwise } from '../../../domain/stepwise';
import type { IndexedEventLog } from '../funnel/event-index';
import type { StepOutcomes } from '../funnel/trace';
import { oddsRatio } from './odds';

/** The board's name for a trait: a cause card added from a driver keeps it. */
export type DriverFeature = DriverTrait;

export interface DriverSide {
	customers: number;
	droppedOff: number;
}

export interface Driver {
	feature: DriverFeature;
	with: DriverSide;
	without: DriverSide;
	/** Share of `with` that dropped off, against that of `without`: "drop off 3× as often". */
	dropOffWith: number;
	dropOffWithout: number;
	relativeDropOff: number;
	oddsRatio: number;
	low: number;
	high: number;
	corrected: boolean;
	/** More drop-off with the trait (odds ratio > 1) or less. */
	direction: 'more' | 'less';
	/** The 95% interval leaves out 1. */
	clear: boolean;
}

/** One profile field, per customer of the log (dense index); null = unknown. */
export interface ProfileColumn {
	field: string;
	values: readonly (string | null)[];
}

export type DriversStatus = 'ok' | 'last-stage' | 'too-few';

export interface DriversResult {
	status: DriversStatus;
	reached: number;
	wentOn: number;
	droppedOff: number;
	/** How long after reaching the step the events of those who dropped off are looked at (ms): the mean time of those who went on; null when not computed. */
	lookMs: number | null;
	/** Candidates with enough customers on both sides. */
	candidates: number;
	/** Clear ones first, each side by strength: the interval's nearer end furthest from 1. */
	drivers: Driver[];
}

export interface DriversInput {
	log: IndexedEventLog;
	outcomes: StepOutcomes;
	/** End of the period (epoch ms, inclusive); Infinity = none. */
	to: number;
	profiles: readonly ProfileColumn[];
	minimumCustomers: number;
	/** Most profile values per field taken as candidates (the commonest). */
	valuesPerField?: number;
}

/** Customers between two yields: a few ms of events. */
const CUSTOMERS_PER_STEP = 5_000;
const HOUR_MS = 3_600_000;

/** As long as those who went on took on average to reach the next stage (at least an hour). */
function lookOf(outcomes: StepOutcomes): number {
	let sum = 0;
	let n = 0;
	for (let c = 0; c < outcomes.nextAt.length; c++) {
		const next = outcomes.nextAt[c]!;
		if (next !== next) continue;
		sum += next - outcomes.reachedAt[c]!;
		n++;
	}
	return Math.max(HOUR_MS, n > 0 ? sum / n : 0);
}

/** First row in [start, end) later than `bound` (or at it, when inclusive is false). */
function firstAfter(at: Float64Array, start: number, end: number, bound: number, inclusive: boolean): number {
	let lo = start;
	let hi = end;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (at[mid]! < bound || (inclusive && at[mid] === bound)) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

function driverOf(feature: DriverFeature, withSide: DriverSide, total: DriverSide): Driver {
	const without = { customers: total.customers - withSide.customers, droppedOff: total.droppedOff - withSide.droppedOff };
	const a = withSide.droppedOff;
	const b = withSide.customers - a;
	const c = without.droppedOff;
	const d = without.customers - c;
	const odds = oddsRatio(a, b, c, d);
	const dropOffWith = a / withSide.customers;
	const dropOffWithout = c / without.customers;
	return {
		feature,
		with: withSide,
		without,
		dropOffWith,
		dropOffWithout,
		relativeDropOff: dropOffWithout > 0 ? dropOffWith / dropOffWithout : Infinity,
		...odds,
		direction: odds.oddsRatio >= 1 ? 'more' : 'less',
		clear: odds.low > 1 || odds.high < 1
	};
}

/** How far the interval's nearer end lies from 1 on the log scale (0 when it spans 1). */
const strength = (driver: Driver) => Math.max(0, Math.log(driver.low), -Math.log(driver.high));

export function rankDrivers(drivers: Driver[]): Driver[] {
	return drivers.sort(
		(x, y) =>
			Number(y.clear) - Number(x.clear) ||
			strength(y) - strength(x) ||
			Math.abs(Math.log(y.oddsRatio)) - Math.abs(Math.log(x.oddsRatio)) ||
			JSON.stringify(x.feature).localeCompare(JSON.stringify(y.feature))
	);
}

export function* computeDriversInSteps(input: DriversInput): Stepwise<DriversResult> {
	const { log, outcomes, minimumCustomers } = input;
	const droppedOff = outcomes.reached - outcomes.wentOn;
	const base = { reached: outcomes.reached, wentOn: outcomes.wentOn, droppedOff };
	if (outcomes.isLastStage) return { status: 'last-stage', ...base, lookMs: null, candidates: 0, drivers: [] };
	if (droppedOff < minimumCustomers || outcomes.wentOn < minimumCustomers)
		return { status: 'too-few', ...base, lookMs: null, candidates: 0, drivers: [] };

	const lookMs = lookOf(outcomes);
	const { at, type, customerStart } = log;
	const typeCount = log.eventTypes.length;
	// Per type: customers (and those of them who dropped off) with ≥ 1 and ≥ 2 events of it.
	const once = new Int32Array(typeCount);
	const onceDropped = new Int32Array(typeCount);
	const twice = new Int32Array(typeCount);
	const twiceDropped = new Int32Array(typeCount);
	const stamp = new Int32Array(typeCount);
	const count = new Int32Array(typeCount);
	const touched = new Int32Array(Math.max(1, log.maxEventsPerCustomer));
	const total: DriverSide = { customers: 0, droppedOff: 0 };
	const excluded = outcomes.journeyTypes;

	for (let c = 0; c < log.customerCount; c++) {
		if (c % CUSTOMERS_PER_STEP === CUSTOMERS_PER_STEP - 1) yield;
		const reachedAt = outcomes.reachedAt[c]!;
		if (reachedAt !== reachedAt) continue;
		const nextAt = outcomes.nextAt[c]!;
		const dropped = nextAt !== nextAt;
		total.customers++;
		if (dropped) total.droppedOff++;
		const start = firstAfter(at, customerStart[c]!, customerStart[c + 1]!, reachedAt, true);
		const end = dropped
			? firstAfter(at, start, customerStart[c + 1]!, Math.min(reachedAt + lookMs, input.to), true)
			: firstAfter(at, start, customerStart[c + 1]!, nextAt, false);
		let distinct = 0;
		for (let i = start; i < end; i++) {
			const t = type[i]!;
			if (excluded.has(t)) continue;
			if (stamp[t] !== c + 1) {
				stamp[t] = c + 1;
				count[t] = 0;
				touched[distinct++] = t;
			}
			count[t]!++;
		}
		for (let k = 0; k < distinct; k++) {
			const t = touched[k]!;
			once[t]!++;
			if (dropped) onceDropped[t]!++;
			if (count[t]! >= 2) {
				twice[t]!++;
				if (dropped) twiceDropped[t]!++;
			}
		}
	}

	const candidates: Driver[] = [];
	const enough = (side: DriverSide, whole: DriverSide) => side.customers >= minimumCustomers && whole.customers - side.customers >= minimumCustomers;
	for (let t = 0; t < typeCount; t++) {
		const eventType = log.eventTypes[t]!;
		const one = { customers: once[t]!, droppedOff: onceDropped[t]! };
		if (enough(one, total)) candidates.push(driverOf({ kind: 'event', eventType, atLeast: 1 }, one, total));
		const two = { customers: twice[t]!, droppedOff: twiceDropped[t]! };
		const differs = two.customers !== one.customers || two.droppedOff !== one.droppedOff;
		if (differs && enough(two, total)) candidates.push(driverOf({ kind: 'event', eventType, atLeast: 2 }, two, total));
	}
	yield;

	const categorical = (values: (c: number) => string | null, feature: (value: string) => DriverFeature, limit: number) => {
		const known: DriverSide = { customers: 0, droppedOff: 0 };
		const byValue = new Map<string, DriverSide>();
		for (let c = 0; c < log.customerCount; c++) {
			const reachedAt = outcomes.reachedAt[c]!;
			if (reachedAt !== reachedAt) continue;
			const value = values(c);
			if (value === null || value === '') continue;
			const dropped = outcomes.nextAt[c] !== outcomes.nextAt[c];
			known.customers++;
			if (dropped) known.droppedOff++;
			let side = byValue.get(value);
			if (!side) byValue.set(value, (side = { customers: 0, droppedOff: 0 }));
			side.customers++;
			if (dropped) side.droppedOff++;
		}
		const commonest = [...byValue].sort((x, y) => y[1].customers - x[1].customers || x[0].localeCompare(y[0])).slice(0, limit);
		for (const [value, side] of commonest) if (enough(side, known)) candidates.push(driverOf(feature(value), side, known));
	};
	const limit = input.valuesPerField ?? 12;
	for (const column of input.profiles) {
		categorical((c) => column.values[c] ?? null, (value) => ({ kind: 'profile', field: column.field, value }), limit);
		yield;
	}
	categorical(
		(c) => {
			const code = outcomes.entryChannel[c]!;
			return code >= 0 ? log.channels[code]! : null;
		},
		(channel) => ({ kind: 'entry-channel', channel }),
		limit
	);

	return { status: 'ok', ...base, lookMs, candidates: candidates.length, drivers: rankDrivers(candidates) };
}
