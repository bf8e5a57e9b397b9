import { describe, expect, it } from 'vitest';
import { InvalidCursorError, keyset, toPage, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';
import { boards } from './schema';

const rows = (count: number) =>
	Array.from({ length: count }, (_, i) => ({ id: `id${i}`, createdAt: new Date(1_700_000_000_000 + i) }));
const position = (row: { id: string; createdAt: Date }) => ({ time: row.createdAt, id: row.id });

describe('keyset pagination', () => {
	it('asks for one row more than the page, within 1..100, 50 by default', () => {
		expect(keyset(boards.createdAt, boards.id, {}, 'desc').limit).toBe(DEFAULT_PAGE_SIZE + 1);
		expect(keyset(boards.createdAt, boards.id, { limit: 2 }, 'desc').limit).toBe(3);
		expect(keyset(boards.createdAt, boards.id, { limit: 1000 }, 'desc').limit).toBe(MAX_PAGE_SIZE + 1);
		expect(keyset(boards.createdAt, boards.id, { limit: 0 }, 'desc').limit).toBe(2);
	});

	it('ends the list when no extra row came back', () => {
		expect(toPage(rows(2), 3, position)).toEqual({ items: rows(2), nextCursor: null });
	});

	it('cuts the extra row and points the cursor after the last row shown', () => {
		const page = toPage(rows(3), 3, position);
		expect(page.items).toEqual(rows(2));
		expect(page.nextCursor).toEqual(expect.any(String));
		// The cursor is opaque to clients but must round-trip into a keyset condition.
		expect(keyset(boards.createdAt, boards.id, { cursor: page.nextCursor, limit: 2 }, 'desc').where).toBeDefined();
	});

	it('refuses cursors that were not made here', () => {
		const forged = [
			'not-a-cursor',
			Buffer.from('{"t":"yesterday","id":"x"}').toString('base64url'),
			Buffer.from('{"t":1}').toString('base64url'),
			Buffer.from('null').toString('base64url')
		];
		for (const cursor of forged) {
			expect(() => keyset(boards.createdAt, boards.id, { cursor }, 'asc'), cursor).toThrow(InvalidCursorError);
		}
	});
});
