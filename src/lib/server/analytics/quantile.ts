/** Order statistics shared by the value matrix and the summaries. */

/** The q-quantile (0 ≤ q ≤ 1) of already ascending values, interpolating linearly between order statistics (R's type 7). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
	if (sorted.length === 0) return NaN;
	const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
	const below = Math.floor(position);
	const above = Math.min(below + 1, sorted.length - 1);
	return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
}

/** The q-quantile of values in any order. */
export function quantile(values: ArrayLike<number>, q: number): number {
	return quantileSorted(Float64Array.from(values).sort(), q);
}
