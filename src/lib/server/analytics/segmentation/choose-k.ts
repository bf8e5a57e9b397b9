/**
 * How many personas: k fixed by the team (3…8) or chosen automatically in 3…8 as the k with the
 * highest mean silhouette — among the k whose every cluster holds at least `minClusterShare` of
 * the group (default 5%). The share rule is there because a persona must stand for a real part
 * of the group: a 0.4% cluster of outliers can score a fine silhouette and still be useless to
 * a team writing a story for it. One in twenty customers is small enough for niche personas yet
 * excludes the outlier crumbs k-means produces on skewed data.
 *
 * When no candidate meets the share (fixed k, or every k in the range), the largest smaller k
 * that meets it is used instead — down to 1 (the whole group as one persona) — and the result
 * says so and why. Inertia (the elbow chart) and silhouette are reported for every k tried.
 */
import type { ClusterData, Clustering } from './cluster-data';
import { SegmentationError } from './errors';
import { runClustering } from './kmeans';
import { deriveSeed } from './random';
import { meanSilhouette, planSilhouette, type SilhouettePlan } from './silhouette';
import { PERSONA_COUNT_RANGE } from '../../../domain/personas/minimum';

export const K_RANGE = PERSONA_COUNT_RANGE;
export const MIN_CLUSTER_SHARE = 0.05;

export interface ChooseKOptions {
	readonly k: number | 'auto';
	readonly seed: number;
	readonly minClusterShare?: number;
	readonly restarts?: number;
	readonly maxIterations?: number;
	readonly tolerance?: number;
	readonly silhouetteExactLimit?: number;
	readonly silhouetteSampleSize?: number;
	/** With "auto": try no k above this (the most personas the group can carry); default K_RANGE.max. */
	readonly maxK?: number;
	/** Called after each k is evaluated (for a progress bar). */
	readonly onK?: (k: number, done: number, total: number) => void;
}

export interface KDiagnostics {
	readonly k: number;
	/** Within-cluster cost of the best restart; the inertia for k-means. */
	readonly inertia: number;
	/** Mean silhouette; null when undefined (k = 1). */
	readonly silhouette: number | null;
	readonly sizes: readonly number[];
	readonly smallestShare: number;
	readonly meetsMinShare: boolean;
}

export type KChoiceReason =
	| { readonly code: 'fixed'; readonly message: string }
	| { readonly code: 'best_silhouette'; readonly message: string }
	| {
			readonly code: 'min_share_fallback';
			readonly message: string;
			/** The k the team asked for (fixed) or the range tried (auto) that all failed. */
			readonly rejected: readonly { readonly k: number; readonly smallestShare: number }[];
	  };

export interface KChoice {
	readonly k: number;
	readonly clustering: Clustering;
	readonly diagnostics: readonly KDiagnostics[];
	readonly reason: KChoiceReason;
	readonly silhouette: { readonly method: 'exact' | 'sampled'; readonly rowsUsed: number };
	readonly minClusterShare: number;
}

export function chooseK(data: ClusterData, options: ChooseKOptions): KChoice {
	const minShare = options.minClusterShare ?? MIN_CLUSTER_SHARE;
	if (!(minShare >= 0 && minShare <= 1 / K_RANGE.min)) {
		throw new SegmentationError('invalid_option', `minClusterShare must lie in 0…${1 / K_RANGE.min}`);
	}
	const n = data.rows;
	const requested = options.k;
	let candidates: number[];
	if (requested === 'auto') {
		if (n < K_RANGE.min) {
			throw new SegmentationError(
				'too_few_customers',
				`A group of ${n} customers is too small for ${K_RANGE.min} or more personas`
			);
		}
		candidates = [];
		const most = Math.min(K_RANGE.max, n, options.maxK ?? K_RANGE.max);
		for (let k = K_RANGE.min; k <= most; k++) candidates.push(k);
		if (!candidates.length) {
			throw new SegmentationError('too_few_customers', `No k from ${K_RANGE.min} up to ${most} to try`);
		}
	} else {
		if (!Number.isInteger(requested) || requested < K_RANGE.min || requested > K_RANGE.max) {
			throw new SegmentationError('invalid_k', `k must be ${K_RANGE.min}…${K_RANGE.max} or "auto"`);
		}
		if (n < requested) {
			throw new SegmentationError(
				'too_few_customers',
				`A group of ${n} customers cannot be split into ${requested} personas`
			);
		}
		candidates = [requested];
	}

	const plan = planSilhouette(n, {
		seed: deriveSeed(options.seed, SILHOUETTE_STREAM),
		exactLimit: options.silhouetteExactLimit,
		sampleSize: options.silhouetteSampleSize
	});
	const evaluated = new Map<number, { clustering: Clustering; diagnostics: KDiagnostics }>();
	const evaluate = (k: number) => {
		const clustering = runClustering(data, {
			k,
			seed: deriveSeed(options.seed, k),
			restarts: options.restarts,
			maxIterations: options.maxIterations,
			tolerance: options.tolerance
		}).best;
		const entry = { clustering, diagnostics: diagnose(data, clustering, plan, minShare) };
		evaluated.set(k, entry);
		return entry;
	};
	candidates.forEach((k, index) => {
		evaluate(k);
		options.onK?.(k, index + 1, candidates.length);
	});

	const feasible = candidates.filter((k) => evaluated.get(k)!.diagnostics.meetsMinShare);
	let chosen: number;
	let reason: KChoiceReason;
	if (feasible.length > 0) {
		// Highest silhouette; ties go to the smaller k (fewer personas to maintain).
		chosen = feasible.reduce((best, k) =>
			(evaluated.get(k)!.diagnostics.silhouette ?? -Infinity) >
			(evaluated.get(best)!.diagnostics.silhouette ?? -Infinity)
				? k
				: best
		);
		reason =
			requested === 'auto'
				? {
						code: 'best_silhouette',
						message:
							`k = ${chosen} has the highest mean silhouette among k = ${candidates.join(', ')} ` +
							`with every persona at least ${percent(minShare)} of the group`
					}
				: { code: 'fixed', message: `k = ${chosen} as requested` };
	} else {
		chosen = 0;
		for (let k = Math.min(...candidates) - 1; k >= 1; k--) {
			if (evaluate(k).diagnostics.meetsMinShare) {
				chosen = k;
				break;
			}
		}
		const rejected = candidates.map((k) => ({
			k,
			smallestShare: evaluated.get(k)!.diagnostics.smallestShare
		}));
		const tooSmall = rejected
			.map((r) => `k = ${r.k} leaves a persona with ${percent(r.smallestShare)} of the group`)
			.join('; ');
		reason = {
			code: 'min_share_fallback',
			message:
				`${tooSmall}; below the minimum of ${percent(minShare)}, so k = ${chosen}, ` +
				'the largest smaller k where every persona meets it, is used',
			rejected
		};
	}
	const diagnostics = [...evaluated.values()].map((e) => e.diagnostics).sort((a, b) => a.k - b.k);
	return {
		k: chosen,
		clustering: evaluated.get(chosen)!.clustering,
		diagnostics,
		reason,
		silhouette: { method: plan.method, rowsUsed: plan.rowsUsed },
		minClusterShare: minShare
	};
}

/** Seed stream of the silhouette sample, apart from the per-k clustering streams (k = 1…8). */
const SILHOUETTE_STREAM = 0x5115;

function diagnose(
	data: ClusterData,
	clustering: Clustering,
	plan: SilhouettePlan,
	minShare: number
): KDiagnostics {
	const sizes = Array.from(clustering.sizes);
	const smallestShare = Math.min(...sizes) / data.rows;
	return {
		k: clustering.k,
		inertia: clustering.cost,
		silhouette: clustering.k > 1 ? meanSilhouette(data, clustering.labels, clustering.k, plan) : null,
		sizes,
		smallestShare,
		// A hair of slack so a share of exactly 5% computed as 0.04999… still counts.
		meetsMinShare: smallestShare >= minShare - 1e-12
	};
}

function percent(share: number): string {
	return `${(share * 100).toFixed(1)}%`;
}
