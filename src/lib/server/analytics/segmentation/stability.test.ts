import { describe, expect, it } from 'vitest';
import { numericOnly } from './cluster-data';
import { runClustering } from './kmeans';
import { createRandom } from './random';
import { clusteringStability } from './stability';
import { plantedBlobs } from './synthetic';

describe('stability of a clustering', () => {
	it('is about 1 when other seeds find the same planted clusters', () => {
		const blobs = plantedBlobs({ clusters: 5, rows: 3000, cols: 3, seed: 6 });
		const data = numericOnly(blobs.rows, blobs.cols, blobs.values);
		const base = runClustering(data, { k: 5, seed: 1 }).best;
		const stability = clusteringStability(data, base, { seed: 1 });
		expect(stability.measure).toBe('adjusted_rand_index');
		expect(stability.perRun).toHaveLength(5);
		expect(stability.mean).toBeGreaterThan(0.99);
		expect(stability.sampled).toBe(false);
	});

	it('is lower for a split of structureless data than for planted clusters', () => {
		const random = createRandom(3);
		const noise = numericOnly(2000, 2, Float64Array.from({ length: 4000 }, () => random.next()));
		const base = runClustering(noise, { k: 7, seed: 1, restarts: 1 }).best;
		const shaky = clusteringStability(noise, base, { seed: 1, restarts: 1 });
		expect(shaky.mean).toBeLessThan(0.95);
	});

	it('re-runs on a seeded sample of a large group', () => {
		const blobs = plantedBlobs({ clusters: 3, rows: 5000, cols: 2, seed: 7 });
		const data = numericOnly(blobs.rows, blobs.cols, blobs.values);
		const base = runClustering(data, { k: 3, seed: 1 }).best;
		const stability = clusteringStability(data, base, { seed: 1, sampleSize: 1000, runs: 3 });
		expect(stability).toMatchObject({ sampled: true, rowsUsed: 1000 });
		expect(stability.perRun).toHaveLength(3);
		expect(stability.mean).toBeGreaterThan(0.99);
	});
});
