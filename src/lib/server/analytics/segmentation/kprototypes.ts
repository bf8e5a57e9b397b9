/**
 * k-prototypes (Huang 1998) for customers described by numeric and categorical features: the
 * prototype of a cluster is the mean of its numeric features and the mode of each categorical
 * one, and a categorical mismatch costs γ. It runs on the k-means engine (kmeans.ts) with
 * batch updates (all rows assigned, then all prototypes moved) rather than Huang's row-by-row
 * updates, so the result does not depend on row order; the cost still never increases.
 *
 * The γ rule (default): γ = ½ · mean standard deviation of the numeric features.
 * Huang found good values between ⅓ and ⅔ of that mean SD; ½ is the middle of his range. On our
 * z-scored features every SD is 1, so γ = 0.5: one categorical mismatch weighs as much as a
 * difference of 0.71 SD on one numeric feature. With many numeric features that is modest, so a
 * single categorical feature steers the split only where numeric structure is weak; teams that
 * want categories to weigh more pass a larger γ. Without numeric features γ does not change the
 * partition (k-modes), and 1 is used.
 */
import { columnVariances, type ClusterData } from './cluster-data';
import { SegmentationError } from './errors';
import { runClustering, type ClusteringOptions, type ClusteringRun } from './kmeans';

export interface MixedMatrix {
	readonly rows: number;
	readonly numeric: Float64Array;
	readonly p: number;
	readonly categorical: Int32Array;
	readonly q: number;
	/** Levels per categorical feature. */
	readonly levels: Int32Array;
}

export interface KPrototypesOptions extends ClusteringOptions {
	/** Weight of a categorical mismatch; default from `defaultGamma`. */
	readonly gamma?: number;
}

export function defaultGamma(matrix: Pick<MixedMatrix, 'rows' | 'numeric' | 'p'>): number {
	const { rows, p } = matrix;
	if (p === 0 || rows === 0) return 1;
	const sdSum = columnVariances(matrix).reduce((total, variance) => total + Math.sqrt(variance), 0);
	const gamma = (0.5 * sdSum) / p;
	// All numeric features constant: categories are all there is.
	return gamma > 0 ? gamma : 1;
}

/** The clustering input with its γ settled (the default rule unless one is given). */
export function mixedClusterData(matrix: MixedMatrix, gamma?: number): ClusterData {
	const weight = gamma ?? defaultGamma(matrix);
	if (!(weight >= 0) || !Number.isFinite(weight)) {
		throw new SegmentationError('invalid_option', `gamma must be a non-negative number, got ${gamma}`);
	}
	return { ...matrix, gamma: weight };
}

export function kPrototypes(
	matrix: MixedMatrix,
	options: KPrototypesOptions
): ClusteringRun & { gamma: number } {
	const data = mixedClusterData(matrix, options.gamma);
	return { ...runClustering(data, options), gamma: data.gamma };
}
