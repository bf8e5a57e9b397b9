import type Database from 'better-sqlite3';
import { availableParallelism } from 'node:os';
import { finishStepwise } from '../stepwise';
import { Worker } from 'node:worker_threads';
import { builtWorkerFile } from '../workers/locate';
import { askOnce } from '../workers/one-answer';
import { getDb } from './connection';
import {
	mergeEventParts,
	partBuffers,
	planEventRead,
	readCustomers,
	readEventColumnsFrom,
	runToEnd,
	splitPlan,
	type EventColumns,
	type EventPart,
	type EventReadAnswer,
	type EventReadRequest
} from './event-read';

/*
 * Reads a workspace's events (millions of rows, seconds of work) in worker threads, each through
 * a read-only connection of its own to the same file and over its own id range, while the server
 * thread goes on with other work (the first request of a new dataset
 * version also rebuilds the customer measures). The parts come back as transferred typed arrays
 * and are merged here into exactly the columns a read in this thread gives (event-read.ts).
 * Without the bundled worker (`vite dev`, vitest) or with an in-memory database, and when a
 * worker fails, the read runs in this thread in chunks, the event loop free between them.
 */

/** A worker stopped without an answer (crashed, or was terminated). */
export class EventReaderStopped extends Error {
	override readonly name = 'EventReaderStopped';
}

/** More threads than this only contend for the same file pages. */
const MAX_READERS = 4;

const running = new Set<Worker>();
let stopping = false;

/** One id range read in a worker; the worker is terminated once it answered, failed or stopped. */
function readPartInWorker(spawn: () => Worker, request: EventReadRequest): { worker: Worker; part: Promise<EventPart> } {
	const worker = spawn();
	const part = askOnce(worker, request, {
		running,
		value: (answer: Extract<EventReadAnswer, { type: 'done' }>) => answer.part,
		stopped: (message, cause) => new EventReaderStopped(message, { cause }),
		name: 'The event reader worker'
	});
	// Awaited with the others (Promise.all); this keeps a part that fails unawaited from being unhandled.
	part.catch(() => {});
	return { worker, part };
}

/**
 * The workspace's events read by `workers` workers started by `spawn`, each over its share of
 * the ids, from the database file at `databasePath` (the file `client` has open). The workers
 * are started before this returns its promise; a failing one stops the others.
 */
export async function readEventColumnsInWorkers(
	client: Database.Database,
	databasePath: string,
	workspaceId: string,
	spawn: () => Worker,
	workers: number
): Promise<EventColumns> {
	const plan = planEventRead(client, workspaceId);
	const ranges = splitPlan(plan, workers);
	if (ranges.length === 0) return runToEnd(mergeEventParts(plan, [], readCustomers(client, workspaceId, true)));
	// The first reader reads the customers' external ids too: none of the reading is left to this thread.
	const reads = ranges.map(({ from, to }, i) => readPartInWorker(spawn, { databasePath, workspaceId, plan, from, to, externalIds: i === 0 }));
	try {
		const parts = await Promise.all(reads.map((read) => read.part));
		const first = parts[0]!;
		const merging = mergeEventParts(plan, parts, { ids: first.customerIds, externalIds: first.externalIds ?? [] });
		return await finishStepwise(merging);
	} catch (error) {
		// The others are stopped (not left reading beside a fallback) before the failure is passed on.
		await Promise.all(reads.map(({ worker }) => worker.terminate()));
		throw error;
	}
}

/**
 * The workspace's events as columns without holding the event loop: in the bundled workers when
 * there are some (started before this returns its promise), else in this thread in chunks.
 */
export function readEventColumnsOffLoop(workspaceId: string): Promise<EventColumns> {
	const client = getDb().$client;
	const file = builtWorkerFile('event-reader');
	const spawn = file && !client.memory ? () => new Worker(file, { name: 'event-reader' }) : null;
	return readEventColumnsFallingBack(client, workspaceId, spawn, Math.min(MAX_READERS, availableParallelism()));
}

/**
 * In workers started by `spawn` (none: null); when they fail, logged and read again in this
 * thread in chunks, the event loop free between them. Workers stopped for shutdown fail the read.
 */
export async function readEventColumnsFallingBack(
	client: Database.Database,
	workspaceId: string,
	spawn: (() => Worker) | null,
	readers: number
): Promise<EventColumns> {
	if (spawn) {
		try {
			return await readEventColumnsInWorkers(client, client.name, workspaceId, spawn, readers);
		} catch (error) {
			if (stopping) throw error;
			console.error(`[events] reading the events of workspace ${workspaceId} in worker threads failed; reading them in the server thread instead`, error);
		}
	}
	return finishStepwise(readEventColumnsFrom(client, workspaceId));
}

/** Terminates every event reader worker still running (server shutdown); their reads fail rather than start over. */
export async function terminateEventReaders(): Promise<void> {
	stopping = true;
	await Promise.all([...running].map((worker) => worker.terminate()));
}
