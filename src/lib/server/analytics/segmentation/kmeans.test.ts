import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from './adjusted-rand';
import { kMeans } from './kmeans';
import { plantedBlobs } from './synthetic';

/** Within-cluster sum of squares of a labelling, from scratch (means of its own rows). */
function inertiaOf(values: Float64Array, cols: number, labels: Int32Array, k: number): number {
	const sums = new Float64Array(k * cols);
	const counts = new Int32Array(k);
	labels.forEach((c, i) => {
		counts[c]!++;
		for (let j = 0; j < cols; j++) sums[c * cols + j]! += values[i * cols + j]!;
	});
	let total = 0;
	labels.forEach((c, i) => {
		for (let j = 0; j < cols; j++) total += (values[i * cols + j]! - sums[c * cols + j]! / counts[c]!) ** 2;
	});
	return total;
}

describe('k-means', () => {
	it('recovers well-separated planted clusters', () => {
		for (const clusters of [3, 5]) {
			const blobs = plantedBlobs({ clusters, rows: 3000, cols: 4, seed: clusters });
			const { best } = kMeans(blobs, { k: clusters, seed: 11 });
			expect(adjustedRandIndex(best.labels, blobs.labels)).toBeGreaterThan(0.95);
			expect(best.converged).toBe(true);
		}
	});

	it('never gets a worse best inertia from more restarts', () => {
		// Overlapping blobs and a k above the planted number: restarts genuinely differ here.
		const blobs = plantedBlobs({ clusters: 6, rows: 2000, cols: 3, seed: 5, separation: 2 });
		let previous = Infinity;
		const costs = kMeans(blobs, { k: 8, seed: 3, restarts: 8 }).restartCosts;
		expect(new Set(costs).size).toBeGreaterThan(1);
		for (let restarts = 1; restarts <= 8; restarts++) {
			const { best, restartCosts } = kMeans(blobs, { k: 8, seed: 3, restarts });
			// Restart r is the same run whatever the number of restarts.
			expect(restartCosts).toEqual(costs.slice(0, restarts));
			expect(best.cost).toBeLessThanOrEqual(previous);
			expect(best.cost).toBe(Math.min(...restartCosts));
			previous = best.cost;
		}
	});

	it('reports the inertia of its own partition, which is a Lloyd fixed point when converged', () => {
		const blobs = plantedBlobs({ clusters: 4, rows: 1500, cols: 3, seed: 9, separation: 3 });
		const { best } = kMeans(blobs, { k: 4, seed: 1, tolerance: 0 });
		expect(best.cost).toBeCloseTo(inertiaOf(blobs.values, 3, best.labels, 4), 6);
		expect(best.converged).toBe(true);
		// Every row sits with its nearest centroid.
		for (let i = 0; i < blobs.rows; i++) {
			const d = (c: number) =>
				[0, 1, 2].reduce((s, j) => s + (blobs.values[i * 3 + j]! - best.centroids[c * 3 + j]!) ** 2, 0);
			const own = d(best.labels[i]!);
			for (let c = 0; c < 4; c++) expect(own).toBeLessThanOrEqual(d(c) + 1e-9);
		}
		expect(Array.from(best.sizes).reduce((s, v) => s + v, 0)).toBe(blobs.rows);
	});

	it('is deterministic for a seed', () => {
		const blobs = plantedBlobs({ clusters: 4, rows: 1000, cols: 3, seed: 2, separation: 2 });
		const a = kMeans(blobs, { k: 5, seed: 99 }).best;
		const b = kMeans(blobs, { k: 5, seed: 99 }).best;
		expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
		expect(Array.from(a.centroids)).toEqual(Array.from(b.centroids));
		expect(a.cost).toBe(b.cost);
	});

	it('repairs empty clusters and stays finite when there are fewer distinct customers than k', () => {
		// Three distinct points repeated: k = 3 must use all three, k = 5 cannot fill two clusters.
		const values = Float64Array.from({ length: 30 }, (_, i) => [0, 10, 20][i % 3]!);
		const three = kMeans({ rows: 30, cols: 1, values }, { k: 3, seed: 4 }).best;
		expect(Array.from(three.sizes).sort()).toEqual([10, 10, 10]);
		expect(three.cost).toBe(0);
		const five = kMeans({ rows: 30, cols: 1, values }, { k: 5, seed: 4 }).best;
		expect(Array.from(five.sizes).reduce((s, v) => s + v, 0)).toBe(30);
		expect(Array.from(five.centroids).every(Number.isFinite)).toBe(true);
		expect(five.cost).toBe(0);
	});

	it('gives a cluster that lost all its rows the row worst served by its prototype', () => {
		// Rows at 0…9 and one at 100; the second prototype starts far away and wins no row, so
		// it must take over the row its first prototype serves worst: the one at 100.
		const values = Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 100]);
		const { best } = kMeans(
			{ rows: 11, cols: 1, values },
			{ k: 2, seed: 8, restarts: 1, initial: { centroids: Float64Array.of(5, 1e6) } }
		);
		expect(best.labels[10]).toBe(1);
		expect(Array.from(best.sizes)).toEqual([10, 1]);
		expect(best.centroids[1]).toBe(100);
		expect(best.cost).toBeCloseTo(82.5, 9); // Σ (i − 4.5)² for i = 0…9
	});
});
