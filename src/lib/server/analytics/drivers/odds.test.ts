import { describe, expect, it } from 'vitest';
import { oddsRatio } from './odds';

describe('oddsRatio', () => {
	it('gives the cross-product ratio and Woolf’s interval (a textbook table)', () => {
		// 20/80 with the trait against 10/90 without: OR = (20·90)/(80·10) = 2.25;
		// SE(ln OR) = √(1/20 + 1/80 + 1/10 + 1/90) = 0.41667, so 95% CI = 2.25·e^(±1.96·0.41667) = 0.994 … 5.092.
		const result = oddsRatio(20, 80, 10, 90);
		expect(result.oddsRatio).toBeCloseTo(2.25, 10);
		expect(result.low).toBeCloseTo(0.9943, 3);
		expect(result.high).toBeCloseTo(5.0916, 3);
		expect(result.corrected).toBe(false);
	});

	it('adds ½ to every cell when one is empty, so the ratio stays finite', () => {
		const result = oddsRatio(0, 50, 10, 40);
		expect(result.corrected).toBe(true);
		expect(result.oddsRatio).toBeCloseTo((0.5 * 40.5) / (50.5 * 10.5), 10);
		expect(Number.isFinite(result.low) && Number.isFinite(result.high)).toBe(true);
		expect(result.high).toBeGreaterThan(result.oddsRatio);
	});

	it('is 1 for a trait that makes no difference, with an interval around it', () => {
		const result = oddsRatio(30, 70, 30, 70);
		expect(result.oddsRatio).toBeCloseTo(1, 12);
		expect(result.low).toBeLessThan(1);
		expect(result.high).toBeGreaterThan(1);
	});

	it('refuses cells that are not counts', () => {
		expect(() => oddsRatio(1.5, 2, 3, 4)).toThrow(RangeError);
		expect(() => oddsRatio(-1, 2, 3, 4)).toThrow(RangeError);
	});
});
