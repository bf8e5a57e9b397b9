import { describe, expect, it } from 'vitest';
import { actionSplit, MINIMUM_SEGMENT_CUSTOMERS, segmentValue } from './value-where';

const values = new Map(Array.from({ length: 12 }, (_, i) => [`c${i}`, i * 10] as const));

describe('segmentValue', () => {
	it('sums and averages the known values of the members, with their share of the total', () => {
		const members = Array.from({ length: 10 }, (_, i) => `c${i + 2}`).concat(['unknown']);
		const result = segmentValue(members, values, 1000);
		// c2..c11: 20+30+...+110 = 650
		expect(result).toEqual({ suppressed: false, customers: 10, total: 650, mean: 65, share: 0.65 });
	});

	it('withholds every figure of a segment below the minimum', () => {
		const result = segmentValue(['c1', 'c2', 'c3'], values, 1000);
		expect(result).toEqual({ suppressed: true, customers: null, total: null, mean: null, share: null });
		expect(MINIMUM_SEGMENT_CUSTOMERS).toBe(10);
	});

	it('gives no share of a total that is not positive', () => {
		expect(segmentValue(['c1', 'c2'], values, -5, 2).share).toBeNull();
	});
});

describe('actionSplit', () => {
	it('counts customers and value per action and the cost of the loss-making ones', () => {
		const split = actionSplit([
			{ currentValue: 100, potentialValue: 120, action: 'keep', fromShareOfWallet: true },
			{ currentValue: 50, potentialValue: 200, action: 'develop', fromShareOfWallet: true },
			{ currentValue: -30, potentialValue: -30, action: 'loss-making', fromShareOfWallet: false },
			{ currentValue: -20, potentialValue: -20, action: 'loss-making', fromShareOfWallet: false },
			{ currentValue: 70, potentialValue: null, action: null, fromShareOfWallet: false }
		]);
		expect(split.keep).toEqual({ customers: 1, value: 100, potential: 120 });
		expect(split.develop).toEqual({ customers: 1, value: 50, potential: 200 });
		expect(split['loss-making']).toEqual({ customers: 2, value: -50, potential: -50 });
		expect(split.unknown).toEqual({ customers: 1, value: 70 });
		expect(split.lossCost).toBe(50);
		expect(split.withShareOfWallet).toBe(2);
	});
});
