import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { partBuffers, readCustomers, readEventPart, runToEnd, type EventReadAnswer, type EventReadRequest } from './event-read';
import { failureOf } from '../workers/one-answer';
import { runInBackground } from '../workers/background-priority';

/*
 * Entry of an event reader worker thread: reads one id range of a workspace's events through a
 * read-only connection of its own (WAL lets readers run beside the server's connection) and
 * answers with the part's columns (its customers numbered as it read them), their buffers transferred. One request per worker. The
 * production build bundles this file into build/server/workers/event-reader.js (vite.config.ts);
 * event-reader.ts starts it.
 */

const port = parentPort;
if (port) {
	runInBackground();
	port.once('message', (request: EventReadRequest) => {
		let client: Database.Database | null = null;
		try {
			// Said here rather than by better-sqlite3: its error thrown while this thread is being
			// terminated (a sibling reader failed first and event-reader.ts stops the others) aborts
			// the whole process (v8 "ToLocalChecked Empty MaybeLocal").
			if (!existsSync(request.databasePath)) throw new Error(`The database file ${request.databasePath} does not exist`);
			client = new Database(request.databasePath, { readonly: true, fileMustExist: true });
			const customers = readCustomers(client, request.workspaceId, request.externalIds);
			const part = runToEnd(readEventPart(client, request.workspaceId, request.plan, request.from, request.to, customers.ids));
			if (request.externalIds) part.externalIds = customers.externalIds;
			const answer: EventReadAnswer = { type: 'done', part };
			port.postMessage(answer, partBuffers(part));
		} catch (error) {
			port.postMessage(failureOf(error) satisfies EventReadAnswer);
		} finally {
			client?.close();
		}
	});
}
