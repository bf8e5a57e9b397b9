import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { finishStepwise } from '../stepwise';
import { builtWorkerFile } from '../workers/locate';
import { askOnce } from '../workers/one-answer';
import { getDb } from './connection';
import { readTransactionData, TRANSACTION_CHUNK, type TransactionReadAnswer, type TransactionReadRequest, type TransactionReadResult } from './transaction-read';

/*
 * Reads a workspace's transactions and what the analyses need beside them (a million rows are a
 * second of SQLite and of turning rows into numbers) in a worker thread with a read-only
 * connection of its own, while the server's thread goes on with other requests; the columns come
 * back as transferred typed arrays. Without the bundled worker (`vite dev`, vitest) or with an
 * in-memory database, and when the worker fails, the read runs in this thread in chunks, the
 * event loop free between them.
 */

/** The worker stopped without an answer (crashed, or was terminated). */
export class TransactionReaderStopped extends Error {
	override readonly name = 'TransactionReaderStopped';
}

const running = new Set<Worker>();
let stopping = false;

/** What `request` asks, read by a worker that `spawn` starts (before this returns its promise), from the file at `databasePath`. */
export function readTransactionsInWorker(databasePath: string, request: TransactionReadRequest, spawn: () => Worker): Promise<TransactionReadResult> {
	return askOnce(spawn(), { databasePath, request }, {
		running,
		value: (answer: Extract<TransactionReadAnswer, { type: 'done' }>) => answer.result,
		stopped: (message, cause) => new TransactionReaderStopped(message, { cause }),
		name: 'The transaction reader worker'
	});
}

/**
 * In a worker started by `spawn` (none: null); when it fails, logged and read again in this
 * thread in chunks. A worker stopped for shutdown fails the read.
 */
export async function readTransactionsFallingBack(client: Database.Database, request: TransactionReadRequest, spawn: (() => Worker) | null): Promise<TransactionReadResult> {
	if (spawn) {
		try {
			return await readTransactionsInWorker(client.name, request, spawn);
		} catch (error) {
			if (stopping) throw error;
			console.error(`[transactions] reading the transactions of workspace ${request.workspaceId} in a worker thread failed; reading them in the server thread instead`, error);
		}
	}
	return finishStepwise(readTransactionData(client, request, TRANSACTION_CHUNK));
}

/** What `request` asks, without holding the event loop: in the bundled worker when there is one, else here in chunks. */
export function readTransactionsOffLoop(request: TransactionReadRequest): Promise<TransactionReadResult> {
	const client = getDb().$client;
	const file = builtWorkerFile('transaction-reader');
	const spawn = file && !client.memory ? () => new Worker(file, { name: 'transaction-reader' }) : null;
	return readTransactionsFallingBack(client, request, spawn);
}

/** Terminates every transaction reader worker still running (server shutdown); their reads fail rather than start over. */
export async function terminateTransactionReaders(): Promise<void> {
	stopping = true;
	await Promise.all([...running].map((worker) => worker.terminate()));
}
