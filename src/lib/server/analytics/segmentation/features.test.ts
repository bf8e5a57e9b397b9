import { describe, expect, it } from 'vitest';
import { SegmentationError } from './errors';
import { DEFAULT_FEATURE_IDS, FEATURE_CATALOGUE, catalogueFeature } from './feature-catalogue';
import { UNKNOWN_LEVEL, buildFeatureMatrix, toOriginalUnits, toStandardised } from './features';

describe('feature catalogue', () => {
	it('covers every segmentation basis with unique ids, and the defaults exist', () => {
		const ids = FEATURE_CATALOGUE.map((f) => f.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(new Set(FEATURE_CATALOGUE.map((f) => f.basis))).toEqual(
			new Set(['value', 'behaviour', 'attitude', 'relationship', 'profile'])
		);
		for (const id of DEFAULT_FEATURE_IDS) expect(catalogueFeature(id)).toBeDefined();
		// Categorical features are never transformed.
		for (const f of FEATURE_CATALOGUE) if (f.kind === 'categorical') expect(f.transform).toBe('none');
	});
});

describe('building the feature matrix', () => {
	it('log-transforms skewed money, standardises to population z-scores and can go back to euros', () => {
		const monetary = [0, 9, 99, 999];
		const matrix = buildFeatureMatrix({ monetaryValue: monetary, nps: [1, 2, 3, 4] }, 4, ['monetaryValue', 'nps']);
		const [money, nps] = matrix.numericFeatures;
		// log1p(0, 9, 99, 999) = 0, ln 10, ln 100, ln 1000 → mean 1.5·ln 10
		expect(money!.mean).toBeCloseTo(1.5 * Math.LN10, 12);
		expect(money!.sd).toBeCloseTo(Math.sqrt(1.25) * Math.LN10, 12);
		expect(nps!.mean).toBe(2.5);
		const column = [0, 1, 2, 3].map((i) => matrix.numeric[i * 2]!);
		expect(column.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 12);
		expect(column.reduce((s, v) => s + v * v, 0) / 4).toBeCloseTo(1, 12);
		monetary.forEach((euros, i) => expect(toOriginalUnits(money!, column[i]!)).toBeCloseTo(euros, 9));
		expect(toStandardised(money!, 99)).toBeCloseTo(column[2]!, 12);
	});

	it('keeps a negative margin valid and ordered under the symmetric log', () => {
		const matrix = buildFeatureMatrix({ margin: [-50, 0, 50, 500] }, 4, ['margin']);
		const z = [0, 1, 2, 3].map((i) => matrix.numeric[i]!);
		expect(z.every(Number.isFinite)).toBe(true);
		expect([...z].sort((a, b) => a - b)).toEqual(z);
		expect(toOriginalUnits(matrix.numericFeatures[0]!, z[0]!)).toBeCloseTo(-50, 9);
	});

	it('imputes missing numeric values with the median of the known ones and counts them', () => {
		const matrix = buildFeatureMatrix({ nps: [1, null, 3, Number.NaN, 10, undefined] }, 6, ['nps']);
		const nps = matrix.numericFeatures[0]!;
		expect(nps.median).toBe(3);
		expect(nps.imputedCount).toBe(3);
		expect(toOriginalUnits(nps, matrix.numeric[1]!)).toBeCloseTo(3, 12);
		expect(toOriginalUnits(nps, matrix.numeric[3]!)).toBeCloseTo(3, 12);
	});

	it('codes categories with sorted labels and gives missing ones an explicit unknown level', () => {
		const matrix = buildFeatureMatrix({ ageBand: ['35-44', null, '18-24', '', '35-44'] }, 5, ['ageBand']);
		const age = matrix.categoricalFeatures[0]!;
		expect(age.labels).toEqual(['18-24', '35-44', UNKNOWN_LEVEL]);
		expect(age.unknownCount).toBe(2);
		expect(Array.from(matrix.categorical)).toEqual([1, 2, 0, 2, 1]);
	});

	it('drops features that cannot separate anyone and says why', () => {
		const matrix = buildFeatureMatrix(
			{ nps: [7, 7, 7], csat: [null, null, null], optIn: ['yes', 'yes', 'yes'], frequency: [1, 2, 3] },
			3,
			['nps', 'csat', 'optIn', 'frequency']
		);
		expect(matrix.dropped).toEqual([
			{ featureId: 'nps', reason: 'constant' },
			{ featureId: 'csat', reason: 'no_values' },
			{ featureId: 'optIn', reason: 'constant' }
		]);
		expect(matrix.numericFeatures.map((f) => f.definition.id)).toEqual(['frequency']);
	});

	it('rejects bad input with a clear error instead of NaN', () => {
		const code = (fn: () => unknown) => {
			try {
				fn();
			} catch (error) {
				return error instanceof SegmentationError ? error.code : 'other';
			}
			return 'none';
		};
		expect(code(() => buildFeatureMatrix({}, 2, ['shoeSize']))).toBe('unknown_feature');
		expect(code(() => buildFeatureMatrix({}, 2, ['nps']))).toBe('missing_column');
		expect(code(() => buildFeatureMatrix({ nps: [1] }, 2, ['nps']))).toBe('column_length');
		expect(code(() => buildFeatureMatrix({ nps: [1, 1] }, 2, ['nps']))).toBe('no_informative_features');
		expect(code(() => buildFeatureMatrix({}, 2, []))).toBe('no_features');
	});
});
