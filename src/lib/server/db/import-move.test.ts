import { describe, expect, it } from 'vitest';
import { nextChunkRows } from './import-move';

describe('the size of the next chunk of a move', () => {
	it('aims at the lock time the last chunk would have needed', () => {
		expect(nextChunkRows(10_000, 50)).toBe(8_000);
		expect(nextChunkRows(10_000, 30)).toBeCloseTo(13_333, -1);
	});

	it('at most halves after a slow chunk (a checkpoint in its commit) and at most doubles after a fast one', () => {
		expect(nextChunkRows(10_000, 4_000)).toBe(5_000);
		expect(nextChunkRows(10_000, 1)).toBe(20_000);
	});

	it('stays between its bounds', () => {
		expect(nextChunkRows(1_200, 10_000)).toBe(1_000);
		expect(nextChunkRows(150_000, 1)).toBe(200_000);
	});
});
