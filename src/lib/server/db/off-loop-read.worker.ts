import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import { failureOf } from '../workers/one-answer';
import { runQueries } from './off-loop-read-queries';
import type { OffLoopReadAnswer, OffLoopReadRequest } from './off-loop-read.protocol';
import { runInBackground } from '../workers/background-priority';

/*
 * Entry of the off-loop read worker thread: runs a few read-only statements through a read-only
 * connection of its own (WAL lets it read beside the server's connection), all in one read
 * transaction so they see one state of the data, and answers with their results. The worker
 * lives as long as the server and serves its reads one after another (the group rule preview
 * asks on every keystroke: a thread and a connection opened per read cost more than the read);
 * its connection stays open between them. The production build bundles this file into
 * build/server/workers/off-loop-read.js (vite.config.ts); off-loop-read.ts starts it.
 */

const connections = new Map<string, Database.Database>();

function connection(databasePath: string): Database.Database {
	let client = connections.get(databasePath);
	if (!client) connections.set(databasePath, (client = new Database(databasePath, { readonly: true, fileMustExist: true })));
	return client;
}

const port = parentPort;
if (port) {
	runInBackground();
	port.on('message', ({ id, databasePath, queries }: OffLoopReadRequest) => {
		try {
			port.postMessage({ id, type: 'done', results: runQueries(connection(databasePath), queries) } satisfies OffLoopReadAnswer);
		} catch (error) {
			port.postMessage({ id, ...failureOf(error) } satisfies OffLoopReadAnswer);
		}
	});
}
