/**
 * What-if on one step: "if drop-off here fell by X percentage points". The extra customers who go
 * on to the next stage are assumed to behave like the customers already there, so they flow through
 * every later stage at that stage's observed conversion (all alternatives of the stage together)
 * down to the last stage; the value is the extra final conversions times the caller's value per
 * final conversion. Figures are for the same customers and time window as the funnel they come from:
 * to project over a longer horizon, the caller scales the values per final conversion (or the result).
 */
import type { StepMetrics } from './types';

export interface WhatIfInput {
	stepId: string;
	/** Percentage points by which drop-off at the step falls (negative = rises). */
	dropOffPoints: number;
}

export interface WhatIfValues {
	/** Revenue one more customer reaching the last stage brings (data's currency, over the caller's horizon). */
	revenuePerFinalConversion: number;
	/** CLV of one more customer reaching the last stage. */
	clvPerFinalConversion: number;
}

export interface WhatIfFlowStage {
	stage: number;
	stageIndex: number;
	/** Extra customers arriving at this stage. */
	extraCustomers: number;
	/** Observed conversion of the stage to the next, used to carry them on; null at the last stage. */
	conversion: number | null;
}

export interface WhatIfExplanation {
	stepId: string;
	stage: number;
	reached: number;
	/** Drop-off as observed and after the change (shares 0…1); null when the step cannot be changed. */
	currentDropOff: number | null;
	newDropOff: number | null;
	/** The points actually applied: limited so drop-off stays within 0…100 %. */
	pointsApplied: number;
	capped: boolean;
	/** From the next stage to the last. Empty when the step is in the last stage. */
	flow: WhatIfFlowStage[];
	/** Why nothing changes, when nothing does. */
	reason: 'ok' | 'last-stage' | 'not-reached' | 'downstream-not-reached';
	revenuePerFinalConversion: number;
	clvPerFinalConversion: number;
}

export interface WhatIfResult {
	extraReachedNext: number;
	extraFinalConversions: number;
	extraRevenue: number;
	extraClv: number;
	explanation: WhatIfExplanation;
}

/**
 * Value of one more final conversion as the data sees it: the mean revenue and mean CLV of the
 * customers who reached the last stage (all its alternatives, weighted by their customers).
 * Null where the funnel was computed without revenue or clv, or nobody reached the last stage.
 */
export function whatIfValues(funnel: readonly StepMetrics[]): { revenuePerFinalConversion: number | null; clvPerFinalConversion: number | null } {
	const final = funnel.filter((m) => m.isLastStage);
	const weighted = (mean: (m: StepMetrics) => number | null, n: (m: StepMetrics) => number): number | null => {
		let sum = 0;
		let count = 0;
		for (const m of final) {
			const value = mean(m);
			if (value === null) continue;
			sum += value * n(m);
			count += n(m);
		}
		return count > 0 ? sum / count : null;
	};
	return {
		revenuePerFinalConversion: weighted((m) => m.revenueMean, (m) => m.revenueN),
		clvPerFinalConversion: weighted((m) => m.clvMean, (m) => m.clvN)
	};
}

export function whatIf(funnel: readonly StepMetrics[], input: WhatIfInput, values: WhatIfValues): WhatIfResult {
	const step = funnel.find((m) => m.stepId === input.stepId);
	if (!step) throw new RangeError(`no step ${input.stepId} in the funnel`);
	if (!Number.isFinite(input.dropOffPoints)) throw new RangeError(`dropOffPoints must be a number, got ${input.dropOffPoints}`);
	const lastIndex = Math.max(...funnel.map((m) => m.stageIndex));
	// Stage conversion over all alternatives: extra customers are not assigned to any one path.
	const stageReached = new Map<number, { stage: number; reached: number; converted: number }>();
	for (const m of funnel) {
		const entry = stageReached.get(m.stageIndex) ?? { stage: m.stage, reached: 0, converted: 0 };
		entry.reached += m.reached;
		entry.converted += m.converted;
		stageReached.set(m.stageIndex, entry);
	}
	const explanation: WhatIfExplanation = {
		stepId: step.stepId,
		stage: step.stage,
		reached: step.reached,
		currentDropOff: step.dropOff,
		newDropOff: null,
		pointsApplied: 0,
		capped: false,
		flow: [],
		reason: 'ok',
		revenuePerFinalConversion: values.revenuePerFinalConversion,
		clvPerFinalConversion: values.clvPerFinalConversion
	};
	const nothing = (reason: WhatIfExplanation['reason']): WhatIfResult => ({
		extraReachedNext: 0,
		extraFinalConversions: 0,
		extraRevenue: 0,
		extraClv: 0,
		explanation: { ...explanation, reason }
	});
	if (step.isLastStage) return nothing('last-stage');
	if (step.dropOff === null) return nothing('not-reached');

	const currentPoints = step.dropOff * 100;
	// Drop-off cannot fall below 0 % nor rise above 100 %.
	const points = Math.min(currentPoints, Math.max(currentPoints - 100, input.dropOffPoints));
	explanation.pointsApplied = points;
	explanation.capped = points !== input.dropOffPoints;
	explanation.newDropOff = (currentPoints - points) / 100;
	const extraReachedNext = (step.reached * points) / 100;

	let extra = extraReachedNext;
	let unobserved = false;
	for (let s = step.stageIndex + 1; s <= lastIndex; s++) {
		const entry = stageReached.get(s)!;
		const conversion = s === lastIndex ? null : entry.reached > 0 ? entry.converted / entry.reached : 0;
		if (s < lastIndex && entry.reached === 0) unobserved = true;
		explanation.flow.push({ stage: entry.stage, stageIndex: s, extraCustomers: extra, conversion });
		if (conversion !== null) extra *= conversion;
	}
	if (unobserved) explanation.reason = 'downstream-not-reached';
	return {
		extraReachedNext,
		extraFinalConversions: extra,
		extraRevenue: extra * values.revenuePerFinalConversion,
		extraClv: extra * values.clvPerFinalConversion,
		explanation
	};
}
