/**
 * Seeded randomness for the demo-data generator. Every helper takes the generator explicitly,
 * so a run is a pure function of its seed; nothing here touches Math.random.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** splitmix32: scrambles a 32-bit state into a well-mixed 32-bit word (used for seeding). */
function splitmix32(state: number): [next: number, word: number] {
	const next = (state + 0x9e3779b9) | 0;
	let z = next;
	z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
	z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
	return [next, (z ^ (z >>> 15)) >>> 0];
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, from PractRand): 128 bits of state,
 * passes PractRand/BigCrush, and is fast in JavaScript's 32-bit integer arithmetic.
 */
export function sfc32(a: number, b: number, c: number, d: number): Rng {
	return () => {
		a |= 0;
		b |= 0;
		c |= 0;
		d |= 0;
		const t = (((a + b) | 0) + d) | 0;
		d = (d + 1) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		c = (c + t) | 0;
		return (t >>> 0) / 4294967296;
	};
}

/**
 * A generator for the stream identified by (seed, ...keys). Streams with different keys are
 * independent, so e.g. customer 123 gets the same data whatever the number of customers.
 */
export function createRng(seed: number, ...keys: number[]): Rng {
	let state = seed | 0;
	for (const key of keys) {
		let word: number;
		[state, word] = splitmix32(state ^ Math.imul(key | 0, 0x85ebca6b));
		state = (state ^ word) | 0;
	}
	const words: number[] = [];
	for (let i = 0; i < 4; i++) {
		let word: number;
		[state, word] = splitmix32(state);
		words.push(word);
	}
	const rng = sfc32(words[0]!, words[1]!, words[2]!, words[3]!);
	for (let i = 0; i < 12; i++) rng(); // warm up, as the sfc32 author recommends
	return rng;
}

export const uniform = (rng: Rng, min: number, max: number): number => min + (max - min) * rng();

/** An integer in [min, max], both inclusive. */
export const integer = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

export const bernoulli = (rng: Rng, p: number): boolean => rng() < p;

/** Standard normal by Box–Muller (one of the pair is used, so the helper keeps no state). */
export function normal(rng: Rng, mean = 0, sd = 1): number {
	const u = 1 - rng(); // (0, 1]: log(0) is never taken
	const v = rng();
	return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Lognormal given its median (e^mu) and the sd of its log. */
export const lognormal = (rng: Rng, median: number, sigma: number): number => median * Math.exp(normal(rng, 0, sigma));

/** Exponential with the given mean. */
export const exponential = (rng: Rng, mean: number): number => -mean * Math.log(1 - rng());

/** Poisson: Knuth's product method for small means, a rounded normal for large ones. */
export function poisson(rng: Rng, mean: number): number {
	if (mean <= 0) return 0;
	if (mean > 30) return Math.max(0, Math.round(normal(rng, mean, Math.sqrt(mean))));
	const limit = Math.exp(-mean);
	let k = 0;
	let product = rng();
	while (product > limit) {
		k++;
		product *= rng();
	}
	return k;
}

/** Gamma(shape, scale) by Marsaglia & Tsang (2000); mean = shape × scale. */
export function gamma(rng: Rng, shape: number, scale = 1): number {
	if (shape < 1) return gamma(rng, shape + 1, scale) * Math.pow(rng(), 1 / shape);
	const d = shape - 1 / 3;
	const c = 1 / Math.sqrt(9 * d);
	for (;;) {
		let x: number;
		let v: number;
		do {
			x = normal(rng);
			v = 1 + c * x;
		} while (v <= 0);
		v = v * v * v;
		const u = rng();
		if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
		if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
	}
}

/** Number of failures before the first success, success probability p (mean (1 − p) / p). */
export function geometric(rng: Rng, p: number): number {
	if (p >= 1) return 0;
	return Math.floor(Math.log(1 - rng()) / Math.log(1 - p));
}

/** Picks a key of `weights` with probability proportional to its weight. */
export function weightedChoice<K extends string>(rng: Rng, weights: Readonly<Partial<Record<K, number>>>): K {
	const entries = Object.entries(weights) as [K, number][];
	let total = 0;
	for (const [, w] of entries) total += w;
	let r = rng() * total;
	for (const [key, w] of entries) {
		r -= w;
		if (r < 0) return key;
	}
	return entries[entries.length - 1]![0];
}

/** Picks an index with probability proportional to weights[i]. */
export function weightedIndex(rng: Rng, weights: readonly number[]): number {
	let total = 0;
	for (const w of weights) total += w;
	let r = rng() * total;
	for (let i = 0; i < weights.length; i++) {
		r -= weights[i]!;
		if (r < 0) return i;
	}
	return weights.length - 1;
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/** Fisher–Yates, in place; returns the array. */
export function shuffle<T>(rng: Rng, items: T[]): T[] {
	for (let i = items.length - 1; i > 0; i--) {
		const j = Math.floor(rng() * (i + 1));
		[items[i], items[j]] = [items[j]!, items[i]!];
	}
	return items;
}

export const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
