import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from './adjusted-rand';
import { numericOnly } from './cluster-data';
import { chooseK } from './choose-k';
import { SegmentationError } from './errors';
import { plantedBlobs } from './synthetic';

const blobData = (clusters: number, weights?: number[]) => {
	const blobs = plantedBlobs({ clusters, rows: 3000, cols: 4, seed: 40 + clusters, weights });
	return { blobs, data: numericOnly(blobs.rows, blobs.cols, blobs.values) };
};

describe('choosing k', () => {
	it('finds the planted number of clusters by mean silhouette and reports every k', () => {
		for (const planted of [3, 5]) {
			const { blobs, data } = blobData(planted);
			const choice = chooseK(data, { k: 'auto', seed: 1 });
			expect(choice.k).toBe(planted);
			expect(choice.reason.code).toBe('best_silhouette');
			expect(adjustedRandIndex(choice.clustering.labels, blobs.labels)).toBeGreaterThan(0.95);
			expect(choice.diagnostics.map((d) => d.k)).toEqual([3, 4, 5, 6, 7, 8]);
			for (const d of choice.diagnostics) {
				expect(d.inertia).toBeGreaterThan(0);
				expect(d.silhouette).not.toBeNull();
				expect(d.sizes.reduce((s, v) => s + v, 0)).toBe(3000);
			}
		}
	});

	it('never chooses a k that leaves a persona below the minimum share', () => {
		// Three big blobs and one of 2%: as its own cluster it is too small to be a persona.
		const { data } = blobData(4, [0.33, 0.33, 0.32, 0.02]);
		const auto = chooseK(data, { k: 'auto', seed: 1 });
		const four = auto.diagnostics.find((d) => d.k === 4)!;
		expect(four.meetsMinShare).toBe(false);
		expect(auto.k).not.toBe(4);
		for (const size of auto.clustering.sizes) expect(size / 3000).toBeGreaterThanOrEqual(0.05);
		// With a 1% minimum the small blob may be a persona of its own.
		expect(chooseK(data, { k: 'auto', seed: 1, minClusterShare: 0.01 }).k).toBe(4);
	});

	it('falls back from a fixed k that breaks the minimum share to the largest smaller k, and says why', () => {
		const { data } = blobData(4, [0.33, 0.33, 0.32, 0.02]);
		const choice = chooseK(data, { k: 4, seed: 1 });
		expect(choice.k).toBe(3);
		expect(choice.reason.code).toBe('min_share_fallback');
		if (choice.reason.code !== 'min_share_fallback') return;
		expect(choice.reason.rejected).toHaveLength(1);
		expect(choice.reason.rejected[0]!.k).toBe(4);
		expect(choice.reason.rejected[0]!.smallestShare).toBeLessThan(0.05);
		expect(choice.reason.message).toMatch(/k = 3/);
		expect(choice.diagnostics.map((d) => d.k)).toEqual([3, 4]);
	});

	it('goes below 3 when no k in the range can meet the minimum share', () => {
		// 90 identical customers, 10 identical others and one outlier: any k ≥ 3 isolates the outlier.
		const values = Float64Array.from([...Array(90).fill(0), ...Array(10).fill(100), 200]);
		const choice = chooseK(numericOnly(101, 1, values), { k: 'auto', seed: 1 });
		expect(choice.k).toBe(2);
		expect(choice.reason.code).toBe('min_share_fallback');
		expect(Array.from(choice.clustering.sizes).sort((a, b) => a - b)).toEqual([11, 90]);
	});

	it('refuses impossible requests with a clear error', () => {
		const tiny = numericOnly(4, 1, Float64Array.of(1, 2, 3, 4));
		const codeOf = (k: number | 'auto', data = tiny) => {
			try {
				chooseK(data, { k, seed: 1 });
				return 'none';
			} catch (error) {
				return (error as SegmentationError).code;
			}
		};
		expect(codeOf(5)).toBe('too_few_customers');
		expect(codeOf(9)).toBe('invalid_k');
		expect(codeOf(2)).toBe('invalid_k');
		expect(codeOf('auto', numericOnly(2, 1, Float64Array.of(1, 2)))).toBe('too_few_customers');
		// Four customers, auto: only k = 3 and 4 are possible, and are tried.
		expect(codeOf('auto')).toBe('none');
	});
});
