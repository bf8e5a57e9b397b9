import { rmSync } from 'node:fs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import * as db from '../db';
import { announceChange } from '../events';
import { builtWorkerFile } from '../workers/locate';
import { englishImportMessage, type ImportMessage } from '$lib/domain/customer-data';
import { runImport, type ImportEnd, type ImportJob } from './run';
import type { FromImportWorker, ImportWorkerData, PostedEnd } from './worker-protocol';

/*
 * Runs imports off the request path, one at a time. Each runs in a worker thread of its own
 * (run.ts through import.worker.ts) with its own connection to the database file, so parsing a
 * million rows and moving them in never holds this thread's event loop; this thread writes what
 * the worker reports (progress, failure) and announces the new data. Without the bundled worker
 * (`vite dev`, vitest) or with an in-memory database the import runs here, the event loop free
 * between batches. Either way readers see the whole import or nothing, also after a crash: the
 * staging table is a TEMP table and dies with its connection, and what a move had written is
 * removed before the next import (enqueueMoveRecovery).
 */

export type { ImportJob } from './run';

/** An import's closing message as the database keeps it: English text and the code behind it. */
export const outcomeOf = (outcome: ImportMessage): db.ImportOutcome => ({
	message: englishImportMessage(outcome),
	messageCode: outcome.code,
	messageParams: outcome.params
});

interface Control {
	cancelled: boolean;
	/** Tells a running worker; set once it runs. */
	tellWorker?: () => void;
}

const active = new Map<string, Control>();
let queue: Promise<void> = Promise.resolve();

export function activeImportIds(): string[] {
	return [...active.keys()];
}

/**
 * Cleans up, before any import that follows, what the chunked moves of a stopped process wrote
 * (readers leave it out meanwhile); a failed cleanup is left for the next start.
 */
export function enqueueMoveRecovery(): void {
	queue = queue
		.then(async () => {
			const cleaned = await db.discardMovesOtherThan(activeImportIds());
			if (cleaned.length) console.log(`[imports] removed what ${cleaned.length} interrupted import move(s) had written`);
		})
		.catch((error) => console.error('[imports] cleaning up interrupted import moves failed', error));
}

export function enqueue(job: ImportJob): void {
	const control: Control = { cancelled: false };
	active.set(job.id, control);
	queue = queue.then(() => run(job, control)).catch((error) => console.error('[imports] job crashed', error));
}

/** Asks a queued or running import to stop; false when this process is not running it. */
export function requestCancel(id: string): boolean {
	const control = active.get(id);
	if (!control) return false;
	control.cancelled = true;
	control.tellWorker?.();
	return true;
}

async function run(job: ImportJob, control: Control): Promise<void> {
	const client = db.getDb().$client;
	const file = client.memory ? null : builtWorkerFile('import');
	try {
		if (control.cancelled) return settle(job, { status: 'cancelled' });
		db.updateImport(job.id, { status: 'running' });
		const end = file ? await inWorker(file, client.name, job, control) : await inThisThread(job, control);
		// A move undoes itself when it fails; a worker that died mid-move could not.
		if (end.status !== 'done') await db.discardImportMove(job.id);
		settle(job, end);
	} catch (error) {
		settle(job, { status: 'crashed', error });
	} finally {
		if (!file) db.dropStage(job.id);
		rmSync(job.path, { force: true });
		active.delete(job.id);
	}
}

function inWorker(file: URL, databasePath: string, job: ImportJob, control: Control): Promise<ImportEnd> {
	const cancel = new SharedArrayBuffer(4);
	const data: ImportWorkerData = { job, databasePath, cancel };
	const worker = new Worker(file, { name: 'import', workerData: data });
	control.tellWorker = () => Atomics.store(new Int32Array(cancel), 0, 1);
	if (control.cancelled) control.tellWorker();
	return new Promise((resolve) => {
		let ended: PostedEnd | null = null;
		worker.on('message', (message: FromImportWorker) => {
			if (message.type === 'progress') db.reportImportProgress(job.id, message.update);
			else ended = message.end;
		});
		// An error is followed by the exit; the exit comes after the worker closed its connection.
		let failure: unknown = null;
		worker.once('error', (error) => (failure = error));
		worker.once('exit', (code) =>
			resolve(ended ? fromPosted(ended) : { status: 'crashed', error: failure ?? new Error(`The import worker exited (code ${code}) before it answered`) })
		);
	});
}

function fromPosted(end: PostedEnd): ImportEnd {
	if (end.status !== 'crashed') return end;
	const error = new Error(end.message);
	error.name = end.name;
	if (end.stack) error.stack = end.stack;
	return { status: 'crashed', error };
}

function inThisThread(job: ImportJob, control: Control): Promise<ImportEnd> {
	return runImport(job, {
		cancelled: () => control.cancelled,
		progress: (update) => db.reportImportProgress(job.id, update),
		pause: () => yieldToEventLoop()
	});
}

function settle(job: ImportJob, end: ImportEnd): void {
	const finishedAt = new Date();
	switch (end.status) {
		case 'done':
			if (end.lockMs > 100) console.log(`[imports] ${job.id}: ${end.imported} rows moved in ${end.chunks} transaction(s); one held the write lock ${Math.round(end.lockMs)} ms`);
			announceChange({ kind: 'dataset', workspaceId: job.workspaceId, datasetVersion: db.datasetVersion(job.workspaceId) });
			return;
		case 'cancelled':
			db.updateImport(job.id, { status: 'cancelled', ...outcomeOf({ code: 'import_cancelled', params: {} }), finishedAt });
			return;
		case 'failed':
			db.updateImport(job.id, { status: 'failed', ...outcomeOf(end.outcome), errors: end.errors, finishedAt });
			return;
		case 'crashed':
			console.error(`[imports] ${job.id} failed`, end.error);
			db.updateImport(job.id, { status: 'failed', ...outcomeOf({ code: 'import_failed_internal', params: {} }), finishedAt });
	}
}
