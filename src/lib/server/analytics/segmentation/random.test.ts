import { describe, expect, it } from 'vitest';
import { createRandom, deriveSeed, sampleIndices } from './random';

describe('seeded randomness', () => {
	it('repeats the same stream for the same seed and differs for another', () => {
		const a = createRandom(42);
		const b = createRandom(42);
		const c = createRandom(43);
		const first = Array.from({ length: 5 }, () => a.next());
		expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
		expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
		for (const value of first) expect(value >= 0 && value < 1).toBe(true);
	});

	it('gives sub-tasks distinct seeds that do not depend on their siblings', () => {
		const seeds = new Set(Array.from({ length: 100 }, (_, r) => deriveSeed(7, r)));
		expect(seeds.size).toBe(100);
		expect(deriveSeed(7, 3)).toBe(deriveSeed(7, 3));
		expect(deriveSeed(7, 1, 2)).not.toBe(deriveSeed(7, 2, 1));
	});

	it('draws normals with mean ≈ 0 and SD ≈ 1', () => {
		const random = createRandom(1);
		const draws = Array.from({ length: 20_000 }, () => random.normal());
		const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
		const sd = Math.sqrt(draws.reduce((s, v) => s + (v - mean) ** 2, 0) / draws.length);
		expect(Math.abs(mean)).toBeLessThan(0.03);
		expect(Math.abs(sd - 1)).toBeLessThan(0.03);
	});

	it('samples distinct row indices in ascending order', () => {
		const sample = sampleIndices(1000, 100, createRandom(3));
		expect(sample.length).toBe(100);
		expect(new Set(sample).size).toBe(100);
		for (let i = 1; i < sample.length; i++) expect(sample[i]!).toBeGreaterThan(sample[i - 1]!);
		expect(Array.from(sampleIndices(5, 10, createRandom(3)))).toEqual([0, 1, 2, 3, 4]);
	});
});
