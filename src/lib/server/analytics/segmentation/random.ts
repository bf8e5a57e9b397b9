/**
 * Seeded randomness for the segmentation engine. Every random choice (k-means++ seeding, samples
 * for the silhouette and the stability check) draws from here, so one seed reproduces a derivation
 * bit for bit on any machine — Math.random cannot be seeded and is therefore never used.
 */

/** A stream of pseudo-random numbers; `next()` is uniform on [0, 1). */
export interface Random {
	next(): number;
	/** Uniform integer in [0, n). */
	int(n: number): number;
	/** Standard normal (Box–Muller), for generated test and benchmark data. */
	normal(): number;
}

/**
 * mulberry32: 32 bits of state, passes the usual statistical batteries for this kind of use and
 * is a handful of integer operations — far cheaper than a cryptographic generator, which we do
 * not need because nothing here is security-relevant.
 */
export function createRandom(seed: number): Random {
	let state = seed >>> 0;
	let spareNormal: number | null = null;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (n) => Math.floor(next() * n),
		normal: () => {
			if (spareNormal !== null) {
				const value = spareNormal;
				spareNormal = null;
				return value;
			}
			// 1 - next() lies in (0, 1], so the logarithm is finite.
			const radius = Math.sqrt(-2 * Math.log(1 - next()));
			const angle = 2 * Math.PI * next();
			spareNormal = radius * Math.sin(angle);
			return radius * Math.cos(angle);
		}
	};
}

/**
 * Derives an independent seed for a sub-task (a restart, a value of k, a stability re-run) from
 * the user's seed, with a splitmix32-style finaliser. Seeding each sub-task separately keeps
 * results of one sub-task unchanged when another is added or removed (e.g. restart 3 is the same
 * whether 4 or 10 restarts run), which the "more restarts never hurt" guarantee relies on.
 */
export function deriveSeed(seed: number, ...path: number[]): number {
	let h = seed >>> 0;
	for (const part of path) {
		h = (h + Math.imul((part >>> 0) + 1, 0x9e3779b9)) >>> 0;
		h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
		h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
		h = (h ^ (h >>> 16)) >>> 0;
	}
	return h;
}

/**
 * A uniform sample of `size` distinct row indices out of `total`, sorted ascending (so reading the
 * sampled rows walks memory forwards). Partial Fisher–Yates: O(total) memory, O(size) swaps.
 */
export function sampleIndices(total: number, size: number, random: Random): Int32Array {
	if (size >= total) return Int32Array.from({ length: total }, (_, i) => i);
	const pool = new Int32Array(total);
	for (let i = 0; i < total; i++) pool[i] = i;
	for (let i = 0; i < size; i++) {
		const j = i + random.int(total - i);
		const swap = pool[i]!;
		pool[i] = pool[j]!;
		pool[j] = swap;
	}
	return pool.slice(0, size).sort();
}
