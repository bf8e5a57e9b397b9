import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import { runToEnd } from '$lib/domain/stepwise';
import { failureOf } from '../workers/one-answer';
import { runInBackground } from '../workers/background-priority';
import { readTransactionData, resultBuffers, type TransactionReadAnswer, type TransactionWorkerRequest } from './transaction-read';

/*
 * Entry of a transaction reader worker thread: reads what the request asks (the rows as columns,
 * the span, the customers' facts, revenue per customer) through a read-only connection of its
 * own, all in one read transaction so that they see one state of the data, and answers with the
 * columns' buffers transferred. One request per worker. The production build bundles this file
 * into build/server/workers/transaction-reader.js (vite.config.ts); transaction-reader.ts starts it.
 */

const port = parentPort;
if (port) {
	runInBackground();
	port.once('message', ({ databasePath, request }: TransactionWorkerRequest) => {
		let client: Database.Database | null = null;
		try {
			const db = (client = new Database(databasePath, { readonly: true, fileMustExist: true }));
			const result = db.transaction(() => runToEnd(readTransactionData(db, request, null)))();
			port.postMessage({ type: 'done', result } satisfies TransactionReadAnswer, resultBuffers(result));
		} catch (error) {
			port.postMessage(failureOf(error) satisfies TransactionReadAnswer);
		} finally {
			client?.close();
		}
	});
}
