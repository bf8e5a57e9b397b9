/**
 * A seeded event log whose funnel is known exactly, for the tests and `npm run bench:metrics`.
 * Every customer's journey is planned first (which step and channel at each stage, when, and where
 * they stop); the events are then written so that the ordering rule must recover the plan, with
 * the traps the rule has to survive mixed in: repeated events, later-stage events before their
 * time (out of order), same-millisecond alternatives, customers who enter mid-journey or skip a
 * stage, unbound event types, unknown channels, and rows in shuffled order.
 *
 * Conversions are exact by construction, not drawn: within each (step, channel) group at a stage,
 * exactly round(rate × group size) customers go on. The planned figures (plannedFunnel) are
 * aggregated from the plan alone, never from the events, so they are an independent oracle.
 */
import { quantileSorted } from '../quantile';
import { createRandom, deriveSeed, type Random } from '../segmentation/random';
import type { EventLog, FunnelResult, FunnelStep, StepMetrics } from './types';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const UNKNOWN_CHANNEL = 'unknown';

export interface JourneyDesign {
	customers: number;
	seed: number;
	/** Alternatives per stage, e.g. [3, 2, 2, 1]. */
	stepsPerStage: number[];
	channels?: string[];
	/** Conversion to the next stage of the customers at (stage, step, channel code −1…); default a fixed pattern 0.35…0.9. */
	rate?: (stage: number, step: number, channel: number) => number;
	/** Share of customers with no stage-0 event who show up later in the journey. Default 0.06. */
	midJourneyShare?: number;
	/** Share of customers with only unbound events. Default 0.04. */
	silentShare?: number;
	/** Fill every customer up to this many events with outcome-neutral ones (repeats, unbound types). Default 0 (no fill). */
	eventsPerCustomer?: number;
	/** Unbound event types in the log. Default 3. */
	noiseTypes?: number;
	/** First possible journey start (epoch ms). Default 2025-01-01. */
	start?: number;
	/** Journeys start uniformly within this many days. Default 365. */
	spreadDays?: number;
	/** Shuffle the rows (the funnel must not depend on their order). Default true. */
	shuffle?: boolean;
}

export interface JourneyPlan {
	stageCount: number;
	/** Per customer: the last stage reached (−1 = none). */
	reach: Int32Array;
	/** customer × stage: funnel step index (into steps), channel code, moment. */
	step: Int32Array;
	channel: Int32Array;
	at: Float64Array;
	/** customer × stage: 1 when the customer has an event of the stage without having reached the stage before. */
	skipped: Uint8Array;
	clv: Float64Array;
}

export interface GeneratedJourney {
	log: EventLog;
	steps: FunnelStep[];
	plan: JourneyPlan;
	/** Time span of all events, for window tests. */
	first: number;
	last: number;
}

const defaultRate = (stage: number, step: number, channel: number): number => [0.9, 0.75, 0.6, 0.5, 0.35][(stage + 2 * step + 3 * (channel + 1)) % 5]!;

/** Growable typed columns: the bench writes five million rows without boxing any. */
class Columns {
	customer = new Int32Array(1024);
	at = new Float64Array(1024);
	type = new Int32Array(1024);
	channel = new Int32Array(1024);
	length = 0;

	push(customer: number, at: number, type: number, channel: number): void {
		if (this.length === this.customer.length) {
			const size = this.length * 2;
			const grow = <T extends Int32Array | Float64Array>(old: T, fresh: T): T => (fresh.set(old), fresh);
			this.customer = grow(this.customer, new Int32Array(size));
			this.at = grow(this.at, new Float64Array(size));
			this.type = grow(this.type, new Int32Array(size));
			this.channel = grow(this.channel, new Int32Array(size));
		}
		const i = this.length++;
		this.customer[i] = customer;
		this.at[i] = at;
		this.type[i] = type;
		this.channel[i] = channel;
	}
}

function shuffleInPlace(list: Int32Array | number[], random: Random): void {
	for (let i = list.length - 1; i > 0; i--) {
		const j = random.int(i + 1);
		const swap = list[i]!;
		list[i] = list[j]!;
		list[j] = swap;
	}
}

/** A channel for the next stage: usually the same one (channels have loyal users), sometimes another or unknown. */
function nextChannel(current: number, channelCount: number, random: Random): number {
	const draw = random.next();
	if (draw < 0.6) return current;
	if (draw < 0.65) return -1;
	return random.int(channelCount);
}

export function generateJourney(design: JourneyDesign): GeneratedJourney {
	const { customers, stepsPerStage } = design;
	const channels = design.channels ?? ['web', 'app', 'store', 'phone'];
	const rate = design.rate ?? defaultRate;
	const S = stepsPerStage.length;
	if (S < 1 || stepsPerStage.some((k) => k < 1)) throw new RangeError('every stage needs at least one step');
	const random = createRandom(deriveSeed(design.seed, 1));
	const start = design.start ?? Date.UTC(2025, 0, 1);
	const spread = (design.spreadDays ?? 365) * DAY;

	// Board: one event type per step, named after it; stages at positions 0, 10, 20… (gaps are allowed).
	const steps: FunnelStep[] = [];
	const firstStep: number[] = [];
	stepsPerStage.forEach((count, s) => {
		firstStep.push(steps.length);
		for (let k = 0; k < count; k++) steps.push({ id: `s${s}-${k}`, stage: 10 * s, eventTypes: [`e${s}-${k}`] });
	});
	const noiseTypes = design.noiseTypes ?? 3;
	const eventTypes = [...steps.map((step) => step.eventTypes[0]!), ...Array.from({ length: noiseTypes }, (_, k) => `noise-${k}`)];
	const typeOf = (s: number, k: number) => firstStep[s]! + k;

	// Customers: silent ones last, mid-journey before them, the journeys first.
	const silent = Math.round(customers * (design.silentShare ?? 0.04));
	const mid = Math.round(customers * (design.midJourneyShare ?? 0.06));
	const journeys = customers - silent - mid;

	const plan: JourneyPlan = {
		stageCount: S,
		reach: new Int32Array(customers).fill(-1),
		step: new Int32Array(customers * S).fill(-1),
		channel: new Int32Array(customers * S),
		at: new Float64Array(customers * S),
		skipped: new Uint8Array(customers * S),
		clv: new Float64Array(customers)
	};
	// Whole currency units, so sums are exact in floating point whatever their order.
	for (let c = 0; c < customers; c++) plan.clv[c] = 50 + random.int(2000);

	// Stage 0: alternatives and entry channels in equal rotation, so the designed groups are even.
	let atStage: number[] = [];
	for (let c = 0; c < journeys; c++) {
		const k = c % stepsPerStage[0]!;
		plan.step[c * S] = typeOf(0, k);
		plan.channel[c * S] = Math.floor(c / stepsPerStage[0]!) % channels.length;
		plan.at[c * S] = start + random.int(spread / MINUTE) * MINUTE;
		plan.reach[c] = 0;
		atStage.push(c);
	}
	for (let s = 0; s < S - 1; s++) {
		const groups = new Map<string, number[]>();
		for (const c of atStage) {
			const key = `${plan.step[c * S + s]}|${plan.channel[c * S + s]}`;
			let group = groups.get(key);
			if (!group) groups.set(key, (group = []));
			group.push(c);
		}
		const next: number[] = [];
		for (const key of [...groups.keys()].sort()) {
			const group = groups.get(key)!;
			const step = plan.step[group[0]! * S + s]! - firstStep[s]!;
			const channel = plan.channel[group[0]! * S + s]!;
			const goOn = Math.round(rate(s, step, channel) * group.length);
			shuffleInPlace(group, random);
			for (let m = 0; m < goOn; m++) next.push(group[m]!);
		}
		next.sort((a, b) => a - b);
		for (const c of next) {
			plan.reach[c] = s + 1;
			plan.step[c * S + s + 1] = typeOf(s + 1, random.int(stepsPerStage[s + 1]!));
			plan.channel[c * S + s + 1] = nextChannel(plan.channel[c * S + s]!, channels.length, random);
			plan.at[c * S + s + 1] = plan.at[c * S + s]! + (1 + random.int(72 * 60)) * MINUTE;
		}
		atStage = next;
	}

	// Events.
	const columns = new Columns();
	const fill = design.eventsPerCustomer ?? 0;
	const seen = new Uint8Array(S);
	let first = Infinity;
	let last = -Infinity;
	for (let c = 0; c < customers; c++) {
		const before = columns.length;
		seen.fill(0);
		const emit = (at: number, type: number, channel: number) => {
			columns.push(c, at, type, channel);
			if (at < first) first = at;
			if (at > last) last = at;
			if (type < steps.length) seen[steps[type]!.stage / 10] = 1;
		};
		const r = plan.reach[c]!;
		const dice = createRandom(deriveSeed(design.seed, 2, c));
		if (c < journeys) {
			for (let s = 0; s <= r; s++) emit(plan.at[c * S + s]!, plan.step[c * S + s]!, plan.channel[c * S + s]!);
			const t0 = plan.at[c * S]!;
			const tr = plan.at[c * S + r]!;
			// Same-millisecond alternative that loses to the earlier step on the board.
			if (plan.step[c * S] === 0 && stepsPerStage[0]! > 1 && c % 7 === 0) emit(t0, 1, dice.int(channels.length));
			// Out of order: a next-stage event before the stage was reached (ignored by the rule).
			if (r < S - 1 && c % 5 === 1) emit(tr - (1 + dice.int(600)) * MINUTE, typeOf(r + 1, dice.int(stepsPerStage[r + 1]!)), dice.int(channels.length));
			if (r > 0 && c % 5 === 2) emit(plan.at[c * S + r - 1]! - (1 + dice.int(600)) * MINUTE, plan.step[c * S + r]!, dice.int(channels.length));
			// Skipping a stage after dropping off: counted as skipped, never as reached.
			if (r + 2 < S && c % 11 === 3) emit(tr + (1 + dice.int(600)) * MINUTE, typeOf(r + 2, dice.int(stepsPerStage[r + 2]!)), dice.int(channels.length));
			// Repeats of a reached stage's events, strictly after its moment.
			if (c % 3 === 0) {
				const s = dice.int(r + 1);
				emit(plan.at[c * S + s]! + (1 + dice.int(2000)) * MINUTE, plan.step[c * S + s]!, plan.channel[c * S + s]!);
			}
		} else if (c < journeys + mid) {
			// Entered mid-journey: events of stages k…m in order, none of stage k − 1.
			const k = 1 + dice.int(S - 1);
			const m = k + dice.int(S - k);
			let t = start + dice.int(spread / MINUTE) * MINUTE;
			for (let s = k; s <= m; s++) {
				emit(t, typeOf(s, dice.int(stepsPerStage[s]!)), dice.int(channels.length + 1) - 1);
				t += (1 + dice.int(600)) * MINUTE;
			}
		}
		// Outcome-neutral filler: unbound types anywhere, or a reached stage's own types after its moment.
		const anchor = r >= 0 ? plan.at[c * S]! : start + dice.int(spread / MINUTE) * MINUTE;
		while (columns.length - before < fill) {
			if (r >= 0 && dice.next() < 0.7) {
				const s = dice.int(r + 1);
				// Any alternative of a reached stage, strictly after the stage's moment.
				const type = typeOf(s, dice.int(stepsPerStage[s]!));
				emit(plan.at[c * S + s]! + (1 + dice.int(30 * 24 * 60)) * MINUTE, type, dice.int(channels.length + 1) - 1);
			} else if (noiseTypes > 0) {
				emit(anchor + (dice.int(60 * 24 * 60) - 30 * 24 * 60) * MINUTE, steps.length + dice.int(noiseTypes), dice.int(channels.length + 1) - 1);
			} else break;
		}
		for (let s = r + 2; s < S; s++) plan.skipped[c * S + s] = seen[s]!;
	}

	const n = columns.length;
	const log: EventLog = {
		customer: columns.customer.slice(0, n),
		at: columns.at.slice(0, n),
		type: columns.type.slice(0, n),
		channel: columns.channel.slice(0, n),
		eventTypes,
		channels,
		customerCount: customers
	};
	if (design.shuffle ?? true) {
		const order = new Int32Array(n);
		for (let i = 0; i < n; i++) order[i] = i;
		shuffleInPlace(order, createRandom(deriveSeed(design.seed, 3)));
		const permute = <T extends Int32Array | Float64Array>(column: T, fresh: T): T => {
			for (let i = 0; i < n; i++) fresh[i] = column[order[i]!]!;
			return fresh;
		};
		log.customer = permute(log.customer, new Int32Array(n));
		log.at = permute(log.at, new Float64Array(n));
		log.type = permute(log.type, new Int32Array(n));
		log.channel = permute(log.channel, new Int32Array(n));
	}
	return { log, steps, plan, first, last };
}

/**
 * The funnel the plan implies, in computeFunnel's shape, for the customers in `include` (all
 * without it), with clv = plan.clv. Aggregated from the plan, never from the events.
 */
export function plannedFunnel(generated: GeneratedJourney, include?: Uint8Array): FunnelResult {
	const { plan, steps, log } = generated;
	const S = plan.stageCount;
	const name = (code: number) => (code === -1 ? UNKNOWN_CHANNEL : log.channels[code]!);
	const stepStage = steps.map((step) => step.stage / 10);
	const acc = steps.map(() => ({
		reached: 0,
		converted: 0,
		clvSum: 0,
		risk: 0,
		hours: [] as number[],
		byChannel: new Map<number, { reached: number; converted: number }>(),
		switches: new Map<string, number>()
	}));
	const stageReached = new Array<number>(S).fill(0);
	const stageSkipped = new Array<number>(S).fill(0);
	let inCut = 0;
	for (let c = 0; c < log.customerCount; c++) {
		if (include && include[c] !== 1) continue;
		inCut++;
		const r = plan.reach[c]!;
		for (let s = r + 2; s < S; s++) stageSkipped[s]! += plan.skipped[c * S + s]!;
		for (let s = 0; s <= r; s++) {
			const a = acc[plan.step[c * S + s]!]!;
			const channel = plan.channel[c * S + s]!;
			const cell = a.byChannel.get(channel) ?? { reached: 0, converted: 0 };
			a.byChannel.set(channel, cell);
			stageReached[s]!++;
			a.reached++;
			cell.reached++;
			a.clvSum += plan.clv[c]!;
			if (s < r) {
				a.converted++;
				cell.converted++;
				a.hours.push((plan.at[c * S + s + 1]! - plan.at[c * S + s]!) / HOUR);
				const key = `${channel}|${plan.channel[c * S + s + 1]}`;
				a.switches.set(key, (a.switches.get(key) ?? 0) + 1);
			} else if (s < S - 1) a.risk += plan.clv[c]!;
		}
	}
	const metrics: StepMetrics[] = steps.map((step, j) => {
		const a = acc[j]!;
		const stageIndex = stepStage[j]!;
		const isLastStage = stageIndex === S - 1;
		const conversion = isLastStage || a.reached === 0 ? null : a.converted / a.reached;
		const codes = [...a.byChannel.keys()].sort((x, y) => (x === -1 ? 1 : y === -1 ? -1 : x - y));
		return {
			stepId: step.id,
			stage: step.stage,
			stageIndex,
			eventTypes: [...step.eventTypes],
			isLastStage,
			reached: a.reached,
			converted: isLastStage ? 0 : a.converted,
			conversion,
			dropOff: conversion === null ? null : 1 - conversion,
			dropOffCount: isLastStage ? null : a.reached - a.converted,
			medianHoursToNext: isLastStage || a.hours.length === 0 ? null : quantileSorted(Float64Array.from(a.hours).sort(), 0.5),
			clvMean: a.reached > 0 ? a.clvSum / a.reached : null,
			clvN: a.reached,
			revenueMean: null,
			revenueN: 0,
			valueAtRisk: isLastStage ? null : a.risk,
			channelSwitches: isLastStage
				? []
				: [...a.switches.entries()]
						.map(([key, customers]) => {
							const [fromCode, toCode] = key.split('|').map(Number) as [number, number];
							return { from: name(fromCode), to: name(toCode), fromCode, toCode, customers };
						})
						.sort((x, y) => y.customers - x.customers || x.fromCode - y.fromCode || x.toCode - y.toCode),
			byChannel: codes.map((code) => {
				const cell = a.byChannel.get(code)!;
				const converted = isLastStage ? 0 : cell.converted;
				return { channel: name(code), channelCode: code, reached: cell.reached, converted, conversion: isLastStage ? null : cell.converted / cell.reached };
			})
		};
	});
	return {
		steps: metrics,
		stageReached,
		stageSkipped,
		stages: stageReached.map((reached, s) => ({
			stage: 10 * s,
			stageIndex: s,
			stepIds: steps.filter((_, j) => stepStage[j] === s).map((step) => step.id),
			reached,
			converted: s === S - 1 ? 0 : stageReached[s + 1]!,
			conversion: s === S - 1 ? null : reached > 0 ? stageReached[s + 1]! / reached : null,
			skipped: stageSkipped[s]!
		})),
		customersInCut: inCut
	};
}
