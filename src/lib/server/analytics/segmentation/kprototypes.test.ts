import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from './adjusted-rand';
import { kMeans } from './kmeans';
import { defaultGamma, kPrototypes, type MixedMatrix } from './kprototypes';
import { createRandom } from './random';

/** Three groups that differ only in `channel`; the numeric feature is the same noise for all. */
function categoricalOnlyGroups(rows: number, seed: number): { matrix: MixedMatrix; planted: Int32Array } {
	const random = createRandom(seed);
	const numeric = new Float64Array(rows);
	const categorical = new Int32Array(rows);
	const planted = new Int32Array(rows);
	for (let i = 0; i < rows; i++) {
		planted[i] = i % 3;
		numeric[i] = random.normal();
		// 95% of a group shares its channel; the rest is spread over the others.
		categorical[i] = random.next() < 0.95 ? planted[i]! : random.int(3);
	}
	return { matrix: { rows, numeric, p: 1, categorical, q: 1, levels: Int32Array.of(3) }, planted };
}

describe('k-prototypes', () => {
	it('uses γ = ½ · mean SD of the numeric features (0.5 on z-scores)', () => {
		const numeric = Float64Array.from([-1, -2, 1, 2, -1, -2, 1, 2]); // two columns, SDs 1 and 2
		expect(defaultGamma({ rows: 4, numeric, p: 2 })).toBeCloseTo(0.75, 12);
		expect(defaultGamma({ rows: 4, numeric: new Float64Array(0), p: 0 })).toBe(1);
	});

	it('separates customers that differ only in a categorical feature, which k-means cannot see', () => {
		const { matrix, planted } = categoricalOnlyGroups(1500, 21);
		// A γ of 3 makes one mismatch outweigh any split of the 1-D noise (worth < 1 per row).
		const mixed = kPrototypes(matrix, { k: 3, seed: 2, gamma: 3 }).best;
		expect(adjustedRandIndex(mixed.labels, planted)).toBeGreaterThan(0.85);
		// Each cluster's mode is a different channel.
		expect(new Set(mixed.modes).size).toBe(3);
		const numericOnly = kMeans({ rows: matrix.rows, cols: 1, values: matrix.numeric }, { k: 3, seed: 2 }).best;
		expect(Math.abs(adjustedRandIndex(numericOnly.labels, planted))).toBeLessThan(0.05);
	});

	it('reports modes as the most frequent level and a cost that includes γ per mismatch', () => {
		const matrix: MixedMatrix = {
			rows: 6,
			numeric: Float64Array.from([0, 0, 0, 10, 10, 10]),
			p: 1,
			categorical: Int32Array.from([0, 0, 1, 2, 2, 2]),
			q: 1,
			levels: Int32Array.of(3)
		};
		const run = kPrototypes(matrix, { k: 2, seed: 1, gamma: 0.5 });
		const first = run.best.labels[0]!;
		expect(run.best.modes[first]).toBe(0);
		expect(run.best.modes[1 - first]).toBe(2);
		expect(run.best.cost).toBeCloseTo(0.5, 12); // one customer differs from its cluster's mode
		expect(run.gamma).toBe(0.5);
	});
});
