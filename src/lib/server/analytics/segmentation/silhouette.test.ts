import { describe, expect, it } from 'vitest';
import { numericOnly, rowDissimilarity, type ClusterData } from './cluster-data';
import { kMeans } from './kmeans';
import { createRandom } from './random';
import { meanSilhouette, planSilhouette } from './silhouette';
import { plantedBlobs } from './synthetic';

/** The textbook O(n²) silhouette, written independently of the triangle-sum version. */
function naiveSilhouette(data: ClusterData, labels: Int32Array): number {
	const n = data.rows;
	let total = 0;
	for (let i = 0; i < n; i++) {
		const byCluster = new Map<number, number[]>();
		for (let j = 0; j < n; j++) {
			if (j === i) continue;
			const list = byCluster.get(labels[j]!) ?? [];
			list.push(Math.sqrt(rowDissimilarity(data, i, j)));
			byCluster.set(labels[j]!, list);
		}
		const own = byCluster.get(labels[i]!);
		if (!own) continue;
		const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
		const a = mean(own);
		const b = Math.min(...[...byCluster].filter(([c]) => c !== labels[i]).map(([, xs]) => mean(xs)));
		total += (b - a) / Math.max(a, b);
	}
	return total / n;
}

describe('mean silhouette', () => {
	it('matches a hand-computed value on a tiny fixture', () => {
		// Points 0, 1 | 4, 6: s = 4/5, 3/4, 1.5/3.5, 3.5/5.5.
		const data = numericOnly(4, 1, Float64Array.of(0, 1, 4, 6));
		const value = meanSilhouette(data, Int32Array.of(0, 0, 1, 1), 2);
		expect(value).toBeCloseTo((0.8 + 0.75 + 3 / 7 + 7 / 11) / 4, 12);
	});

	it('scores a customer alone in its cluster as 0 and is undefined for one cluster', () => {
		const data = numericOnly(3, 1, Float64Array.of(0, 1, 10));
		// s(0) = (10 − 1)/10, s(1) = (9 − 1)/9, s(10) = 0
		expect(meanSilhouette(data, Int32Array.of(0, 0, 1), 2)).toBeCloseTo((0.9 + 8 / 9) / 3, 12);
		expect(meanSilhouette(data, Int32Array.of(0, 0, 0), 1)).toBeNull();
	});

	it('equals the straightforward O(n²) computation, with the k-prototypes distance too', () => {
		const random = createRandom(4);
		const rows = 300;
		const data: ClusterData = {
			rows,
			numeric: Float64Array.from({ length: rows * 2 }, () => random.normal()),
			p: 2,
			categorical: Int32Array.from({ length: rows * 2 }, () => random.int(3)),
			q: 2,
			levels: Int32Array.of(3, 3),
			gamma: 0.5
		};
		const labels = Int32Array.from({ length: rows }, (_, i) => (i * 7) % 4);
		expect(meanSilhouette(data, labels, 4)).toBeCloseTo(naiveSilhouette(data, labels), 10);
		const numeric = numericOnly(rows, 2, data.numeric);
		expect(meanSilhouette(numeric, labels, 4)).toBeCloseTo(naiveSilhouette(numeric, labels), 10);
	});

	it('is exact up to the limit and agrees with its seeded sample above it', () => {
		const blobs = plantedBlobs({ clusters: 4, rows: 6000, cols: 3, seed: 8, separation: 4 });
		const data = numericOnly(blobs.rows, blobs.cols, blobs.values);
		const { best } = kMeans(blobs, { k: 4, seed: 1 });
		const exactPlan = planSilhouette(blobs.rows, { seed: 1, exactLimit: 10_000 });
		expect(exactPlan.method).toBe('exact');
		const sampledPlan = planSilhouette(blobs.rows, { seed: 1 });
		expect(sampledPlan).toMatchObject({ method: 'sampled', rowsUsed: 5000 });
		const exact = meanSilhouette(data, best.labels, 4, exactPlan)!;
		const sampled = meanSilhouette(data, best.labels, 4, sampledPlan)!;
		expect(Math.abs(exact - sampled)).toBeLessThan(0.01);
		const small = meanSilhouette(data, best.labels, 4, planSilhouette(blobs.rows, { seed: 2, sampleSize: 1000 }))!;
		expect(Math.abs(exact - small)).toBeLessThan(0.03);
	});
});
