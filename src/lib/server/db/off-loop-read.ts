import { Worker } from 'node:worker_threads';
import { builtWorkerFile } from '../workers/locate';
import { askOnce } from '../workers/one-answer';
import { getDb } from './connection';
import { runQueries } from './off-loop-read-queries';
import type { OffLoopReadAnswer, ReadQuery } from './off-loop-read.protocol';

/*
 * Reads that take longer than a request may hold the server's thread — counting or listing the
 * members of a customer group over 200,000 customers takes 150–200 ms of SQLite — run in a
 * worker thread with a read-only connection of its own. Repository functions keep their SQL and
 * choose this executor; without the bundled worker (`vite dev`, vitest) or with an in-memory
 * database the statements run here.
 */

export type { ReadQuery } from './off-loop-read.protocol';

const running = new Set<Worker>();

/** The results of `queries`, in order, read in one transaction off the server's thread when it can be. */
export async function readOffLoop(queries: ReadQuery[]): Promise<unknown[]> {
	const client = getDb().$client;
	const file = builtWorkerFile('off-loop-read');
	if (!file || client.memory) return runQueries(client, queries);
	return readInWorker(new Worker(file, { name: 'off-loop-read' }), client.name, queries);
}

/** The results of `queries` read by `worker` (an off-loop-read worker) from the database file at `databasePath`. */
export function readInWorker(worker: Worker, databasePath: string, queries: ReadQuery[]): Promise<unknown[]> {
	return askOnce(worker, { databasePath, queries }, {
		running,
		value: (answer: Extract<OffLoopReadAnswer, { type: 'done' }>) => answer.results,
		stopped: (message, cause) => new Error(message, { cause }),
		name: 'The off-loop read worker'
	});
}

/** Terminates every read worker still running (server shutdown). */
export async function terminateOffLoopReads(): Promise<void> {
	await Promise.all([...running].map((worker) => worker.terminate()));
}
