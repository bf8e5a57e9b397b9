import type Database from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { config } from '../config';
import type { MovedTable } from './published';

/*
 * Moving an import's rows into the workspace's tables chunk by chunk, each chunk its own short
 * IMMEDIATE transaction, so that no other write waits long for the write lock. Readers see none
 * of it until the last transaction (see published.ts): the move is announced in import_moves
 * first, with the ids above which its rows will lie; a failed or interrupted move deletes those
 * rows again, also in chunks, before the announcement goes. Imports run one at a time per
 * process (imports/job.ts), so every row above those ids is the moving import's.
 */

export type MoveTable = Exclude<MovedTable, 'customers'>;

export interface MoveRecord {
	importId: string;
	tableName: MoveTable;
	rowsAbove: number;
	customersAbove: number;
}

/** What one chunk did: the rows it wrote (or deleted), and whether it was the last. */
export interface ChunkResult {
	changes: number;
	done: boolean;
}

/** A step of a move: the next `rows` rows (at least one), inside a transaction opened for it. */
export type Chunk = (rows: number) => ChunkResult;

/** The figures of a move's chunks: the longest a chunk held the write lock, all of them together, and how many there were. */
export interface ChunkFigures {
	longestLockMs: number;
	lockedMs: number;
	chunks: number;
	changes: number;
}

/**
 * The lock a chunk aims to hold, ms. Another connection's writer waiting meanwhile retries on
 * SQLite's busy handler, 1, 2, 5, 10, 15, 20, 25 ms… apart (100 ms from 228 ms on): under
 * ~50 ms a chunk ends before the retries grow further apart than PAUSE_MS.
 */
const TARGET_LOCK_MS = 40;
/**
 * The lock is free this long between chunks: long enough for a writer that waits on the busy
 * handler to see it free (its retries are at most 20 ms apart in the first 53 ms of waiting).
 * Without a pause the next chunk takes the lock again at once and the waiter may starve.
 */
const PAUSE_MS = 25;
const FIRST_CHUNK_ROWS = 2_000;
const MIN_CHUNK_ROWS = 1_000;
const MAX_CHUNK_ROWS = 200_000;

/**
 * The next chunk's rows, from how long the last one held the lock: toward TARGET_LOCK_MS, but at
 * most halved or doubled at a time. A commit now and then also runs a WAL checkpoint, which
 * counts in `held`: followed all the way, one such chunk shrank the next ones to a few hundred
 * rows, and a million rows then took thousands of chunks and as many pauses (52 s instead of 10).
 */
export function nextChunkRows(rows: number, heldMs: number): number {
	const aimed = (rows * TARGET_LOCK_MS) / Math.max(heldMs, 1);
	return Math.round(Math.max(MIN_CHUNK_ROWS, Math.min(MAX_CHUNK_ROWS, rows * 2, Math.max(rows / 2, aimed))));
}

export class MoveCancelled extends Error {}

/**
 * Runs `chunk` until it says it is done, each call in an IMMEDIATE transaction of its own, sized
 * so that it holds the lock about TARGET_LOCK_MS (or WAYMARK_IMPORT_MOVE_CHUNK_ROWS rows), with
 * a pause between two. `check` runs inside each transaction first (a workspace deleted meanwhile).
 */
export async function inChunks(
	client: Database.Database,
	chunk: Chunk,
	options: { check?: () => void; cancelled?: () => boolean; withoutForeignKeys?: boolean; figures: ChunkFigures }
): Promise<void> {
	const fixed = config.imports.moveChunkRows;
	let rows = fixed || FIRST_CHUNK_ROWS;
	const step = client.transaction((n: number) => {
		options.check?.();
		return chunk(n);
	});
	for (;;) {
		if (options.cancelled?.()) throw new MoveCancelled();
		// Checking every row's workspace and customer would look up two indexes per row while the
		// lock is held: the customer ids come from a join, the workspace is checked per chunk. Off
		// for the chunk only: between chunks the connection may be the server's, whose other
		// writes (a workspace deleted) must cascade.
		if (options.withoutForeignKeys) client.pragma('foreign_keys = off');
		const begun = performance.now();
		let result: ChunkResult;
		try {
			// IMMEDIATE: the write lock is taken (waiting for it if need be) before anything is read.
			result = step.immediate(rows);
		} finally {
			if (options.withoutForeignKeys) client.pragma('foreign_keys = on');
		}
		const held = performance.now() - begun;
		const { figures } = options;
		figures.longestLockMs = Math.max(figures.longestLockMs, held);
		figures.lockedMs += held;
		figures.chunks++;
		figures.changes += result.changes;
		if (result.done) return;
		if (!fixed) rows = nextChunkRows(rows, held);
		await sleep(PAUSE_MS);
	}
}

export const newFigures = (): ChunkFigures => ({ longestLockMs: 0, lockedMs: 0, chunks: 0, changes: 0 });

/**
 * Announces a move (one short transaction): from here on readers leave out the rows of
 * `tableName` and the customers that get ids above today's highest. A move some earlier import
 * left behind is cleaned up first: its rows would otherwise hide this one's rows forever.
 */
export async function beginMove(client: Database.Database, importId: string, tableName: MoveTable, check: () => void): Promise<MoveRecord> {
	await discardMovesNotIn(client, [importId]);
	return client
		.transaction((): MoveRecord => {
			check();
			const record: MoveRecord = {
				importId,
				tableName,
				rowsAbove: client.prepare(`select coalesce(max(id), 0) from ${tableName}`).pluck().get() as number,
				customersAbove: client.prepare('select coalesce(max(id), 0) from customers').pluck().get() as number
			};
			client
				.prepare('insert into import_moves (import_id, table_name, rows_above, customers_above, created_at) values (?, ?, ?, ?, ?)')
				.run(importId, tableName, record.rowsAbove, record.customersAbove, Date.now());
			return record;
		})
		.immediate();
}

/** The move's last transaction: its rows become visible together with what `finish` writes. */
export function publishMove(client: Database.Database, importId: string, finish: () => void): number {
	const begun = performance.now();
	client
		.transaction(() => {
			finish();
			client.prepare('delete from import_moves where import_id = ?').run(importId);
		})
		.immediate();
	return performance.now() - begun;
}

const findMove = (client: Database.Database, importId: string): MoveRecord | undefined =>
	client
		.prepare('select import_id as importId, table_name as tableName, rows_above as rowsAbove, customers_above as customersAbove from import_moves where import_id = ?')
		.get(importId) as MoveRecord | undefined;

/**
 * Deletes what a move that will not finish wrote, in chunks, and then its announcement; nothing
 * when there is none. The rows go first, then the customers it created bare (a customer's rows
 * cascade, but the customers' cascade finds none left to look up).
 */
export async function discardMove(client: Database.Database, importId: string): Promise<void> {
	const move = findMove(client, importId);
	if (!move) return;
	// Deleting customers cascades to what refers to them: every connection runs with foreign keys on.
	const figures = newFigures();
	for (const [table, above] of [
		[move.tableName, move.rowsAbove],
		['customers', move.customersAbove]
	] as const) {
		const highest = client.prepare(`select coalesce(max(id), 0) from ${table}`).pluck().get() as number;
		const remove = client.prepare(`delete from ${table} where id > ? and id <= ?`);
		let from = above;
		await inChunks(
			client,
			(rows) => {
				const changes = remove.run(from, from + rows).changes;
				from += rows;
				return { changes, done: from >= highest };
			},
			{ figures }
		);
	}
	client.prepare('delete from import_moves where import_id = ?').run(importId);
}

/** Cleans up the moves of imports other than `keep` (left behind by a process that stopped mid-move). */
export async function discardMovesNotIn(client: Database.Database, keep: string[]): Promise<string[]> {
	const ids = (client.prepare('select import_id from import_moves order by created_at').pluck().all() as string[]).filter(
		(id) => !keep.includes(id)
	);
	for (const id of ids) await discardMove(client, id);
	return ids;
}
