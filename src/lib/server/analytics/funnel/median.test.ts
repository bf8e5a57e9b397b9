import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../quantile';
import { createRandom } from '../segmentation/random';
import { medianInPlace } from './median';

describe('median by selection', () => {
	it('equals the type-7 median of the sorted values, bit for bit', () => {
		const random = createRandom(3);
		for (let trial = 0; trial < 300; trial++) {
			const n = 1 + random.int(200);
			// Few distinct values on some trials: duplicates are the hard case for partitioning.
			const distinct = trial % 3 === 0 ? 4 : 1e6;
			const values = Float64Array.from({ length: n }, () => random.int(distinct) / 7);
			const expected = quantileSorted(Float64Array.from(values).sort(), 0.5);
			expect(medianInPlace(values)).toBe(expected);
		}
	});

	it('handles sorted, reversed, single and empty input', () => {
		expect(medianInPlace(Float64Array.from({ length: 1001 }, (_, i) => i))).toBe(500);
		expect(medianInPlace(Float64Array.from({ length: 1000 }, (_, i) => 1000 - i))).toBe(500.5);
		expect(medianInPlace(Float64Array.from([2]))).toBe(2);
		expect(medianInPlace(new Float64Array(0))).toBeNaN();
	});
});
