import type { WorkerFailure } from '../workers/one-answer';

/** One read-only statement: `get` its first row, `all` its rows, `pluck` the first column of its rows. */
export interface ReadQuery {
	sql: string;
	params: (string | number | null)[];
	shape: 'get' | 'all' | 'pluck';
}

/** One read of a long-lived read worker; its answer carries the same `id`. */
export interface OffLoopReadRequest {
	id: number;
	databasePath: string;
	queries: ReadQuery[];
}

export type OffLoopReadAnswer = { id: number } & ({ type: 'done'; results: unknown[] } | WorkerFailure);
