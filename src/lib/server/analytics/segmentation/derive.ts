/**
 * derivePersonas: from per-customer columns to 3–8 personas with their evidence, in one pure,
 * deterministic call (same input and seed → same result). It chains: feature matrix
 * (features.ts) → k-means, or k-prototypes when categorical features are chosen → choice of k
 * (choose-k.ts) → profiles (profile.ts) → stability (stability.ts) → matching to the previous
 * personas (match.ts). Meant to run off the request path (a job); `onProgress` feeds a progress bar.
 */
import { orderBySize, type ClusterData } from './cluster-data';
import { chooseK, K_RANGE, type KChoiceReason, type KDiagnostics } from './choose-k';
import { SegmentationError } from './errors';
import { DEFAULT_FEATURE_IDS, type FeatureDefinition } from './feature-catalogue';
import { buildFeatureMatrix, type DroppedFeature, type FeatureColumns } from './features';
import { mixedClusterData } from './kprototypes';
import { matchPersonas, type PersonaMatching, type PreviousPersona } from './match';
import { profileClusters, type ClusterProfile } from './profile';
import { clusteringStability, type Stability } from './stability';
import { mostPersonas, personaShortfall, shortfallText } from '../../../domain/personas/minimum';

export interface PersonaInput {
	/** Customers in the group; every column has one value per customer, in the same order. */
	readonly customerCount: number;
	readonly columns: FeatureColumns;
	/** Revenue per customer (for each persona's revenue share). */
	readonly revenue?: ArrayLike<number | null>;
	/** CLV per customer (for each persona's mean CLV). */
	readonly clv?: ArrayLike<number | null>;
}

export type DeriveStage = 'features' | 'clustering' | 'profiles' | 'stability' | 'matching';

export interface DeriveOptions {
	/**
	 * 3…8, or "auto" to choose by mean silhouette within 3…8 — among the k the group can carry
	 * (`$lib/domain/personas/minimum`: at least 30 customers and 10 per persona).
	 */
	readonly k: number | 'auto';
	/** Catalogue ids and/or custom definitions; default DEFAULT_FEATURE_IDS. */
	readonly features?: readonly (string | FeatureDefinition)[];
	/** Default 1. */
	readonly seed?: number;
	readonly minClusterShare?: number;
	/** k-prototypes mismatch weight; default ½ · mean SD of the numeric features (kprototypes.ts). */
	readonly gamma?: number;
	readonly restarts?: number;
	readonly maxIterations?: number;
	readonly tolerance?: number;
	readonly silhouetteExactLimit?: number;
	readonly silhouetteSampleSize?: number;
	readonly stabilityRuns?: number;
	readonly stabilitySampleSize?: number;
	readonly medoidCount?: number;
	readonly previousPersonas?: readonly PreviousPersona[];
	readonly maxMatchDistance?: number;
	/** Overall progress in [0, 1] and the stage being worked on. */
	readonly onProgress?: (stage: DeriveStage, fraction: number) => void;
}

export interface DerivedFeature {
	readonly id: string;
	readonly kind: 'numeric' | 'categorical';
	readonly basis: FeatureDefinition['basis'];
	readonly transform: FeatureDefinition['transform'];
	/** Numeric: transformed mean and SD used for z-scores, median of known values, imputations. */
	readonly mean?: number;
	readonly sd?: number;
	readonly median?: number;
	readonly imputedCount?: number;
	/** Categorical: levels ("unknown" last when present) and how many customers were unknown. */
	readonly labels?: readonly string[];
	readonly unknownCount?: number;
}

/**
 * Plain data (structured-clone safe, for a worker or a job table). Everything is JSON-safe except
 * `assignments`, an Int32Array for compactness: store it as a blob or Array.from() it.
 */
export interface PersonaDerivation {
	readonly k: number;
	readonly seed: number;
	readonly customerCount: number;
	readonly algorithm: 'k-means' | 'k-prototypes';
	/** γ of k-prototypes; null for k-means. */
	readonly gamma: number | null;
	readonly features: readonly DerivedFeature[];
	readonly droppedFeatures: readonly DroppedFeature[];
	readonly kChoice: {
		readonly requested: number | 'auto';
		readonly reason: KChoiceReason;
		readonly minClusterShare: number;
		readonly silhouetteMethod: 'exact' | 'sampled';
		readonly silhouetteRows: number;
	};
	/** Inertia and silhouette for every k tried (the elbow and silhouette charts). */
	readonly diagnostics: readonly KDiagnostics[];
	/** Clusters numbered by size, largest first; clusters[c] describes assignment value c. */
	readonly clusters: readonly ClusterProfile[];
	/** Cluster of each customer, in input order. */
	readonly assignments: Int32Array;
	readonly stability: Stability;
	readonly matching: PersonaMatching | null;
}

export function derivePersonas(input: PersonaInput, options: DeriveOptions): PersonaDerivation {
	const seed = options.seed ?? 1;
	if (!Number.isInteger(seed)) throw new SegmentationError('invalid_option', 'seed must be an integer');
	const n = input.customerCount;
	if (!Number.isInteger(n) || n < 0) {
		throw new SegmentationError('invalid_option', 'customerCount must be a non-negative integer');
	}
	const k = options.k;
	if (k !== 'auto' && !(Number.isInteger(k) && k >= K_RANGE.min && k <= K_RANGE.max)) {
		throw new SegmentationError('invalid_k', `k must be ${K_RANGE.min}…${K_RANGE.max} or "auto"`);
	}
	// Checked before the features, so a small group is told it is too small rather than that
	// its features do not vary. With "auto", only the k the group can carry are tried.
	const shortfall = personaShortfall(n, k);
	if (shortfall) throw new SegmentationError('too_few_customers', shortfallText(shortfall));
	const progress = options.onProgress ?? (() => {});

	progress('features', 0);
	const matrix = buildFeatureMatrix(input.columns, n, options.features ?? DEFAULT_FEATURE_IDS);
	const categoricalChosen = matrix.categoricalFeatures.length > 0;
	const data: ClusterData = mixedClusterData(
		{
			rows: n,
			numeric: matrix.numeric,
			p: matrix.numericFeatures.length,
			categorical: matrix.categorical,
			q: matrix.categoricalFeatures.length,
			levels: Int32Array.from(matrix.categoricalFeatures, (f) => f.labels.length)
		},
		categoricalChosen ? options.gamma : 0
	);

	// Clustering dominates the run time, so it gets most of the progress bar.
	progress('clustering', 0.05);
	const choice = chooseK(data, {
		k: options.k,
		seed,
		minClusterShare: options.minClusterShare,
		restarts: options.restarts,
		maxIterations: options.maxIterations,
		tolerance: options.tolerance,
		silhouetteExactLimit: options.silhouetteExactLimit,
		silhouetteSampleSize: options.silhouetteSampleSize,
		maxK: mostPersonas(n),
		onK: (_, done, total) => progress('clustering', 0.05 + (0.75 * done) / total)
	});
	const clustering = orderBySize(choice.clustering, data.p, data.q);

	progress('profiles', 0.8);
	const clusters = profileClusters(matrix, data, clustering, {
		revenue: input.revenue,
		clv: input.clv,
		medoidCount: options.medoidCount
	});

	progress('stability', 0.85);
	const stability = clusteringStability(data, clustering, {
		seed,
		runs: options.stabilityRuns,
		sampleSize: options.stabilitySampleSize,
		restarts: options.restarts,
		maxIterations: options.maxIterations,
		tolerance: options.tolerance,
		onRun: (done, total) => progress('stability', 0.85 + (0.14 * done) / total)
	});

	let matching: PersonaMatching | null = null;
	if (options.previousPersonas) {
		progress('matching', 0.99);
		matching = matchPersonas(matrix, data.gamma, clustering, options.previousPersonas, {
			maxDistance: options.maxMatchDistance
		});
	}
	progress('matching', 1);

	return {
		k: clustering.k,
		seed,
		customerCount: n,
		algorithm: categoricalChosen ? 'k-prototypes' : 'k-means',
		gamma: categoricalChosen ? data.gamma : null,
		features: [
			...matrix.numericFeatures.map(
				(f): DerivedFeature => ({
					id: f.definition.id,
					kind: 'numeric',
					basis: f.definition.basis,
					transform: f.definition.transform,
					mean: f.mean,
					sd: f.sd,
					median: f.median,
					imputedCount: f.imputedCount
				})
			),
			...matrix.categoricalFeatures.map(
				(f): DerivedFeature => ({
					id: f.definition.id,
					kind: 'categorical',
					basis: f.definition.basis,
					transform: 'none',
					labels: f.labels,
					unknownCount: f.unknownCount
				})
			)
		],
		droppedFeatures: matrix.dropped,
		kChoice: {
			requested: options.k,
			reason: choice.reason,
			minClusterShare: choice.minClusterShare,
			silhouetteMethod: choice.silhouette.method,
			silhouetteRows: choice.silhouette.rowsUsed
		},
		diagnostics: choice.diagnostics,
		clusters,
		assignments: clustering.labels,
		stability,
		matching
	};
}
