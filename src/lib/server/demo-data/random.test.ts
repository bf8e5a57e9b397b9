import { describe, expect, it } from 'vitest';
import {
	createRng,
	exponential,
	gamma,
	geometric,
	lognormal,
	normal,
	poisson,
	shuffle,
	weightedChoice,
	weightedIndex,
	type Rng
} from './random';

const sample = (n: number, draw: () => number) => Array.from({ length: n }, draw);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const variance = (xs: number[]) => {
	const m = mean(xs);
	return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
};

describe('seeded random streams', () => {
	it('repeat exactly for the same seed and keys, and differ otherwise', () => {
		const draw = (rng: Rng) => sample(5, rng);
		expect(draw(createRng(42, 7))).toEqual(draw(createRng(42, 7)));
		expect(draw(createRng(42, 7))).not.toEqual(draw(createRng(42, 8)));
		expect(draw(createRng(42, 7))).not.toEqual(draw(createRng(43, 7)));
		expect(draw(createRng(1))).not.toEqual(draw(createRng(2)));
	});

	it('are uniform on [0, 1)', () => {
		const rng = createRng(1);
		const xs = sample(100_000, rng);
		expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...xs)).toBeLessThan(1);
		expect(mean(xs)).toBeCloseTo(0.5, 2);
		const buckets = new Array(10).fill(0) as number[];
		for (const x of xs) buckets[Math.floor(x * 10)]!++;
		for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
	});
});

describe('distributions have their textbook moments', () => {
	const rng = createRng(2024);
	const n = 50_000;

	it('normal (Box–Muller): mean and sd', () => {
		const xs = sample(n, () => normal(rng, 3, 2));
		expect(mean(xs)).toBeCloseTo(3, 1);
		expect(Math.sqrt(variance(xs))).toBeCloseTo(2, 1);
	});

	it('lognormal: the median is the given one', () => {
		const xs = sample(n, () => lognormal(rng, 50, 0.5)).sort((a, b) => a - b);
		expect(xs[n / 2]! / 50).toBeCloseTo(1, 1);
	});

	it('poisson: mean = variance, for small and large means', () => {
		for (const lambda of [0.3, 4, 60]) {
			const xs = sample(n, () => poisson(rng, lambda));
			expect(mean(xs) / lambda).toBeCloseTo(1, 1);
			expect(variance(xs) / lambda).toBeCloseTo(1, 1);
		}
	});

	it('gamma (Marsaglia–Tsang): mean shape·scale, variance shape·scale², also for shape < 1', () => {
		for (const [shape, scale] of [
			[0.5, 2],
			[3, 1.5]
		] as const) {
			const xs = sample(n, () => gamma(rng, shape, scale));
			expect(mean(xs) / (shape * scale)).toBeCloseTo(1, 1);
			expect(variance(xs) / (shape * scale * scale)).toBeCloseTo(1, 1);
		}
	});

	it('exponential and geometric means', () => {
		expect(mean(sample(n, () => exponential(rng, 4))) / 4).toBeCloseTo(1, 1);
		expect(mean(sample(n, () => geometric(rng, 0.25))) / 3).toBeCloseTo(1, 1);
		expect(geometric(rng, 1)).toBe(0);
	});

	it('weighted choices follow their weights', () => {
		const counts = { a: 0, b: 0, c: 0 };
		for (let i = 0; i < n; i++) counts[weightedChoice(rng, { a: 1, b: 3, c: 0 })]++;
		expect(counts.c).toBe(0);
		expect(counts.b / n).toBeCloseTo(0.75, 1);
		const index = sample(n, () => weightedIndex(rng, [0, 1, 1]));
		expect(index.filter((i) => i === 0)).toHaveLength(0);
	});

	it('shuffle permutes', () => {
		const items = Array.from({ length: 50 }, (_, i) => i);
		const shuffled = shuffle(rng, [...items]);
		expect(shuffled).not.toEqual(items);
		expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
	});
});
