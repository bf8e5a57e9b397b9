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

export function groupFrequencyProfiles(profiles: readonly FrequencyProfile[]): FrequencyGroups {
	const index = new Map<string, number>();
	const keys: FrequencyProfile[] = [];
	const counts: number[] = [];
	for (const p of profiles) {
		validate(p);
		const key = `${p.x}|${p.tx}|${p.T}`;
		const i = index.get(key);
		if (i === undefined) {
			index.set(key, keys.length);
			keys.push({ x: p.x, tx: p.tx, T: p.T });
			counts.push(1);
		} else counts[i]!++;
	}
	const order = keys.map((_, i) => i).sort((i, j) => keys[i]!.x - keys[j]!.x || keys[i]!.tx - keys[j]!.tx || keys[i]!.T - keys[j]!.T);
	const size = keys.length;
	const groups: FrequencyGroups = {
		x: new Float64Array(size),
		tx: new Float64Array(size),
		T: new Float64Array(size),
		weight: new Float64Array(size),
		size,
		customers: profiles.length
	};
	order.forEach((i, k) => {
		groups.x[k] = keys[i]!.x;
		groups.tx[k] = keys[i]!.tx;
		groups.T[k] = keys[i]!.T;
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
