import type { WorkerFailure } from '../workers/one-answer';

/** One read-only statement: `get` its first row, `all` its rows, `pluck` the first column of its rows. */
export interface ReadQuery {
	sql: string;
	params: (string | number | null)[];
	shape: 'get' | 'all' | 'pluck';
}

export interface OffLoopReadRequest {
	databasePath: string;
	queries: ReadQuery[];
}

export type OffLoopReadAnswer = { type: 'done'; results: unknown[] } | WorkerFailure;
