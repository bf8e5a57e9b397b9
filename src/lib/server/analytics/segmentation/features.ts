/**
 * Turns per-customer columns into the matrices the clustering works on:
 * - numeric features → optional log1p, median imputation, z-scores (row-major Float64Array);
 * - categorical features → integer codes (row-major Int32Array) with their labels.
 *
 * Missing values, the documented rule:
 * - numeric: anything that is not a finite number is imputed with the feature's median (of the
 *   known values, before transforming and standardising) and counted in `imputedCount`. The median
 *   rather than the mean because these features are skewed and one huge value should not decide
 *   where unknown customers land. Imputed customers sit at the centre of that feature, so it does
 *   not pull them towards any persona.
 * - categorical: null, undefined and '' become an explicit level "unknown" — "we do not know the
 *   age band" is itself information a persona may share, and no category is invented.
 * Features that cannot separate anyone (no known value, or one value for everybody) are dropped
 * and reported in `dropped` instead of producing zero-variance columns (and NaN z-scores).
 */
import { catalogueFeature, type FeatureDefinition } from './feature-catalogue';
import { SegmentationError } from './errors';

export type FeatureValue = number | string | boolean | null | undefined;
/** One value per customer, in the same customer order for every column. */
export type FeatureColumn = ArrayLike<FeatureValue>;
export type FeatureColumns = Readonly<Record<string, FeatureColumn>>;

export const UNKNOWN_LEVEL = 'unknown';

export interface NumericFeature {
	readonly definition: FeatureDefinition;
	/** Mean and population SD of the transformed, imputed values: z = (t(x) − mean) / sd. */
	readonly mean: number;
	readonly sd: number;
	/** Median of the known original values; also the value imputed for missing ones. */
	readonly median: number;
	readonly imputedCount: number;
}

export interface CategoricalFeature {
	readonly definition: FeatureDefinition;
	/** Code i stands for labels[i]; labels are sorted, "unknown" (if present) comes last. */
	readonly labels: readonly string[];
	readonly unknownCount: number;
}

export interface DroppedFeature {
	readonly featureId: string;
	readonly reason: 'no_values' | 'constant';
}

export interface FeatureMatrix {
	readonly rows: number;
	readonly numericFeatures: readonly NumericFeature[];
	/** rows × numericFeatures.length z-scores, row-major. */
	readonly numeric: Float64Array;
	readonly categoricalFeatures: readonly CategoricalFeature[];
	/** rows × categoricalFeatures.length codes, row-major. */
	readonly categorical: Int32Array;
	readonly dropped: readonly DroppedFeature[];
}

/** Resolves a selection of catalogue ids and/or custom definitions; rejects unknown ids. */
export function resolveFeatures(
	selection: readonly (string | FeatureDefinition)[]
): FeatureDefinition[] {
	const seen = new Set<string>();
	const features: FeatureDefinition[] = [];
	for (const item of selection) {
		const definition = typeof item === 'string' ? catalogueFeature(item) : item;
		if (!definition) {
			throw new SegmentationError('unknown_feature', `Unknown feature "${String(item)}"`);
		}
		if (seen.has(definition.id)) continue;
		seen.add(definition.id);
		features.push(definition);
	}
	return features;
}

export function transformValue(definition: FeatureDefinition, x: number): number {
	return definition.transform === 'log1p' ? Math.sign(x) * Math.log1p(Math.abs(x)) : x;
}

export function untransformValue(definition: FeatureDefinition, t: number): number {
	return definition.transform === 'log1p' ? Math.sign(t) * Math.expm1(Math.abs(t)) : t;
}

/** A z-score of this feature back in original units (euros, days…). */
export function toOriginalUnits(feature: NumericFeature, z: number): number {
	return untransformValue(feature.definition, feature.mean + z * feature.sd);
}

/** An original-unit value as a z-score of this feature (used to place previous centroids). */
export function toStandardised(feature: NumericFeature, x: number): number {
	return (transformValue(feature.definition, x) - feature.mean) / feature.sd;
}

export function buildFeatureMatrix(
	columns: FeatureColumns,
	rows: number,
	selection: readonly (string | FeatureDefinition)[]
): FeatureMatrix {
	const definitions = resolveFeatures(selection);
	if (definitions.length === 0) throw new SegmentationError('no_features', 'Choose at least one feature');
	for (const definition of definitions) {
		const column = columns[definition.id];
		if (!column) {
			throw new SegmentationError('missing_column', `No data for feature "${definition.id}"`);
		}
		if (column.length !== rows) {
			throw new SegmentationError(
				'column_length',
				`Feature "${definition.id}" has ${column.length} values for ${rows} customers`
			);
		}
	}

	const dropped: DroppedFeature[] = [];
	const numericColumns: { feature: NumericFeature; values: Float64Array }[] = [];
	const categoricalColumns: { feature: CategoricalFeature; codes: Int32Array }[] = [];
	for (const definition of definitions) {
		const column = columns[definition.id]!;
		if (definition.kind === 'numeric') {
			const prepared = prepareNumeric(definition, column, rows);
			if ('reason' in prepared) dropped.push(prepared);
			else numericColumns.push(prepared);
		} else {
			const prepared = prepareCategorical(definition, column, rows);
			if ('reason' in prepared) dropped.push(prepared);
			else categoricalColumns.push(prepared);
		}
	}
	if (numericColumns.length + categoricalColumns.length === 0) {
		throw new SegmentationError(
			'no_informative_features',
			'None of the chosen features differs between customers of this group'
		);
	}

	// Interleave the per-feature columns into row-major matrices: the clustering reads one
	// customer's features together, so keeping them adjacent is what the cache wants.
	const p = numericColumns.length;
	const numeric = new Float64Array(rows * p);
	numericColumns.forEach(({ values }, j) => {
		for (let i = 0; i < rows; i++) numeric[i * p + j] = values[i]!;
	});
	const q = categoricalColumns.length;
	const categorical = new Int32Array(rows * q);
	categoricalColumns.forEach(({ codes }, j) => {
		for (let i = 0; i < rows; i++) categorical[i * q + j] = codes[i]!;
	});
	return {
		rows,
		numericFeatures: numericColumns.map((c) => c.feature),
		numeric,
		categoricalFeatures: categoricalColumns.map((c) => c.feature),
		categorical,
		dropped
	};
}

function prepareNumeric(
	definition: FeatureDefinition,
	column: FeatureColumn,
	rows: number
): { feature: NumericFeature; values: Float64Array } | DroppedFeature {
	const known = new Float64Array(rows);
	let knownCount = 0;
	for (let i = 0; i < rows; i++) {
		const value = column[i];
		if (typeof value === 'number' && Number.isFinite(value)) known[knownCount++] = value;
	}
	if (knownCount === 0) return { featureId: definition.id, reason: 'no_values' };
	const median = medianOfSorted(known.subarray(0, knownCount).sort());

	const imputed = transformValue(definition, median);
	const values = new Float64Array(rows);
	let sum = 0;
	for (let i = 0; i < rows; i++) {
		const value = column[i];
		const t =
			typeof value === 'number' && Number.isFinite(value) ? transformValue(definition, value) : imputed;
		values[i] = t;
		sum += t;
	}
	const mean = sum / rows;
	let squares = 0;
	for (let i = 0; i < rows; i++) squares += (values[i]! - mean) ** 2;
	// Population SD: the matrix describes the whole group, not a sample from a larger one.
	const sd = Math.sqrt(squares / rows);
	// Relative threshold: values that differ only by rounding noise count as constant.
	if (!(sd > 1e-12 * Math.max(1, Math.abs(mean)))) return { featureId: definition.id, reason: 'constant' };
	for (let i = 0; i < rows; i++) values[i] = (values[i]! - mean) / sd;
	return {
		feature: { definition, mean, sd, median, imputedCount: rows - knownCount },
		values
	};
}

function prepareCategorical(
	definition: FeatureDefinition,
	column: FeatureColumn,
	rows: number
): { feature: CategoricalFeature; codes: Int32Array } | DroppedFeature {
	const labelOf = (value: FeatureValue): string | null =>
		value === null || value === undefined || value === '' || (typeof value === 'number' && Number.isNaN(value))
			? null
			: String(value);
	const distinct = new Set<string>();
	let unknownCount = 0;
	for (let i = 0; i < rows; i++) {
		const label = labelOf(column[i]);
		if (label === null || label === UNKNOWN_LEVEL) unknownCount++;
		else distinct.add(label);
	}
	// Sorted (code-unit order, not locale order) so codes do not depend on row order or locale.
	const labels = [...distinct].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	if (unknownCount > 0) labels.push(UNKNOWN_LEVEL);
	if (labels.length < 2) {
		return { featureId: definition.id, reason: labels.length === 0 ? 'no_values' : 'constant' };
	}
	const codeOf = new Map(labels.map((label, code) => [label, code]));
	const unknownCode = labels.length - 1;
	const codes = new Int32Array(rows);
	for (let i = 0; i < rows; i++) {
		const label = labelOf(column[i]);
		codes[i] = label === null ? unknownCode : codeOf.get(label)!;
	}
	return { feature: { definition, labels, unknownCount }, codes };
}

/** Median of an ascending array (mean of the middle two for an even count). */
export function medianOfSorted(sorted: ArrayLike<number>): number {
	const n = sorted.length;
	if (n === 0) return Number.NaN;
	const middle = n >> 1;
	return n % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
