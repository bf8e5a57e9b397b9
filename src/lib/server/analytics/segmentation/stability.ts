/**
 * How solid a split is: the clustering is re-run with other seeds (default 5 re-runs) and each
 * re-run's partition is compared with the base partition by the adjusted Rand index
 * (adjusted-rand.ts); the figure is the mean. 1 means every seed finds the same personas; values
 * well below ~0.8 mean the personas depend on chance and the team should hold them loosely.
 *
 * Above `sampleSize` rows (default 20,000) the re-runs cluster a seeded uniform sample and are
 * compared with the base labels of the sampled customers. That measures sensitivity to the seed
 * and to which customers happen to be in the data, and keeps five re-runs at 200,000 customers
 * to a few seconds; 20,000 rows leave even a 5% persona about 1,000 members per re-run.
 */
import { selectRows, type ClusterData, type Clustering } from './cluster-data';
import { adjustedRandIndex } from './adjusted-rand';
import { runClustering } from './kmeans';
import { createRandom, deriveSeed, sampleIndices } from './random';

export const STABILITY_RUNS = 5;
export const STABILITY_SAMPLE_SIZE = 20_000;

export interface StabilityOptions {
	readonly seed: number;
	readonly runs?: number;
	readonly sampleSize?: number;
	readonly restarts?: number;
	readonly maxIterations?: number;
	readonly tolerance?: number;
	readonly onRun?: (done: number, total: number) => void;
}

export interface Stability {
	readonly measure: 'adjusted_rand_index';
	/** Mean ARI over the re-runs; 1 when there are none to compare (k = 1). */
	readonly mean: number;
	readonly min: number;
	readonly perRun: readonly number[];
	readonly rowsUsed: number;
	readonly sampled: boolean;
}

const STABILITY_STREAM = 0x57ab;

export function clusteringStability(
	data: ClusterData,
	base: Clustering,
	options: StabilityOptions
): Stability {
	const runs = options.runs ?? STABILITY_RUNS;
	const sampleSize = options.sampleSize ?? STABILITY_SAMPLE_SIZE;
	const sampled = data.rows > sampleSize;
	const rows = sampled
		? sampleIndices(data.rows, sampleSize, createRandom(deriveSeed(options.seed, STABILITY_STREAM)))
		: null;
	const subset = rows ? selectRows(data, rows) : data;
	const baseLabels = rows ? Int32Array.from(rows, (i) => base.labels[i]!) : base.labels;
	const perRun: number[] = [];
	if (base.k > 1 && subset.rows >= base.k) {
		for (let run = 0; run < runs; run++) {
			const rerun = runClustering(subset, {
				k: base.k,
				seed: deriveSeed(options.seed, STABILITY_STREAM, run + 1),
				restarts: options.restarts,
				maxIterations: options.maxIterations,
				tolerance: options.tolerance
			}).best;
			perRun.push(adjustedRandIndex(baseLabels, rerun.labels));
			options.onRun?.(run + 1, runs);
		}
	}
	return {
		measure: 'adjusted_rand_index',
		mean: perRun.length ? perRun.reduce((s, v) => s + v, 0) / perRun.length : 1,
		min: perRun.length ? Math.min(...perRun) : 1,
		perRun,
		rowsUsed: subset.rows,
		sampled
	};
}
