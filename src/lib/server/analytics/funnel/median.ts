/**
 * The median of unsorted values in linear time (quickselect) instead of a full sort: with a few
 * hundred thousand converters the sort was a third of a cached funnel's time. Gives exactly what
 * quantileSorted(sorted, 0.5) gives (R's type 7), since it picks the same two order statistics and
 * combines them with the same formula.
 */

/** Rearranges values[lo…hi] so values[k] holds the k-th smallest, smaller ones before, larger after. */
function select(values: Float64Array, k: number, lo: number, hi: number): void {
	while (hi > lo) {
		// Median of three as pivot: deterministic, and sorted or reversed input stays linear.
		const mid = (lo + hi) >>> 1;
		const a = values[lo]!;
		const b = values[mid]!;
		const c = values[hi]!;
		const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
		let i = lo;
		let j = hi;
		while (i <= j) {
			while (values[i]! < pivot) i++;
			while (values[j]! > pivot) j--;
			if (i <= j) {
				const swap = values[i]!;
				values[i] = values[j]!;
				values[j] = swap;
				i++;
				j--;
			}
		}
		if (k <= j) hi = j;
		else if (k >= i) lo = i;
		else return;
	}
}

/** Median of the values (reordered in place); NaN when there are none. Values must not be NaN. */
export function medianInPlace(values: Float64Array): number {
	const n = values.length;
	if (n === 0) return NaN;
	const position = (n - 1) * 0.5;
	const below = Math.floor(position);
	select(values, below, 0, n - 1);
	const low = values[below]!;
	if (below + 1 >= n) return low;
	// After selection everything right of `below` is ≥ it: the next order statistic is their minimum.
	let high = Infinity;
	for (let i = below + 1; i < n; i++) if (values[i]! < high) high = values[i]!;
	return low + (position - below) * (high - low);
}
