import { describe, expect, it } from 'vitest';
import { prototypeDissimilarity } from './cluster-data';
import { buildFeatureMatrix } from './features';
import { runClustering } from './kmeans';
import { mixedClusterData } from './kprototypes';
import { profileClusters } from './profile';

/** Eight customers: four occasional store buyers and four frequent app buyers. */
function twoKindsOfCustomers() {
	const columns = {
		frequency: [1, 1, 2, 1, 5, 6, 5, 4],
		monetaryValue: [100, 120, 80, 100, 30, 40, 50, 40],
		topCategory: ['Tuin', 'Tuin', 'Tuin', 'Boeken', 'Games', 'Games', 'Games', 'Games']
	};
	const matrix = buildFeatureMatrix(columns, 8, ['frequency', 'monetaryValue', 'topCategory']);
	const data = mixedClusterData(
		{
			rows: 8,
			numeric: matrix.numeric,
			p: 2,
			categorical: matrix.categorical,
			q: 1,
			levels: Int32Array.of(matrix.categoricalFeatures[0]!.labels.length)
		},
		0.5
	);
	const clustering = runClustering(data, { k: 2, seed: 1 }).best;
	const store = clustering.labels[0]!;
	const app = clustering.labels[4]!;
	return { matrix, data, clustering, store, app };
}

describe('persona profiles', () => {
	it('reports size, share, centroid in original units, medians and category shares', () => {
		const { matrix, data, clustering, store, app } = twoKindsOfCustomers();
		expect(store).not.toBe(app);
		const profiles = profileClusters(matrix, data, clustering);
		const storeProfile = profiles[store]!;
		expect(storeProfile).toMatchObject({ cluster: store, size: 4, share: 0.5 });
		// Both features are log1p-transformed (counts and money): a centroid is the
		// back-transformed mean of the logs, a geometric-style centre that one big value cannot drag.
		const centre = (values: number[]) => Math.expm1(values.reduce((s, v) => s + Math.log1p(v), 0) / values.length);
		expect(storeProfile.centroid.frequency).toBeCloseTo(centre([1, 1, 2, 1]), 9);
		expect(storeProfile.centroid.monetaryValue).toBeCloseTo(centre([100, 120, 80, 100]), 9);
		expect(storeProfile.centroid.topCategory).toBe('Tuin');
		expect(storeProfile.typical.frequency).toBe(1);
		expect(storeProfile.typical.monetaryValue).toBeCloseTo(100, 9);
		expect(storeProfile.categoryShares.topCategory).toEqual({ Boeken: 0.25, Games: 0, Tuin: 0.75 });
		expect(profiles[app]!.typical.frequency).toBe(5);
	});

	it('lists what sets a persona apart, strongest first, with ratios in original units', () => {
		const { matrix, data, clustering, app } = twoKindsOfCustomers();
		const distinguishing = profileClusters(matrix, data, clustering)[app]!.distinguishing;
		for (let i = 1; i < distinguishing.length; i++) {
			expect(Math.abs(distinguishing[i - 1]!.z)).toBeGreaterThanOrEqual(Math.abs(distinguishing[i]!.z));
		}
		const frequency = distinguishing.find((d) => d.featureId === 'frequency')!;
		// Mean 5 against the group's 3.125: "buys 1.6× as often".
		expect(frequency).toMatchObject({ kind: 'numeric', direction: 'higher', clusterValue: 5, groupValue: 3.125 });
		expect(frequency.ratio).toBeCloseTo(1.6, 12);
		const spend = distinguishing.find((d) => d.featureId === 'monetaryValue')!;
		expect(spend.direction).toBe('lower');
		expect(spend.z).toBeLessThan(0);
		const category = distinguishing.find((d) => d.featureId === 'topCategory')!;
		// Games: 100% of this persona against 50% of the group → z = 0.5 / √(0.25) = 1.
		expect(category).toMatchObject({ kind: 'categorical', level: 'Games', direction: 'higher', ratio: 2 });
		expect(category.z).toBeCloseTo(1, 12);
	});

	it('picks the members nearest the prototype as medoids', () => {
		const { matrix, data, clustering, app } = twoKindsOfCustomers();
		const medoids = profileClusters(matrix, data, clustering, { medoidCount: 2 })[app]!.medoids;
		expect(medoids).toHaveLength(2);
		for (const row of medoids) expect(clustering.labels[row]).toBe(app);
		const distance = (row: number) =>
			prototypeDissimilarity(data, row, clustering.centroids, clustering.modes, app);
		const members = [4, 5, 6, 7].sort((a, b) => distance(a) - distance(b) || a - b);
		expect(medoids).toEqual(members.slice(0, 2));
	});

	it('shares revenue and averages known CLVs per persona', () => {
		const { matrix, data, clustering, store, app } = twoKindsOfCustomers();
		const revenue = [100, 100, 100, 100, 50, 50, null, 100];
		const clv = [1000, null, 2000, 3000, 10, 20, 30, Number.NaN];
		const profiles = profileClusters(matrix, data, clustering, { revenue, clv });
		expect(profiles[store]!.revenueShare).toBeCloseTo(400 / 600, 12);
		expect(profiles[app]!.revenueShare).toBeCloseTo(200 / 600, 12);
		expect(profiles[store]!.clvMean).toBe(2000);
		expect(profiles[app]!.clvMean).toBe(20);
		const without = profileClusters(matrix, data, clustering);
		expect(without[store]!.revenueShare).toBeNull();
		expect(without[store]!.clvMean).toBeNull();
	});
});
