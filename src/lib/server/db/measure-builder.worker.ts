import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import { rebuildMeasures, type MeasureSet } from './measure-build';
import { failureOf } from '../workers/one-answer';
import type { WorkerFailure } from '../workers/one-answer';
import { runInBackground } from '../workers/background-priority';

/*
 * Entry of a measure builder worker thread: rebuilds one workspace's customer measures through a
 * connection of its own (measure-build.ts), so that neither the computation nor the writing runs
 * on the server's event loop. After each write transaction it pauses as long as that took, at
 * least a millisecond (at most MAX_PAUSE_MS, for the read): a server-thread writer waiting on busy_timeout gets the lock in the gap
 * rather than racing a builder that takes it straight back. One request per worker. The
 * production build bundles this file into build/server/workers/measure-builder.js
 * (vite.config.ts); customer-measures.ts starts it.
 */

export interface MeasureBuildRequest {
	databasePath: string;
	workspaceId: string;
}

export type MeasureBuildAnswer =
	| { type: 'done'; set: MeasureSet }
	| WorkerFailure;

const MAX_PAUSE_MS = 20;
const pause = new Int32Array(new SharedArrayBuffer(4));

const port = parentPort;
if (port) {
	runInBackground();
	port.once('message', (request: MeasureBuildRequest) => {
		let client: Database.Database | null = null;
		try {
			client = new Database(request.databasePath, { fileMustExist: true });
			client.pragma('busy_timeout = 5000');
			client.pragma('foreign_keys = ON');
			client.pragma('synchronous = NORMAL');
			const steps = rebuildMeasures(client, request.workspaceId);
			for (;;) {
				const started = performance.now();
				const step = steps.next();
				if (step.done) {
					port.postMessage({ type: 'done', set: step.value } satisfies MeasureBuildAnswer);
					break;
				}
				Atomics.wait(pause, 0, 0, Math.min(MAX_PAUSE_MS, Math.max(1, performance.now() - started)));
			}
		} catch (error) {
			port.postMessage(failureOf(error) satisfies MeasureBuildAnswer);
		} finally {
			client?.close();
		}
	});
}
