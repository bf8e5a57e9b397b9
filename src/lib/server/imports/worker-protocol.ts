import type { ImportEnd, ImportJob, ImportProgress } from './run';

/* What the server's thread and an import worker say to each other (one import per worker). */

export interface ImportWorkerData {
	job: ImportJob;
	/** The server's database file: the worker opens a connection of its own to it. */
	databasePath: string;
	/** One Int32: set to 1 to cancel. Shared, so the worker sees it between two rows. */
	cancel: SharedArrayBuffer;
}

/** An end as it crosses threads: an unexpected error travels as its name, message and stack. */
export type PostedEnd = Exclude<ImportEnd, { status: 'crashed' }> | { status: 'crashed'; name: string; message: string; stack?: string };

export type FromImportWorker = { type: 'progress'; update: ImportProgress } | { type: 'end'; end: PostedEnd };
