import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, useDb } from '../db/connection';
import { runImport } from './run';
import type { FromImportWorker, ImportWorkerData, PostedEnd } from './worker-protocol';
import { runInBackground } from '../workers/background-priority';

/*
 * Entry of an import worker thread: runs one import (parsing, validation, hashing, staging and
 * the final move) through a connection of its own to the server's database file, so none of it
 * holds the server's event loop. It reports progress and its end to job.ts, which writes them;
 * the move itself marks the import done. The production build bundles this file into
 * build/server/workers/import.js (vite.config.ts).
 */

const port = parentPort;
if (port) {
	runInBackground();
	const { job, databasePath, cancel } = workerData as ImportWorkerData;
	const flag = new Int32Array(cancel);
	const send = (message: FromImportWorker) => port.postMessage(message);
	const db = openDatabase(databasePath, { migrate: false });
	// The staging table of a million rows is ~100 MB: in memory it would double the server's
	// footprint. In a TEMP file with a page cache of its own it costs little more time.
	db.$client.pragma(`temp.cache_size = ${-16 * 1024}`);
	useDb(db);
	void runImport(job, {
		cancelled: () => Atomics.load(flag, 0) === 1,
		progress: (update) => send({ type: 'progress', update })
	})
		.then((end): PostedEnd => {
			if (end.status !== 'crashed') return end;
			const error = end.error instanceof Error ? end.error : new Error(String(end.error));
			return { status: 'crashed', name: error.name, message: error.message, stack: error.stack };
		})
		.then((end) => send({ type: 'end', end }))
		.finally(() => db.$client.close());
}
