import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from './adjusted-rand';
import { derivePersonas, type PersonaDerivation } from './derive';
import { SegmentationError } from './errors';
import type { FeatureDefinition } from './feature-catalogue';
import { plantedBlobs, plantedCustomers } from './synthetic';

function blobInput(clusters: number, seed: number, rows = 3000) {
	const blobs = plantedBlobs({ clusters, rows, cols: 4, seed });
	const features: FeatureDefinition[] = [0, 1, 2, 3].map((j) => ({
		id: `x${j}`,
		kind: 'numeric',
		transform: 'none',
		basis: 'behaviour'
	}));
	const columns = Object.fromEntries(
		features.map((f, j) => [f.id, Float64Array.from({ length: blobs.rows }, (_, i) => blobs.values[i * 4 + j]!)])
	);
	return { blobs, features, input: { customerCount: blobs.rows, columns } };
}

/** Every number anywhere in the result is finite (no NaN sneaks into JSON as null). */
function allFinite(value: unknown): boolean {
	if (typeof value === 'number') return Number.isFinite(value);
	if (ArrayBuffer.isView(value)) return true;
	if (Array.isArray(value)) return value.every(allFinite);
	if (value && typeof value === 'object') return Object.values(value).every(allFinite);
	return true;
}

describe('derivePersonas', () => {
	it('finds 3 and 5 planted clusters automatically and recovers their members', () => {
		for (const planted of [3, 5]) {
			const { blobs, features, input } = blobInput(planted, 100 + planted);
			const result = derivePersonas(input, { k: 'auto', features, seed: 4 });
			expect(result.k).toBe(planted);
			expect(result.algorithm).toBe('k-means');
			expect(adjustedRandIndex(result.assignments, blobs.labels)).toBeGreaterThan(0.95);
			expect(result.stability.mean).toBeGreaterThan(0.99);
			expect(result.diagnostics.map((d) => d.k)).toEqual([3, 4, 5, 6, 7, 8]);
		}
	});

	it('derives the planted customer personas with their evidence, largest first', () => {
		const customers = plantedCustomers(4000, 9);
		const result = derivePersonas(
			{ customerCount: 4000, columns: customers.columns, revenue: customers.revenue, clv: customers.columns.customerLifetimeValue as Float64Array },
			{ k: 'auto', seed: 1, features: ['customerLifetimeValue', 'monetaryValue', 'frequency', 'recencyDays', 'channelShareApp', 'channelShareWebshop', 'nps', 'tenureDays', 'householdSize'] }
		);
		expect(result.k).toBe(4);
		expect(adjustedRandIndex(result.assignments, customers.personas)).toBeGreaterThan(0.95);
		const sizes = result.clusters.map((c) => c.size);
		expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
		expect(result.clusters.reduce((s, c) => s + (c.revenueShare ?? 0), 0)).toBeCloseTo(1, 9);
		expect(result.features.find((f) => f.id === 'nps')!.imputedCount).toBeGreaterThan(300);
		// The persona with the highest CLV stands out by it and buys more often than the group.
		const richest = [...result.clusters].sort((a, b) => b.clvMean! - a.clvMean!)[0]!;
		const frequency = richest.distinguishing.find((d) => d.featureId === 'frequency')!;
		expect(frequency.direction).toBe('higher');
		expect(frequency.ratio!).toBeGreaterThan(1.5);
		expect(richest.medoids).toHaveLength(3);
		expect(allFinite(result)).toBe(true);
		expect(() => JSON.stringify({ ...result, assignments: Array.from(result.assignments) })).not.toThrow();
	});

	it('is identical for the same seed, and finds the same personas with another seed', () => {
		const customers = plantedCustomers(3000, 5);
		const input = { customerCount: 3000, columns: customers.columns };
		const options = { k: 4, seed: 77, features: ['monetaryValue', 'frequency', 'recencyDays', 'channelShareApp', 'tenureDays', 'topCategory'] };
		const a = derivePersonas(input, options);
		const b = derivePersonas(input, options);
		expect(a.algorithm).toBe('k-prototypes');
		expect(a.gamma).toBeCloseTo(0.5, 12);
		expect(JSON.stringify(a, replacer)).toBe(JSON.stringify(b, replacer));
		const other = derivePersonas(input, { ...options, seed: 78 });
		expect(adjustedRandIndex(a.assignments, other.assignments)).toBeGreaterThan(0.98);
		expect(a.stability.mean).toBeGreaterThan(0.98);
	});

	it('carries the previous personas over to the clusters that continue them', () => {
		const customers = plantedCustomers(3000, 12);
		const input = { customerCount: 3000, columns: customers.columns };
		const features = ['monetaryValue', 'frequency', 'recencyDays', 'channelShareApp', 'tenureDays', 'householdSize'];
		const first = derivePersonas(input, { k: 4, seed: 1, features });
		// Stored in another order, as a database might return them.
		const previous = [2, 0, 3, 1].map((c) => ({ id: `persona-${c}`, centroid: first.clusters[c]!.centroid }));
		const again = derivePersonas(input, { k: 4, seed: 2, features, previousPersonas: previous });
		const matching = again.matching!;
		expect(matching.newClusters).toEqual([]);
		expect(matching.droppedPersonaIds).toEqual([]);
		for (const match of matching.matches) {
			// The persona continued is the one with (nearly) the same members.
			const members = (result: PersonaDerivation, c: number) =>
				Int32Array.from(result.assignments, (label) => (label === c ? 1 : 0));
			const previousCluster = Number(match.personaId!.split('-')[1]);
			expect(adjustedRandIndex(members(again, match.cluster), members(first, previousCluster))).toBeGreaterThan(0.95);
			expect(match.distance!).toBeLessThan(0.1);
		}
		// Fewer personas before: the surplus cluster is new; more before: the surplus is dropped.
		const fewer = derivePersonas(input, { k: 4, seed: 2, features, previousPersonas: previous.slice(0, 3) });
		expect(fewer.matching!.newClusters).toHaveLength(1);
		const far = { id: 'far-away', centroid: { ...first.clusters[0]!.centroid, monetaryValue: 1e7 } };
		const more = derivePersonas(input, { k: 4, seed: 2, features, previousPersonas: [...previous, far] });
		expect(more.matching!.droppedPersonaIds).toEqual(['far-away']);
	});

	it('refuses groups too small to trust a persona from: 30 customers and 10 per persona', () => {
		const refusal = (fn: () => unknown) => {
			try {
				fn();
				return null;
			} catch (error) {
				return error instanceof SegmentationError ? { code: error.code, message: error.message } : String(error);
			}
		};
		// The case: six customers would give three personas of two.
		const six = blobInput(3, 2, 6);
		expect(refusal(() => derivePersonas(six.input, { k: 'auto', features: six.features }))).toEqual({
			code: 'too_few_customers',
			message: 'This group has 6 customers; personas need at least 30 (at least 10 customers per persona and 30 in all)'
		});
		const small = blobInput(3, 3, 45);
		expect(refusal(() => derivePersonas(small.input, { k: 5, features: small.features }))).toEqual({
			code: 'too_few_customers',
			message: 'This group has 45 customers; 5 personas need at least 50 (at least 10 customers per persona and 30 in all)'
		});
		expect(derivePersonas(small.input, { k: 4, features: small.features, seed: 1 }).k).toBe(4);
		// Automatic: only the k whose every persona can have 10 customers are tried.
		const auto = derivePersonas(small.input, { k: 'auto', features: small.features, seed: 1 });
		expect(auto.diagnostics.map((d) => d.k).filter((k) => k >= 3)).toEqual([3, 4]);
		expect(refusal(() => derivePersonas(blobInput(3, 4, 29).input, { k: 'auto', features: small.features }))).toMatchObject({
			code: 'too_few_customers'
		});
		expect(derivePersonas(blobInput(3, 4, 30).input, { k: 'auto', features: small.features, seed: 1 }).diagnostics.map((d) => d.k)).toContain(3);
	});

	it('turns bad input into a clear error, never a crash or NaN', () => {
		const codeOf = (fn: () => unknown) => {
			try {
				fn();
				return 'none';
			} catch (error) {
				return error instanceof SegmentationError ? error.code : String(error);
			}
		};
		const two = { customerCount: 2, columns: { frequency: [1, 2] } };
		expect(codeOf(() => derivePersonas(two, { k: 'auto', features: ['frequency'] }))).toBe('too_few_customers');
		expect(codeOf(() => derivePersonas(two, { k: 3, features: ['frequency'] }))).toBe('too_few_customers');
		const empty = { customerCount: 0, columns: { frequency: [] } };
		expect(codeOf(() => derivePersonas(empty, { k: 'auto', features: ['frequency'] }))).toBe('too_few_customers');
		const constant = { customerCount: 50, columns: { frequency: Array(50).fill(3), nps: Array(50).fill(null) } };
		expect(codeOf(() => derivePersonas(constant, { k: 3, features: ['frequency', 'nps'] }))).toBe('no_informative_features');
		const { input, features } = blobInput(3, 1);
		expect(codeOf(() => derivePersonas(input, { k: 12, features }))).toBe('invalid_k');
		expect(codeOf(() => derivePersonas(input, { k: 3, features, gamma: -1 }))).toBe('none'); // γ unused by k-means
	});
});

function replacer(_key: string, value: unknown) {
	return value instanceof Int32Array ? Array.from(value) : value;
}
