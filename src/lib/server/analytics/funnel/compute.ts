/**
 * computeFunnel: the figures per bound step of a board, from the events of the customers in the
 * cut within the time window. The ordering rule is documented in index.ts.
 */
import { compileFunnel } from './board';
import { medianInPlace } from './median';
import { indexEventLog, type IndexedEventLog } from './event-index';
import type { ChannelFigures, ChannelSwitch, EventLog, FunnelOptions, FunnelResult, FunnelStep, StageMetrics, StepMetrics } from './types';
import { walkFunnelInSteps, type Tallies, type WalkOptions } from './walk';
import { runToEnd, type Stepwise } from '../../../domain/stepwise';

/** Label of channel code −1 in the figures; channelCode (−1) is the unambiguous key. */
export const UNKNOWN_CHANNEL = 'unknown';

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

function channelName(log: EventLog, slot: number): string {
	return slot === 0 ? UNKNOWN_CHANNEL : log.channels[slot - 1]!;
}

function byChannel(log: EventLog, tallies: Tallies, step: number, isLast: boolean): ChannelFigures[] {
	const slots = tallies.channelSlots;
	const figures: ChannelFigures[] = [];
	// Known channels in the log's order, unknown last: a stable order the UI can rely on.
	for (let k = 1; k <= slots; k++) {
		const slot = k % slots;
		const reached = tallies.reachedByChannel[step * slots + slot]!;
		if (reached === 0) continue;
		const converted = isLast ? 0 : tallies.convertedByChannel[step * slots + slot]!;
		figures.push({ channel: channelName(log, slot), channelCode: slot - 1, reached, converted, conversion: isLast ? null : ratio(converted, reached) });
	}
	return figures;
}

function channelSwitches(log: EventLog, tallies: Tallies, step: number): ChannelSwitch[] {
	const slots = tallies.channelSlots;
	const list: ChannelSwitch[] = [];
	for (let a = 0; a < slots; a++) {
		for (let b = 0; b < slots; b++) {
			const customers = tallies.switches[(step * slots + a) * slots + b]!;
			if (customers > 0) list.push({ from: channelName(log, a), to: channelName(log, b), fromCode: a - 1, toCode: b - 1, customers });
		}
	}
	// Most customers first; ties by channel codes so the order is deterministic.
	return list.sort((x, y) => y.customers - x.customers || x.fromCode - y.fromCode || x.toCode - y.toCode);
}

function medianHours(tallies: Tallies, step: number): number | null {
	const list = tallies.hoursToNext[step]!;
	return list.length > 0 ? medianInPlace(list.copy()) : null;
}

/** The walk's options from the caller's, checked. */
export function walkOptionsOf(log: IndexedEventLog, options: FunnelOptions): WalkOptions {
	const from = options.from ?? -Infinity;
	const to = options.to ?? Infinity;
	if (Number.isNaN(from) || Number.isNaN(to)) throw new RangeError('from and to must be epoch ms');
	const entry = options.entryChannel;
	if (entry !== undefined && !(Number.isInteger(entry) && entry >= -1 && entry < log.channels.length))
		throw new RangeError(`entryChannel ${entry} is not a channel code (−1…${log.channels.length - 1})`);
	return { from, to, maxGapMs: options.maxGapMs ?? Infinity, include: options.include, clv: options.clv, revenue: options.revenue, entrySlot: entry === undefined ? undefined : entry + 1 };
}

/**
 * Accepts a raw or an indexed log; a raw log is indexed on every call, so callers asking more than
 * once (other cuts, windows, boards) should call indexEventLog once and pass its result.
 */
export function computeFunnel(log: EventLog | IndexedEventLog, steps: FunnelStep[], options: FunnelOptions = {}): FunnelResult {
	return runToEnd(computeFunnelInSteps(log, steps, options));
}

/** computeFunnel in steps (the walk over the customers yields now and then), for a server thread. */
export function* computeFunnelInSteps(log: EventLog | IndexedEventLog, steps: FunnelStep[], options: FunnelOptions = {}): Stepwise<FunnelResult> {
	const indexed = indexEventLog(log);
	const funnel = compileFunnel(steps, indexed.eventTypes);
	const tallies = yield* walkFunnelInSteps(indexed, funnel, walkOptionsOf(indexed, options));
	const hasClv = options.clv !== undefined;
	const last = funnel.stageCount - 1;

	const stepMetrics: StepMetrics[] = [];
	for (const [j, step] of funnel.steps.entries()) {
		// The median of a step's times to the next stage sorts up to one value per customer.
		if (j > 0) yield;
		const stageIndex = funnel.stepStage[j]!;
		const isLastStage = stageIndex === last;
		const reached = tallies.reached[j]!;
		const converted = isLastStage ? 0 : tallies.converted[j]!;
		const conversion = isLastStage ? null : ratio(converted, reached);
		stepMetrics.push({
			stepId: step.id,
			stage: step.stage,
			stageIndex,
			eventTypes: [...step.eventTypes],
			isLastStage,
			reached,
			converted,
			conversion,
			dropOff: conversion === null ? null : 1 - conversion,
			dropOffCount: isLastStage ? null : reached - converted,
			medianHoursToNext: isLastStage ? null : medianHours(tallies, j),
			clvMean: hasClv ? ratio(tallies.clvSum[j]!, tallies.clvN[j]!) : null,
			clvN: tallies.clvN[j]!,
			revenueMean: options.revenue ? ratio(tallies.revenueSum[j]!, tallies.revenueN[j]!) : null,
			revenueN: tallies.revenueN[j]!,
			valueAtRisk: hasClv && !isLastStage ? tallies.riskSum[j]! : null,
			channelSwitches: isLastStage ? [] : channelSwitches(indexed, tallies, j),
			byChannel: byChannel(indexed, tallies, j, isLastStage)
		});
	}

	const stages: StageMetrics[] = funnel.stagePositions.map((stage, s) => {
		const reached = tallies.stageReached[s]!;
		const converted = s === last ? 0 : tallies.stageReached[s + 1]!;
		return {
			stage,
			stageIndex: s,
			stepIds: stepMetrics.filter((m) => m.stageIndex === s).map((m) => m.stepId),
			reached,
			converted,
			conversion: s === last ? null : ratio(converted, reached),
			skipped: tallies.stageSkipped[s]!
		};
	});

	return {
		steps: stepMetrics,
		stageReached: Array.from(tallies.stageReached),
		stageSkipped: Array.from(tallies.stageSkipped),
		stages,
		customersInCut: tallies.customersInCut
	};
}
