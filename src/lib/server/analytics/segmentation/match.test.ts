import { describe, expect, it } from 'vitest';
import { buildFeatureMatrix } from './features';
import { matchPersonas } from './match';

describe('matching clusters to previous personas', () => {
	// Two numeric features (untransformed) and one categorical, z-scored on this data.
	const matrix = buildFeatureMatrix(
		{ nps: [0, 10, 0, 10], householdSize: [1, 1, 5, 5], optIn: ['yes', 'no', 'yes', 'no'] },
		4,
		['nps', 'householdSize', 'optIn']
	);
	const at = (nps: number, household: number) => [
		(nps - 5) / 5, // nps: mean 5, SD 5
		(household - 3) / 2 // householdSize: mean 3, SD 2
	];
	const current = {
		k: 3,
		centroids: Float64Array.from([...at(0, 1), ...at(10, 5), ...at(5, 3)]),
		modes: Int32Array.of(1, 0, 1) // labels sorted: no = 0, yes = 1
	};

	it('maps each cluster to the persona it continues, whatever order the personas come in', () => {
		const previous = [
			{ id: 'b', centroid: { nps: 9, householdSize: 5, optIn: 'no' } },
			{ id: 'c', centroid: { nps: 5, householdSize: 3, optIn: 'yes' } },
			{ id: 'a', centroid: { nps: 0, householdSize: 1, optIn: 'yes' } }
		];
		const matching = matchPersonas(matrix, 0.5, current, previous);
		expect(matching.matches.map((m) => m.personaId)).toEqual(['a', 'b', 'c']);
		expect(matching.matches[0]!.distance).toBe(0);
		expect(matching.matches[1]!.distance).toBeCloseTo(0.2, 12); // nps moved 1 point = 0.2 SD
		expect(matching.featuresCompared).toEqual(['nps', 'householdSize', 'optIn']);
	});

	it('counts a categorical change with γ and reports new clusters and dropped personas', () => {
		const previous = [
			{ id: 'a', centroid: { nps: 0, householdSize: 1, optIn: 'no' } },
			{ id: 'gone', centroid: { nps: 10, householdSize: 1, optIn: 'no' } }
		];
		const matching = matchPersonas(matrix, 0.5, current, previous, { maxDistance: 1.5 });
		expect(matching.matches[0]).toEqual({ cluster: 0, personaId: 'a', distance: Math.sqrt(0.5) });
		// 'gone' is at least √2.5 ≈ 1.58 from every remaining cluster: beyond the limit.
		expect(matching.newClusters).toEqual([1, 2]);
		expect(matching.droppedPersonaIds).toEqual(['gone']);
	});

	it('compares only on features every previous persona has', () => {
		const previous = [{ id: 'a', centroid: { nps: 0 } }];
		const matching = matchPersonas(matrix, 0.5, current, previous);
		expect(matching.featuresCompared).toEqual(['nps']);
		expect(matching.matches[0]!.personaId).toBe('a');
	});
});
