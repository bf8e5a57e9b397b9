/**
 * Adjusted Rand index (Hubert & Arabie 1985) between two labelings of the same rows: 1 for the
 * same partition (whatever the cluster numbers), about 0 for agreement no better than chance.
 * Chosen over raw pairwise agreement because that is high even for random splits into uneven
 * clusters, which would flatter a shaky segmentation.
 */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
	const n = a.length;
	if (b.length !== n) throw new RangeError('Labelings must have the same length');
	if (n < 2) return 1;
	let ka = 0;
	let kb = 0;
	for (let i = 0; i < n; i++) {
		if (a[i]! + 1 > ka) ka = a[i]! + 1;
		if (b[i]! + 1 > kb) kb = b[i]! + 1;
	}
	const table = new Float64Array(ka * kb);
	const rowSums = new Float64Array(ka);
	const columnSums = new Float64Array(kb);
	for (let i = 0; i < n; i++) {
		table[a[i]! * kb + b[i]!]!++;
		rowSums[a[i]!]!++;
		columnSums[b[i]!]!++;
	}
	const pairs = (m: number) => (m * (m - 1)) / 2;
	let index = 0;
	for (const cell of table) index += pairs(cell);
	let rowPairs = 0;
	for (const s of rowSums) rowPairs += pairs(s);
	let columnPairs = 0;
	for (const s of columnSums) columnPairs += pairs(s);
	const expected = (rowPairs * columnPairs) / pairs(n);
	const maximum = (rowPairs + columnPairs) / 2;
	// Both labelings trivial (one cluster each, or all singletons): identical partitions.
	if (maximum === expected) return index === expected ? 1 : 0;
	return (index - expected) / (maximum - expected);
}
