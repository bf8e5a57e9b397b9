import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import { failureOf } from '../workers/one-answer';
import { runQueries } from './off-loop-read-queries';
import type { OffLoopReadAnswer, OffLoopReadRequest } from './off-loop-read.protocol';
import { runInBackground } from '../workers/background-priority';

/*
 * Entry of an off-loop read worker thread: runs a few read-only statements through a read-only
 * connection of its own (WAL lets it read beside the server's connection), all in one read
 * transaction so they see one state of the data, and answers with their results. One request
 * per worker. The production build bundles this file into build/server/workers/off-loop-read.js
 * (vite.config.ts); off-loop-read.ts starts it.
 */

const port = parentPort;
if (port) {
	runInBackground();
	port.once('message', (request: OffLoopReadRequest) => {
		let client: Database.Database | null = null;
		try {
			client = new Database(request.databasePath, { readonly: true, fileMustExist: true });
			port.postMessage({ type: 'done', results: runQueries(client, request.queries) } satisfies OffLoopReadAnswer);
		} catch (error) {
			port.postMessage(failureOf(error) satisfies OffLoopReadAnswer);
		} finally {
			client?.close();
		}
	});
}
