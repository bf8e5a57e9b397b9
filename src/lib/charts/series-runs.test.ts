import { describe, expect, it } from 'vitest';
import { trustedRuns, type SeriesPoint } from './series-runs';

const point = (value: number | null, lowN = false): SeriesPoint => ({ key: String(value), value, n: lowN ? 1 : 10, lowN });

describe('trustedRuns', () => {
	it('breaks the line at a thin point and at a missing one', () => {
		expect(trustedRuns([point(10), point(20), point(5, true), point(30), point(null), point(40), point(50)])).toEqual([[0, 1], [3], [5, 6]]);
	});

	it('has no runs when every point is withheld', () => {
		expect(trustedRuns([point(3, true), point(null)])).toEqual([]);
	});

	it('is one run for a fully trusted series', () => {
		expect(trustedRuns([point(1), point(2), point(3)])).toEqual([[0, 1, 2]]);
	});
});
