import type { ImportKind } from './kinds';

/*
 * Customer data on its way into a workspace — imports queued or running, and the demo's data while
 * it is generated and then imported — so that pages say so (with progress) instead of showing an
 * empty workspace as if nothing were coming.
 */

/** `demo_files`: the demo's CSV files being generated, before their imports can start. */
export type UnderWayKind = ImportKind | 'demo_files';

export interface UnderWayStep {
	kind: UnderWayKind;
	status: 'queued' | 'running' | 'done' | 'failed';
	/** 0…1; 1 once the step is over. */
	progress: number;
	importId: string | null;
	fileName: string | null;
	/** Rows read so far (imports). */
	rowsRead: number;
}

export interface DataUnderWay {
	/** 0…1 over all steps, each counting alike. */
	progress: number;
	steps: UnderWayStep[];
}

const over = (step: UnderWayStep) => step.status === 'done' || step.status === 'failed';

/** The steps as one answer; null when none of them is still to come. */
export function summariseUnderWay(steps: UnderWayStep[]): DataUnderWay | null {
	if (steps.every(over)) return null;
	const progress = steps.reduce((sum, step) => sum + (over(step) ? 1 : Math.min(1, Math.max(0, step.progress))), 0) / steps.length;
	return { progress, steps };
}
