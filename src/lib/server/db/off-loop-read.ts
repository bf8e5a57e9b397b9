import { Worker } from 'node:worker_threads';
import { builtWorkerFile } from '../workers/locate';
import { rethrown } from '../workers/one-answer';
import { getDb } from './connection';
import { runQueries } from './off-loop-read-queries';
import type { OffLoopReadAnswer, OffLoopReadRequest, ReadQuery } from './off-loop-read.protocol';

/*
 * Reads that take longer than a request may hold the server's thread — counting or listing the
 * members of a customer group over 200,000 customers takes 150–200 ms of SQLite — run in a
 * worker thread with a read-only connection of its own. Repository functions keep their SQL and
 * choose this executor; without the bundled worker (`vite dev`, vitest) or with an in-memory
 * database the statements run here. One worker serves every read, started at the first and kept
 * until shutdown (the group rule preview reads on every keystroke); one that crashed is replaced
 * at the next read.
 */

export type { ReadQuery } from './off-loop-read.protocol';

/** A long-lived read worker that `spawn` starts when a read needs it; its reads are answered in the order asked. */
export class OffLoopReader {
	private worker: Worker | null = null;
	private readonly pending = new Map<number, { resolve: (results: unknown[]) => void; reject: (error: Error) => void }>();
	private nextId = 1;
	private closed = false;

	constructor(private readonly spawn: () => Worker) {}

	/** The results of `queries`, in order, read in one transaction from the database file at `databasePath`. */
	read(databasePath: string, queries: ReadQuery[]): Promise<unknown[]> {
		if (this.closed) return Promise.reject(new Error('The off-loop read worker was closed'));
		const worker = this.worker ?? this.start();
		const id = this.nextId++;
		return new Promise<unknown[]>((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			// A worker with reads in flight keeps the process alive; an idle one does not.
			worker.ref();
			worker.postMessage({ id, databasePath, queries } satisfies OffLoopReadRequest);
		});
	}

	/** Terminates the worker; reads still in flight fail. */
	async close(): Promise<void> {
		this.closed = true;
		const worker = this.worker;
		if (worker) {
			this.stopped(worker, new Error('The off-loop read worker was closed before it answered'));
			await worker.terminate();
		}
	}

	private start(): Worker {
		const worker = this.spawn();
		this.worker = worker;
		worker.on('message', (answer: OffLoopReadAnswer) => {
			const waiting = this.pending.get(answer.id);
			if (!waiting) return;
			this.pending.delete(answer.id);
			if (this.pending.size === 0) worker.unref();
			if (answer.type === 'done') waiting.resolve(answer.results);
			else waiting.reject(rethrown(answer));
		});
		worker.once('error', (error) => this.stopped(worker, new Error(`The off-loop read worker failed: ${error.message}`, { cause: error })));
		worker.once('exit', (code) => this.stopped(worker, new Error(`The off-loop read worker exited (code ${code}) before it answered`)));
		return worker;
	}

	/** `worker` is gone: its reads fail with `error`, and the next read starts another. */
	private stopped(worker: Worker, error: Error): void {
		if (this.worker !== worker) return;
		this.worker = null;
		const waiting = [...this.pending.values()];
		this.pending.clear();
		for (const { reject } of waiting) reject(error);
	}
}

let reader: OffLoopReader | null = null;

/** The results of `queries`, in order, read in one transaction off the server's thread when it can be. */
export async function readOffLoop(queries: ReadQuery[]): Promise<unknown[]> {
	const client = getDb().$client;
	const file = builtWorkerFile('off-loop-read');
	if (!file || client.memory) return runQueries(client, queries);
	reader ??= new OffLoopReader(() => new Worker(file, { name: 'off-loop-read' }));
	return reader.read(client.name, queries);
}

/** Terminates the read worker (server shutdown). */
export async function terminateOffLoopReads(): Promise<void> {
	await reader?.close();
}
