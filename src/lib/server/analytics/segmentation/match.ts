/**
 * Keeps the team's personas when the data is re-derived: new clusters are matched one-to-one to
 * the previous personas by centroid distance with an optimal assignment (hungarian.ts), so the
 * narrative of a persona carries over to the cluster that continues it.
 *
 * Previous centroids are stored in original units (euros, days, labels) because the
 * standardisation changes with every import; they are placed into the current run's z-space and
 * compared with the same distance the clustering uses (√ of squared z-differences plus γ per
 * categorical mismatch), on the features both runs have. With unequal counts the surplus
 * clusters are new and the surplus personas dropped; a pair further apart than `maxDistance`
 * (default: no limit) is not treated as a continuation either.
 */
import { solveAssignment } from './hungarian';
import { toStandardised, type FeatureMatrix } from './features';

export interface PreviousPersona {
	readonly id: string;
	/** As in ClusterProfile.centroid: original units for numeric features, labels for categorical. */
	readonly centroid: Readonly<Record<string, number | string>>;
}

export interface CurrentPrototypes {
	readonly k: number;
	/** k × p standardised centroids, in the order of matrix.numericFeatures. */
	readonly centroids: Float64Array;
	/** k × q modes (codes), in the order of matrix.categoricalFeatures. */
	readonly modes: Int32Array;
}

export interface PersonaMatch {
	readonly cluster: number;
	/** The persona this cluster continues, or null for a new one. */
	readonly personaId: string | null;
	/** How far the persona's centre moved, in standardised units; null for a new cluster. */
	readonly distance: number | null;
}

export interface PersonaMatching {
	readonly matches: readonly PersonaMatch[];
	readonly newClusters: readonly number[];
	readonly droppedPersonaIds: readonly string[];
	/** Features the distance was computed on (present in the current run and every persona). */
	readonly featuresCompared: readonly string[];
}

export function matchPersonas(
	matrix: FeatureMatrix,
	gamma: number,
	current: CurrentPrototypes,
	previous: readonly PreviousPersona[],
	options: { readonly maxDistance?: number } = {}
): PersonaMatching {
	const maxDistance = options.maxDistance ?? Infinity;
	const p = matrix.numericFeatures.length;
	const q = matrix.categoricalFeatures.length;
	const numeric = matrix.numericFeatures
		.map((feature, j) => ({ feature, j }))
		.filter(({ feature }) =>
			previous.every((persona) => typeof persona.centroid[feature.definition.id] === 'number')
		);
	const categorical = matrix.categoricalFeatures
		.map((feature, j) => ({ feature, j }))
		.filter(({ feature }) =>
			previous.every((persona) => typeof persona.centroid[feature.definition.id] === 'string')
		);

	const distances = Array.from({ length: current.k }, (_, c) =>
		previous.map((persona) => {
			let d = 0;
			for (const { feature, j } of numeric) {
				const z = toStandardised(feature, persona.centroid[feature.definition.id] as number);
				d += (current.centroids[c * p + j]! - z) ** 2;
			}
			for (const { feature, j } of categorical) {
				const label = feature.labels[current.modes[c * q + j]!];
				if (label !== persona.centroid[feature.definition.id]) d += gamma;
			}
			return Math.sqrt(d);
		})
	);
	const { rowToColumn } = solveAssignment(distances);

	const matches: PersonaMatch[] = [];
	const newClusters: number[] = [];
	const continued = new Set<number>();
	rowToColumn.forEach((column, cluster) => {
		const distance = column >= 0 ? distances[cluster]![column]! : Infinity;
		if (column >= 0 && distance <= maxDistance) {
			continued.add(column);
			matches.push({ cluster, personaId: previous[column]!.id, distance });
		} else {
			newClusters.push(cluster);
			matches.push({ cluster, personaId: null, distance: null });
		}
	});
	return {
		matches,
		newClusters,
		droppedPersonaIds: previous.filter((_, index) => !continued.has(index)).map((persona) => persona.id),
		featuresCompared: [...numeric, ...categorical].map(({ feature }) => feature.definition.id)
	};
}
