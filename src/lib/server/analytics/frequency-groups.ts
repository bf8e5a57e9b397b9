/**
 * Customers with the same (x, t_x, T) contribute the same likelihood term, and real customer
 * bases repeat profiles a lot (every one-time buyer acquired on a given day is the same profile).
 * Fitting on the distinct profiles with weights gives the same likelihood for far less work.
 */

/** What the frequency models need of a customer: repeat purchases x, recency t_x and age T, in one time unit. */
export interface FrequencyProfile {
	x: number;
	tx: number;
	T: number;
}

/** Distinct profiles as columns, sorted by (x, t_x, T) so the result does not depend on input order. */
export interface FrequencyGroups {
	x: Float64Array;
	tx: Float64Array;
	T: Float64Array;
	/** Customers with this profile. */
	weight: Float64Array;
	/** Number of distinct profiles. */
	size: number;
	/** Number of customers. */
	customers: number;
}

export function isFrequencyGroups(value: unknown): value is FrequencyGroups {
	return typeof value === 'object' && value !== null && (value as FrequencyGroups).weight instanceof Float64Array;
}

function validate(p: FrequencyProfile) {
	if (!(Number.isInteger(p.x) && p.x >= 0 && p.tx >= 0 && p.T >= p.tx)) {
		throw new RangeError(`Invalid frequency profile x=${p.x} t_x=${p.tx} T=${p.T}: need whole x ≥ 0 and 0 ≤ t_x ≤ T`);
	}
	if (p.x === 0 && p.tx !== 0) throw new RangeError(`Invalid frequency profile: t_x must be 0 when x = 0 (got ${p.tx})`);
}

/** Mixes the bits of three doubles into a 32-bit hash (murmur3's finaliser on each word). */
const scratch = new Float64Array(3);
const words = new Int32Array(scratch.buffer);
function hashProfile(x: number, tx: number, T: number): number {
	scratch[0] = x;
	scratch[1] = tx;
	scratch[2] = T;
	let h = 0x9747b28c;
	for (let i = 0; i < 6; i++) {
		let k = Math.imul(words[i]!, 0xcc9e2d51);
		k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
		h ^= k;
		h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
	}
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	return h >>> 0;
}

/**
 * Groups customers by (x, t_x, T). An open-addressing hash table on the three numbers rather
 * than a Map of string keys: building a million "x|tx|T" strings costs more than the fit.
 */
export function groupFrequencyProfiles(profiles: readonly FrequencyProfile[]): FrequencyGroups {
	const capacity = 1 << Math.max(4, Math.ceil(Math.log2(profiles.length * 2 + 1)));
	const mask = capacity - 1;
	const slots = new Int32Array(capacity).fill(-1);
	const xs: number[] = [];
	const txs: number[] = [];
	const Ts: number[] = [];
	const counts: number[] = [];
	for (const p of profiles) {
		validate(p);
		let slot = hashProfile(p.x, p.tx, p.T) & mask;
		for (;;) {
			const k = slots[slot]!;
			if (k === -1) {
				slots[slot] = xs.length;
				xs.push(p.x);
				txs.push(p.tx);
				Ts.push(p.T);
				counts.push(1);
				break;
			}
			if (xs[k] === p.x && txs[k] === p.tx && Ts[k] === p.T) {
				counts[k]!++;
				break;
			}
			slot = (slot + 1) & mask;
		}
	}
	const size = xs.length;
	const order = Array.from({ length: size }, (_, i) => i).sort((i, j) => xs[i]! - xs[j]! || txs[i]! - txs[j]! || Ts[i]! - Ts[j]!);
	const groups: FrequencyGroups = {
		x: new Float64Array(size),
		tx: new Float64Array(size),
		T: new Float64Array(size),
		weight: new Float64Array(size),
		size,
		customers: profiles.length
	};
	order.forEach((i, k) => {
		groups.x[k] = xs[i]!;
		groups.tx[k] = txs[i]!;
		groups.T[k] = Ts[i]!;
		groups.weight[k] = counts[i]!;
	});
	return groups;
}

/** Distinct values of a column and, per row, the index of its value: lets a likelihood take each logarithm once. */
export function distinctIndex(column: Float64Array): { values: Float64Array; index: Int32Array } {
	const seen = new Map<number, number>();
	const values: number[] = [];
	const index = new Int32Array(column.length);
	for (let i = 0; i < column.length; i++) {
		const v = column[i]!;
		let k = seen.get(v);
		if (k === undefined) {
			k = values.length;
			seen.set(v, k);
			values.push(v);
		}
		index[i] = k;
	}
	return { values: Float64Array.from(values), index };
}

/**
 * A systematic sample of about `target` profiles: every k-th profile in (x, t_x, T) order, its
 * weight multiplied by k, so every frequency keeps its share. Null when the groups are already
 * small. Deterministic, so a warm start from it is too.
 */
export function subsampleGroups(groups: FrequencyGroups, target: number): FrequencyGroups | null {
	const k = Math.floor(groups.size / target);
	if (k < 2) return null;
	const size = Math.ceil(groups.size / k);
	const sample: FrequencyGroups = {
		x: new Float64Array(size),
		tx: new Float64Array(size),
		T: new Float64Array(size),
		weight: new Float64Array(size),
		size,
		customers: 0
	};
	for (let j = 0; j < size; j++) {
		const i = j * k;
		sample.x[j] = groups.x[i]!;
		sample.tx[j] = groups.tx[i]!;
		sample.T[j] = groups.T[i]!;
		sample.weight[j] = groups.weight[i]! * k;
		sample.customers += sample.weight[j]!;
	}
	return sample;
}
