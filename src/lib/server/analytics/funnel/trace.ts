/**
 * Who of a step's customers went on and who dropped off, by the funnel's own ordering rule (the
 * same walk as the step's figures), with the moments they reached the step and the next stage:
 * what the drop-off drivers compare.
 */
import { compileFunnel } from './board';
import { walkOptionsOf } from './compute';
import type { IndexedEventLog } from './event-index';
import type { FunnelOptions, FunnelStep } from './types';
import { walkFunnelInSteps } from './walk';
import type { Stepwise } from '../../../domain/stepwise';

export interface StepOutcomes {
	/** Per customer: the moment they reached the step; NaN for those not credited to it. */
	reachedAt: Float64Array;
	/** Per customer: the moment they reached the next stage; NaN = dropped off (or not credited). */
	nextAt: Float64Array;
	/** Per customer credited to the step: the channel code of their first-stage event (−1 unknown). */
	entryChannel: Int32Array;
	reached: number;
	wentOn: number;
	isLastStage: boolean;
	/** Type codes bound to a step of this stage or of the next: they define reaching them, so they cannot explain it. */
	journeyTypes: Set<number>;
}

export function* traceStepInSteps(log: IndexedEventLog, steps: FunnelStep[], options: FunnelOptions, stepId: string): Stepwise<StepOutcomes> {
	const funnel = compileFunnel(steps, log.eventTypes);
	const step = funnel.steps.findIndex((s) => s.id === stepId);
	if (step < 0) throw new RangeError(`step ${stepId} is not bound`);
	const n = log.customerCount;
	const trace = {
		step,
		reachedAt: new Float64Array(n).fill(NaN),
		nextAt: new Float64Array(n).fill(NaN),
		entryChannel: new Int32Array(n).fill(-1)
	};
	const tallies = yield* walkFunnelInSteps(log, funnel, { ...walkOptionsOf(log, options), trace });
	const stage = funnel.stepStage[step]!;
	const typeCode = new Map(log.eventTypes.map((name, code) => [name, code]));
	const journeyTypes = new Set<number>();
	funnel.steps.forEach((s, j) => {
		const at = funnel.stepStage[j]!;
		if (at !== stage && at !== stage + 1) return;
		for (const name of s.eventTypes) {
			const code = typeCode.get(name);
			if (code !== undefined) journeyTypes.add(code);
		}
	});
	return {
		...trace,
		reached: tallies.reached[step]!,
		wentOn: tallies.converted[step]!,
		isLastStage: stage === funnel.stageCount - 1,
		journeyTypes
	};
}
