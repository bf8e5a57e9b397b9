/**
 * Mean silhouette (Rousseeuw 1987) of a partition, with distance = √(k-prototypes
 * dissimilarity): the Euclidean distance for numeric features, extended by γ per categorical
 * mismatch (see cluster-data.ts). For a row, a = mean distance to the other members of its
 * cluster, b = the smallest mean distance to the members of another cluster, s = (b − a)/max(a, b);
 * a row alone in its cluster scores 0 (Rousseeuw's convention, also scikit-learn's).
 *
 * Exact up to `exactLimit` rows (default 5,000: 12.5 million pairs, well under a second);
 * above it, on a seeded uniform sample of `sampleSize` rows (default 5,000), where a and b are
 * computed among the sampled rows (as scikit-learn's `sample_size` does). The standard error of a
 * mean over 5,000 silhouettes is about 0.005 for typical spreads — small next to the differences
 * between values of k that decide anything. choose-k.ts draws one sample and uses it for every
 * k, so all candidates are judged on the same customers.
 */
import { selectRows, type ClusterData } from './cluster-data';
import { createRandom, sampleIndices } from './random';

export const SILHOUETTE_EXACT_LIMIT = 5_000;
export const SILHOUETTE_SAMPLE_SIZE = 5_000;

export interface SilhouettePlanOptions {
	readonly seed: number;
	readonly exactLimit?: number;
	readonly sampleSize?: number;
}

/** Which rows the silhouette is computed on: all of them, or a seeded sample. */
export interface SilhouettePlan {
	readonly method: 'exact' | 'sampled';
	/** The rows used (ascending), or null for all rows. */
	readonly rows: Int32Array | null;
	readonly rowsUsed: number;
}

export function planSilhouette(totalRows: number, options: SilhouettePlanOptions): SilhouettePlan {
	const exactLimit = options.exactLimit ?? SILHOUETTE_EXACT_LIMIT;
	const sampleSize = Math.min(options.sampleSize ?? SILHOUETTE_SAMPLE_SIZE, totalRows);
	if (totalRows <= exactLimit) return { method: 'exact', rows: null, rowsUsed: totalRows };
	return {
		method: 'sampled',
		rows: sampleIndices(totalRows, sampleSize, createRandom(options.seed)),
		rowsUsed: sampleSize
	};
}

/**
 * Mean silhouette of `labels` (values 0 … k − 1) over the planned rows; null when fewer than two
 * clusters have members among them (the silhouette is undefined then).
 */
export function meanSilhouette(
	data: ClusterData,
	labels: Int32Array,
	k: number,
	plan: SilhouettePlan | null = null
): number | null {
	const rows = plan?.rows ?? null;
	const subset = rows ? selectRows(data, rows) : data;
	const m = subset.rows;
	const subsetLabels = rows ? Int32Array.from(rows, (i) => labels[i]!) : labels;
	const counts = new Int32Array(k);
	for (let i = 0; i < m; i++) counts[subsetLabels[i]!]!++;
	let occupied = 0;
	for (let c = 0; c < k; c++) if (counts[c]! > 0) occupied++;
	if (occupied < 2) return null;

	// Sum of distances from each row to each cluster, filled from the upper triangle of the pair
	// matrix (each pair computed once, credited to both rows) without storing the pairs.
	const sums = new Float64Array(m * k);
	const { numeric: x, p, categorical: cat, q, gamma } = subset;
	for (let a = 0; a < m; a++) {
		const la = subsetLabels[a]!;
		const ao = a * p;
		const ac = a * q;
		for (let b = a + 1; b < m; b++) {
			let d = 0;
			const bo = b * p;
			for (let j = 0; j < p; j++) {
				const t = x[ao + j]! - x[bo + j]!;
				d += t * t;
			}
			if (q > 0) {
				const bc = b * q;
				for (let j = 0; j < q; j++) if (cat[ac + j] !== cat[bc + j]) d += gamma;
			}
			d = Math.sqrt(d);
			sums[a * k + subsetLabels[b]!]! += d;
			sums[b * k + la]! += d;
		}
	}
	let total = 0;
	for (let a = 0; a < m; a++) {
		const own = subsetLabels[a]!;
		if (counts[own]! < 2) continue; // a singleton scores 0
		const within = sums[a * k + own]! / (counts[own]! - 1);
		let nearest = Infinity;
		for (let c = 0; c < k; c++) {
			if (c === own || counts[c] === 0) continue;
			const mean = sums[a * k + c]! / counts[c]!;
			if (mean < nearest) nearest = mean;
		}
		const spread = Math.max(within, nearest);
		if (spread > 0) total += (nearest - within) / spread;
	}
	return total / m;
}
