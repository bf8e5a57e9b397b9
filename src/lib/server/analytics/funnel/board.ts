/**
 * Turns a board's bound steps into lookup tables over event type codes, so the walk decides
 * "does this event move the customer on, and to which step" with one array read.
 */
import type { FunnelStep } from './types';

export interface CompiledFunnel {
	/** Steps in funnel order: by stage, then the order they were given in. */
	steps: FunnelStep[];
	/** Funnel stage index of each step (dense, 0…stageCount−1). */
	stepStage: Int32Array;
	/** Board stage position of each funnel stage. */
	stagePositions: number[];
	stageCount: number;
	/**
	 * stepFor[type × stageCount + s]: the step credited when an event of `type` qualifies for funnel
	 * stage s, or −1. Where two alternatives of one stage share a type, the earlier step wins —
	 * the same rule as for ties in time.
	 */
	stepFor: Int32Array;
	/**
	 * Stages of each type as bits (bit s for stage s; stages ≥ 31 share bit 31): the walk ORs them
	 * per customer as a branch-free "could there be a skip?" test, settled exactly by a re-scan.
	 */
	typeStageBits: Int32Array;
	/** Stages of each type as a compact list: typeStages[typeStageStart[t] … typeStageStart[t + 1] − 1]. */
	typeStageStart: Int32Array;
	typeStages: Int32Array;
}

export function compileFunnel(steps: readonly FunnelStep[], eventTypes: readonly string[]): CompiledFunnel {
	const ids = new Set<string>();
	for (const step of steps) {
		if (ids.has(step.id)) throw new RangeError(`step ${step.id} is bound twice`);
		if (!Number.isFinite(step.stage)) throw new RangeError(`step ${step.id}: stage ${step.stage} is not a number`);
		ids.add(step.id);
	}
	const stagePositions = [...new Set(steps.map((s) => s.stage))].sort((a, b) => a - b);
	const stageIndex = new Map(stagePositions.map((position, index) => [position, index]));
	// Array.prototype.sort is stable, so alternatives keep the board's order within a stage.
	const ordered = [...steps].sort((a, b) => a.stage - b.stage);
	const stageCount = stagePositions.length;
	const typeCode = new Map(eventTypes.map((name, code) => [name, code]));
	const typeCount = eventTypes.length;
	const stepFor = new Int32Array(typeCount * stageCount).fill(-1);
	const typeStageBits = new Int32Array(typeCount);
	const stepStage = new Int32Array(ordered.length);
	ordered.forEach((step, j) => {
		const s = stageIndex.get(step.stage)!;
		stepStage[j] = s;
		for (const name of step.eventTypes) {
			// A type absent from the data simply never fires: the step shows 0 reached, not an error.
			const code = typeCode.get(name);
			if (code === undefined) continue;
			if (stepFor[code * stageCount + s] === -1) stepFor[code * stageCount + s] = j;
			typeStageBits[code]! |= 1 << Math.min(s, 31);
		}
	});
	const typeStageStart = new Int32Array(typeCount + 1);
	const lists: number[] = [];
	for (let t = 0; t < typeCount; t++) {
		for (let s = 0; s < stageCount; s++) if (stepFor[t * stageCount + s]! >= 0) lists.push(s);
		typeStageStart[t + 1] = lists.length;
	}
	return {
		steps: ordered,
		stepStage,
		stagePositions,
		stageCount,
		stepFor,
		typeStageBits,
		typeStageStart,
		typeStages: Int32Array.from(lists)
	};
}
