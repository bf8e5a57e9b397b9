import { describe, expect, it } from 'vitest';
import type { BgnbdParams } from './bgnbd';
import { bgnbdConditionalExpectedTransactions } from './bgnbd';
import { discountTransactions, discountedClv, formulaClv, formulaValue, relationshipLengthFromRetention } from './clv';

const BGNBD_CDNOW: BgnbdParams = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };

describe('the taught formula KW = (T × A × P) − K', () => {
	it('multiplies out', () => {
		expect(formulaValue({ T: 10, A: 2, P: 25, K: 100 })).toBe(400);
	});

	// Two customers, hand-computed:
	// c1: 4 purchases, 8 items, €200 over 10 weeks, K = €20
	// c2: 1 purchase, 1 item, €50, seen half a week (counted as the 1-week minimum), K = €30
	const customers = [
		{ purchases: 4, items: 8, revenue: 200, observedLength: 10, acquisitionCost: 20 },
		{ purchases: 1, items: 1, revenue: 50, observedLength: 0.5, acquisitionCost: 30 }
	];

	it('derives every factor for the group by pooling, and shows it', () => {
		const { group } = formulaClv(customers, { relationshipLength: 22 });
		// rate 5/11 per week × 22 weeks = 10 transactions; A = 9/5; P = 250/9; K = 25.
		expect(group.factors.purchaseRate).toBeCloseTo(5 / 11, 14);
		expect(group.factors.T).toBeCloseTo(10, 12);
		expect(group.factors.A).toBeCloseTo(1.8, 14);
		expect(group.factors.P).toBeCloseTo(250 / 9, 12);
		expect(group.factors.K).toBe(25);
		expect(group.value).toBeCloseTo(475, 10);
		expect(group.sources).toEqual({ purchaseRate: 'data', relationshipLength: 'assumption', T: 'assumption', A: 'data', P: 'data', K: 'data' });
	});

	it('gives each customer their own rate, A, P and K with the shared relationship length', () => {
		const [c1, c2] = formulaClv(customers, { relationshipLength: 22 }).customers;
		expect(c1!.factors).toMatchObject({ purchaseRate: 0.4, A: 2, P: 25, K: 20 });
		expect(c1!.value).toBeCloseTo(0.4 * 22 * 2 * 25 - 20, 10);
		expect(c2!.factors.purchaseRate).toBe(1);
		expect(c2!.value).toBeCloseTo(22 * 1 * 50 - 30, 10);
	});

	it('uses the mean observed length when no relationship length is given, and says so', () => {
		const { group } = formulaClv(customers);
		expect(group.factors.relationshipLength).toBeCloseTo(5.25, 14);
		expect(group.sources.relationshipLength).toBe('data');
		expect(group.sources.T).toBe('data');
	});

	it('lets any factor be overridden and marks it', () => {
		const withA = formulaClv(customers, { relationshipLength: 22, overrides: { A: 2 } }).group;
		expect(withA.value).toBeCloseTo(10 * 2 * (250 / 9) - 25, 10);
		expect(withA.sources.A).toBe('override');
		const withLength = formulaClv(customers, { overrides: { relationshipLength: 33 } }).group;
		expect(withLength.factors.T).toBeCloseTo(15, 12);
		expect(withLength.sources.T).toBe('override');
		const withT = formulaClv(customers, { relationshipLength: 22, overrides: { T: 4, K: 0 } }).group;
		expect(withT.value).toBeCloseTo(4 * 1.8 * (250 / 9), 10);
	});

	it('turns a retention rate into an expected relationship length', () => {
		expect(relationshipLengthFromRetention(0.8)).toBeCloseTo(5, 14);
		expect(() => relationshipLengthFromRetention(1)).toThrow(RangeError);
	});
});

describe('discounted CLV', () => {
	it('discounts each period’s contribution at (1 + d)^k and subtracts K when asked', () => {
		// 1 transaction a period for 3 periods, €100 each, 50% margin, 10% a period:
		// 50/1.1 + 50/1.21 + 50/1.331 = 124.3426…
		const value = discountTransactions([1, 1, 1], 100, { margin: 0.5, discountRate: 0.1 });
		expect(value).toBeCloseTo(50 / 1.1 + 50 / 1.21 + 50 / 1.331, 10);
		expect(value).toBeCloseTo(124.3426, 4);
		expect(discountTransactions([1, 1, 1], 100, { margin: 0.5, discountRate: 0.1, acquisitionCost: 20 })).toBeCloseTo(value - 20, 10);
	});

	it('spreads the BG/NBD conditional expectation over the periods', () => {
		const profile = { x: 2, tx: 30.43, T: 38.86 };
		const result = discountedClv(BGNBD_CDNOW, profile, 25, { margin: 0.3, discountRate: 0.01, periods: 13, periodLength: 3 });
		expect(result.transactionsPerPeriod).toHaveLength(13);
		expect(result.expectedTransactions).toBeCloseTo(bgnbdConditionalExpectedTransactions(BGNBD_CDNOW, 39, profile), 12);
		expect(result.transactionsPerPeriod.reduce((s, n) => s + n, 0)).toBeCloseTo(result.expectedTransactions, 12);
		// The expected purchase rate falls over time (customers drop out).
		expect(result.transactionsPerPeriod[12]).toBeLessThan(result.transactionsPerPeriod[0]!);
		expect(result.value).toBeCloseTo(discountTransactions(result.transactionsPerPeriod, 25, { margin: 0.3, discountRate: 0.01 }), 12);
		const undiscounted = discountedClv(BGNBD_CDNOW, profile, 25, { margin: 0.3, discountRate: 0, periods: 13, periodLength: 3 });
		expect(undiscounted.value).toBeCloseTo(1.2259 * 25 * 0.3, 2);
		expect(result.value).toBeLessThan(undiscounted.value);
	});
});
