/**
 * The evidence behind each persona: how big it is, where its prototype lies in original units,
 * what sets it apart from the rest of the group, what its typical member looks like, and which
 * customers represent it best. Everything is numbers and feature ids; the UI turns the
 * structured `distinguishing` entries into words ("buys 3× as often", "koopt 3× zo vaak").
 */
import { prototypeDissimilarity, type ClusterData, type Clustering } from './cluster-data';
import { SegmentationError } from './errors';
import { medianOfSorted, toOriginalUnits, type FeatureMatrix } from './features';

export interface DistinguishingFeature {
	readonly featureId: string;
	readonly kind: 'numeric' | 'categorical';
	/** For a categorical feature: the level whose share differs most from the group's. */
	readonly level?: string;
	/**
	 * Standardised difference from the group. Numeric: (cluster mean − group mean) / group SD of
	 * the transformed feature, i.e. the cluster's mean z-score. Categorical: (cluster share − group
	 * share) / √(group share · (1 − group share)), the same measure for the level's 0/1 indicator.
	 */
	readonly z: number;
	readonly direction: 'higher' | 'lower';
	/**
	 * Cluster value / group value in original units — arithmetic means for numeric features,
	 * shares for a categorical level — so 3.1 on frequency reads "buys 3× as often". Null when a
	 * ratio means nothing (a mean at or below zero, e.g. a negative margin).
	 */
	readonly ratio: number | null;
	readonly clusterValue: number;
	readonly groupValue: number;
}

export interface ClusterProfile {
	readonly cluster: number;
	readonly size: number;
	readonly share: number;
	/** The prototype in original units: back-transformed means, and modes' labels. */
	readonly centroid: Readonly<Record<string, number | string>>;
	/** Median of each numeric feature among the members, in original units. */
	readonly typical: Readonly<Record<string, number>>;
	/** Share of each level of each categorical feature among the members. */
	readonly categoryShares: Readonly<Record<string, Readonly<Record<string, number>>>>;
	/** Every feature, most distinguishing (largest |z|) first. */
	readonly distinguishing: readonly DistinguishingFeature[];
	/** Row indices of the members nearest the prototype, most central first. */
	readonly medoids: readonly number[];
	/** Share of the group's revenue; null without revenue data or when it sums to ≤ 0. */
	readonly revenueShare: number | null;
	/** Mean CLV of members with a known CLV; null without any. */
	readonly clvMean: number | null;
}

export interface ProfileOptions {
	/** Revenue per customer (same order as the features); missing values count as 0. */
	readonly revenue?: ArrayLike<number | null>;
	/** CLV per customer; missing values are left out of the mean. */
	readonly clv?: ArrayLike<number | null>;
	/** Medoids reported per cluster; default 3. */
	readonly medoidCount?: number;
}

export function profileClusters(
	matrix: FeatureMatrix,
	data: ClusterData,
	clustering: Clustering,
	options: ProfileOptions = {}
): ClusterProfile[] {
	const n = matrix.rows;
	const { k, labels, sizes } = clustering;
	for (const [name, vector] of [
		['revenue', options.revenue],
		['clv', options.clv]
	] as const) {
		if (vector && vector.length !== n) {
			throw new SegmentationError('column_length', `${name} has ${vector.length} values for ${n} customers`);
		}
	}
	const numeric = profileNumeric(matrix, labels, sizes, k);
	const categorical = profileCategorical(matrix, labels, sizes, k);
	const medoids = nearestToPrototype(data, clustering, options.medoidCount ?? 3);
	const revenue = sumPerCluster(options.revenue, labels, k);
	const clv = meanPerCluster(options.clv, labels, k);

	const profiles: ClusterProfile[] = [];
	for (let c = 0; c < k; c++) {
		const centroid: Record<string, number | string> = {};
		const typical: Record<string, number> = {};
		const categoryShares: Record<string, Record<string, number>> = {};
		const distinguishing: DistinguishingFeature[] = [];
		matrix.numericFeatures.forEach((feature, j) => {
			const id = feature.definition.id;
			const stats = numeric[j]!;
			centroid[id] = toOriginalUnits(feature, clustering.centroids[c * data.p + j]!);
			typical[id] = stats.medians[c]!;
			const z = stats.meanZ[c]!;
			const clusterValue = stats.means[c]!;
			distinguishing.push({
				featureId: id,
				kind: 'numeric',
				z,
				direction: z >= 0 ? 'higher' : 'lower',
				ratio: clusterValue > 0 && stats.groupMean > 0 ? clusterValue / stats.groupMean : null,
				clusterValue,
				groupValue: stats.groupMean
			});
		});
		matrix.categoricalFeatures.forEach((feature, j) => {
			const id = feature.definition.id;
			const { shares, groupShares } = categorical[j]!;
			centroid[id] = feature.labels[clustering.modes[c * data.q + j]!]!;
			const levelShares: Record<string, number> = {};
			let strongest: DistinguishingFeature | null = null;
			feature.labels.forEach((label, level) => {
				const share = shares[c * feature.labels.length + level]!;
				levelShares[label] = share;
				const groupShare = groupShares[level]!;
				const spread = Math.sqrt(groupShare * (1 - groupShare));
				if (spread === 0) return;
				const z = (share - groupShare) / spread;
				if (strongest === null || Math.abs(z) > Math.abs(strongest.z)) {
					strongest = {
						featureId: id,
						kind: 'categorical',
						level: label,
						z,
						direction: z >= 0 ? 'higher' : 'lower',
						ratio: groupShare > 0 ? share / groupShare : null,
						clusterValue: share,
						groupValue: groupShare
					};
				}
			});
			categoryShares[id] = levelShares;
			if (strongest) distinguishing.push(strongest);
		});
		distinguishing.sort((a, b) => Math.abs(b.z) - Math.abs(a.z));
		profiles.push({
			cluster: c,
			size: sizes[c]!,
			share: sizes[c]! / n,
			centroid,
			typical,
			categoryShares,
			distinguishing,
			medoids: medoids[c]!,
			revenueShare: revenue && revenue.total > 0 ? revenue.perCluster[c]! / revenue.total : null,
			clvMean: clv ? clv[c]! : null
		});
	}
	return profiles;
}

interface NumericStats {
	/** Mean z-score per cluster (the standardised difference; the group's mean z is 0). */
	readonly meanZ: Float64Array;
	/** Arithmetic mean in original units per cluster, and over the group. */
	readonly means: Float64Array;
	readonly groupMean: number;
	readonly medians: Float64Array;
}

function profileNumeric(
	matrix: FeatureMatrix,
	labels: Int32Array,
	sizes: Int32Array,
	k: number
): NumericStats[] {
	const n = matrix.rows;
	const p = matrix.numericFeatures.length;
	// Members of each cluster laid out contiguously, so each cluster's median is one sort.
	const start = new Int32Array(k + 1);
	for (let c = 0; c < k; c++) start[c + 1] = start[c]! + sizes[c]!;
	const grouped = new Float64Array(n);
	const cursor = new Int32Array(k);
	return matrix.numericFeatures.map((feature, j) => {
		const meanZ = new Float64Array(k);
		const means = new Float64Array(k);
		let groupSum = 0;
		cursor.set(start.subarray(0, k));
		for (let i = 0; i < n; i++) {
			const c = labels[i]!;
			const z = matrix.numeric[i * p + j]!;
			const value = toOriginalUnits(feature, z);
			meanZ[c]! += z;
			means[c]! += value;
			groupSum += value;
			grouped[cursor[c]!++] = value;
		}
		const medians = new Float64Array(k);
		for (let c = 0; c < k; c++) {
			const size = sizes[c]!;
			if (size === 0) continue;
			meanZ[c]! /= size;
			means[c]! /= size;
			medians[c] = medianOfSorted(grouped.subarray(start[c]!, start[c + 1]!).sort());
		}
		return { meanZ, means, groupMean: groupSum / n, medians };
	});
}

function profileCategorical(matrix: FeatureMatrix, labels: Int32Array, sizes: Int32Array, k: number) {
	const n = matrix.rows;
	const q = matrix.categoricalFeatures.length;
	return matrix.categoricalFeatures.map((feature, j) => {
		const levels = feature.labels.length;
		const shares = new Float64Array(k * levels);
		const groupShares = new Float64Array(levels);
		for (let i = 0; i < n; i++) {
			const level = matrix.categorical[i * q + j]!;
			shares[labels[i]! * levels + level]!++;
			groupShares[level]!++;
		}
		for (let c = 0; c < k; c++) {
			for (let level = 0; level < levels; level++) {
				if (sizes[c]! > 0) shares[c * levels + level]! /= sizes[c]!;
			}
		}
		for (let level = 0; level < levels; level++) groupShares[level]! /= n;
		return { shares, groupShares };
	});
}

/**
 * The `count` members with the smallest dissimilarity to their prototype (ties: lower index).
 * "Most central" is measured to the prototype rather than as a true medoid (smallest total
 * distance to all members), which would cost O(size²) per cluster.
 */
function nearestToPrototype(data: ClusterData, clustering: Clustering, count: number): number[][] {
	const { k, labels, centroids, modes } = clustering;
	const best: { row: number; d: number }[][] = Array.from({ length: k }, () => []);
	if (count <= 0) return best.map(() => []);
	for (let i = 0; i < data.rows; i++) {
		const c = labels[i]!;
		const list = best[c]!;
		const d = prototypeDissimilarity(data, i, centroids, modes, c);
		if (list.length === count && d >= list[count - 1]!.d) continue;
		let at = list.length;
		while (at > 0 && list[at - 1]!.d > d) at--;
		list.splice(at, 0, { row: i, d });
		if (list.length > count) list.pop();
	}
	return best.map((list) => list.map((entry) => entry.row));
}

function sumPerCluster(vector: ArrayLike<number | null> | undefined, labels: Int32Array, k: number) {
	if (!vector) return null;
	const perCluster = new Float64Array(k);
	let total = 0;
	for (let i = 0; i < labels.length; i++) {
		const value = vector[i];
		if (typeof value !== 'number' || !Number.isFinite(value)) continue;
		perCluster[labels[i]!]! += value;
		total += value;
	}
	return { perCluster, total };
}

function meanPerCluster(vector: ArrayLike<number | null> | undefined, labels: Int32Array, k: number) {
	if (!vector) return null;
	const sums = new Float64Array(k);
	const counts = new Int32Array(k);
	for (let i = 0; i < labels.length; i++) {
		const value = vector[i];
		if (typeof value !== 'number' || !Number.isFinite(value)) continue;
		sums[labels[i]!]! += value;
		counts[labels[i]!]!++;
	}
	return Array.from(sums, (sum, c) => (counts[c]! > 0 ? sum / counts[c]! : null));
}
