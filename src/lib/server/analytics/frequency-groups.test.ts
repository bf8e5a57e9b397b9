import { describe, expect, it } from 'vitest';
import { groupFrequencyProfiles, subsampleGroups } from './frequency-groups';
import { quantile } from './quantile';

describe('groupFrequencyProfiles', () => {
	it('counts customers per distinct (x, t_x, T), sorted so input order does not matter', () => {
		const profiles = [
			{ x: 2, tx: 5, T: 10 },
			{ x: 0, tx: 0, T: 10 },
			{ x: 2, tx: 5, T: 10 },
			{ x: 0, tx: 0, T: 3 },
			{ x: 0, tx: 0, T: 10 },
			{ x: 2, tx: 5, T: 10.5 }
		];
		const groups = groupFrequencyProfiles(profiles);
		expect(groups.size).toBe(4);
		expect(groups.customers).toBe(6);
		expect([...groups.x]).toEqual([0, 0, 2, 2]);
		expect([...groups.T]).toEqual([3, 10, 10, 10.5]);
		expect([...groups.weight]).toEqual([1, 2, 2, 1]);
		expect(groupFrequencyProfiles([...profiles].reverse())).toEqual(groups);
	});

	it('refuses impossible profiles', () => {
		expect(() => groupFrequencyProfiles([{ x: 1, tx: 5, T: 4 }])).toThrow(RangeError);
		expect(() => groupFrequencyProfiles([{ x: 0, tx: 1, T: 4 }])).toThrow(RangeError);
		expect(() => groupFrequencyProfiles([{ x: 1.5, tx: 1, T: 4 }])).toThrow(RangeError);
	});

	it('subsamples every k-th profile with k times the weight, and not at all when small', () => {
		const profiles = Array.from({ length: 100 }, (_, i) => ({ x: i % 5, tx: i % 5 === 0 ? 0 : 1, T: 2 + i }));
		const groups = groupFrequencyProfiles(profiles);
		expect(subsampleGroups(groups, 60)).toBeNull();
		const sample = subsampleGroups(groups, 25)!;
		expect(sample.size).toBe(25);
		expect(sample.customers).toBe(100);
		expect(sample.x[1]).toBe(groups.x[4]);
	});
});

describe('quantile', () => {
	it('interpolates between order statistics (type 7)', () => {
		expect(quantile([300, -20, 100, 10, 50], 0.75)).toBe(100);
		expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
		expect(quantile([], 0.5)).toBeNaN();
	});
});
