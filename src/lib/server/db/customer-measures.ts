import { finishStepwise } from '../stepwise';
import { Worker } from 'node:worker_threads';
import { builtWorkerFile } from '../workers/locate';
import { askOnce } from '../workers/one-answer';
import { getDb } from './connection';
import { currentMeasureSet, datasetVersionOf, rebuildMeasures, type MeasureSet } from './measure-build';
import type { MeasureBuildAnswer, MeasureBuildRequest } from './measure-builder.worker';

export type { MeasureSet } from './measure-build';

/*
 * The measures group rules test, kept per workspace and rebuilt when an import or an erasure has
 * moved the dataset version on since they were built (the rule and the steps: measure-build.ts).
 * A rebuild runs in a worker thread with its own connection (seconds of SQL at 200,000
 * customers, which on this thread would hold every request meanwhile); without the bundled
 * worker (`vite dev`, vitest) or with an in-memory database, and when the worker fails, it runs
 * here, the event loop yielded between its transactions. Callers of one workspace share one rebuild.
 */

const rebuilding = new Map<string, Promise<MeasureSet>>();
const running = new Set<Worker>();
let stopping = false;

/** A worker stopped without an answer (crashed, or was terminated). */
export class MeasureBuilderStopped extends Error {
	override readonly name = 'MeasureBuilderStopped';
}

function rebuildInWorker(file: URL, request: MeasureBuildRequest): Promise<MeasureSet> {
	return askOnce(new Worker(file, { name: 'measure-builder' }), request, {
		running,
		value: (answer: Extract<MeasureBuildAnswer, { type: 'done' }>) => answer.set,
		stopped: (message, cause) => new MeasureBuilderStopped(message, { cause }),
		name: 'The measure builder'
	});
}

async function rebuildHere(workspaceId: string): Promise<MeasureSet> {
	return finishStepwise(rebuildMeasures(getDb().$client, workspaceId));
}

async function rebuild(workspaceId: string): Promise<MeasureSet> {
	const client = getDb().$client;
	const file = builtWorkerFile('measure-builder');
	if (file && !client.memory) {
		try {
			return await rebuildInWorker(file, { databasePath: client.name, workspaceId });
		} catch (error) {
			if (stopping) throw error;
			console.error(`[measures] rebuilding the customer measures of workspace ${workspaceId} in a worker thread failed; rebuilding them in the server thread instead`, error);
		}
	}
	return rebuildHere(workspaceId);
}

/** The workspace's current measures, up to date with its dataset version: rebuilt first when they are not. */
export async function ensureMeasures(workspaceId: string): Promise<MeasureSet> {
	const client = getDb().$client;
	// An import that finished during a rebuild moved the version on again: built again for it.
	for (;;) {
		// Most calls find the measures current: a plain read, no write lock.
		const version = datasetVersionOf(client, workspaceId);
		const known = currentMeasureSet(client, workspaceId);
		if (known && known.datasetVersion === version) return { datasetVersion: known.datasetVersion, referenceAt: known.referenceAt };
		let shared = rebuilding.get(workspaceId);
		if (!shared) {
			shared = rebuild(workspaceId).finally(() => rebuilding.delete(workspaceId));
			rebuilding.set(workspaceId, shared);
		}
		const built = await shared;
		if (built.datasetVersion === datasetVersionOf(client, workspaceId)) return built;
	}
}

/** Terminates every measure builder still running (server shutdown); what they wrote is never made current. */
export async function terminateMeasureBuilders(): Promise<void> {
	stopping = true;
	await Promise.all([...running].map((worker) => worker.terminate()));
}
