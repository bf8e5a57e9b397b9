import { and, eq, gt, lt, or, type Column, type SQL } from 'drizzle-orm';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
	limit?: number;
	cursor?: string | null;
}

export interface Page<T> {
	items: T[];
	nextCursor: string | null;
}

interface CursorPosition {
	t: number;
	id: string;
}

export class InvalidCursorError extends Error {}

function encodeCursor(position: CursorPosition): string {
	return Buffer.from(JSON.stringify(position)).toString('base64url');
}

function decodeCursor(cursor: string): CursorPosition {
	try {
		const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
		if (
			typeof value === 'object' &&
			value !== null &&
			typeof (value as CursorPosition).t === 'number' &&
			typeof (value as CursorPosition).id === 'string'
		) {
			return value as CursorPosition;
		}
	} catch {
		// fall through to the error below
	}
	throw new InvalidCursorError('cursor is not valid');
}

/**
 * Keyset pagination over (timestamp, id): stable when rows are added or removed between
 * pages, unlike offsets. `direction` says whether the newest or oldest rows come first.
 */
export function keyset(
	timeColumn: Column,
	idColumn: Column,
	request: PageRequest,
	direction: 'asc' | 'desc'
): { where: SQL | undefined; limit: number } {
	const limit = Math.min(Math.max(request.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
	if (!request.cursor) return { where: undefined, limit: limit + 1 };
	const { t, id } = decodeCursor(request.cursor);
	const after = direction === 'asc' ? gt : lt;
	const time = new Date(t);
	return {
		where: or(after(timeColumn, time), and(eq(timeColumn, time), after(idColumn, id))),
		limit: limit + 1
	};
}

/** Cuts the extra row that `keyset` asked for and turns it into the next cursor. */
export function toPage<T>(
	rows: T[],
	limitPlusOne: number,
	positionOf: (row: T) => { time: Date; id: string }
): Page<T> {
	const limit = limitPlusOne - 1;
	if (rows.length <= limit) return { items: rows, nextCursor: null };
	const items = rows.slice(0, limit);
	const last = positionOf(items[items.length - 1]!);
	return { items, nextCursor: encodeCursor({ t: last.time.getTime(), id: last.id }) };
}

/**
 * Keyset pagination over an increasing integer id (rows without a meaningful time, such as the
 * customers of a group, in the order they were first seen).
 */
export function idKeyset(request: PageRequest): { afterId: number; limit: number } {
	const limit = Math.min(Math.max(request.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
	if (!request.cursor) return { afterId: 0, limit: limit + 1 };
	const afterId = Number(Buffer.from(request.cursor, 'base64url').toString('utf8'));
	if (!Number.isSafeInteger(afterId) || afterId < 0) throw new InvalidCursorError('cursor is not valid');
	return { afterId, limit: limit + 1 };
}

export function toIdPage<T>(rows: T[], limitPlusOne: number, idOf: (row: T) => number): Page<T> {
	const limit = limitPlusOne - 1;
	if (rows.length <= limit) return { items: rows, nextCursor: null };
	const items = rows.slice(0, limit);
	return { items, nextCursor: Buffer.from(String(idOf(items[items.length - 1]!))).toString('base64url') };
}
