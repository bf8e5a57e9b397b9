import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from './adjusted-rand';

describe('adjusted Rand index', () => {
	it('is 1 for the same partition under any cluster numbering', () => {
		expect(adjustedRandIndex([0, 0, 1, 1, 2], [2, 2, 0, 0, 1])).toBe(1);
	});

	it('reproduces known values (Hubert & Arabie; scikit-learn’s documented examples)', () => {
		expect(adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(4 / 7, 12);
		expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
		expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
	});

	it('is about 0 for independent random labellings', () => {
		const a = Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 5);
		const b = Array.from({ length: 10_000 }, (_, i) => (i * 104_729 + 3) % 3);
		expect(Math.abs(adjustedRandIndex(a, b))).toBeLessThan(0.01);
	});
});
