import { describe, expect, it } from 'vitest';
import type { BgnbdParams } from './bgnbd';
import { bgnbdConditionalExpectedTransactions } from './bgnbd';
import { discountTransactions, discountedClv, formulaClv, formulaValue, relationshipLengthFromRetention } from './clv';
import { generateDemoData } from '../demo-data';
import { summarizeTransactions, type Transaction } from './summary';

const BGNBD_CDNOW: BgnbdParams = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };

describe('the taught formula KW = (T × A × P) − K', () => {
	it('multiplies out', () => {
		expect(formulaValue({ T: 10, A: 2, P: 25, K: 100 })).toBe(400);
	});

	// Two customers, hand-computed:
	// c1: 4 purchases (3 repeats), 8 items, €200 over 10 weeks, K = €20
	// c2: 1 purchase, 1 item, €50, seen half a week, K = €30
	const customers = [
		{ purchases: 4, items: 8, revenue: 200, observedLength: 10, acquisitionCost: 20 },
		{ purchases: 1, items: 1, revenue: 50, observedLength: 0.5, acquisitionCost: 30 }
	];

	it('derives every factor for the group by pooling, and shows it', () => {
		const { group } = formulaClv(customers, { relationshipLength: 22 });
		// 3 repeats in 10.5 weeks of customer time; T = the first purchase + 3/10.5 × 22 repeats; A = 9/5; P = 250/9; K = 25.
		expect(group.factors.purchaseRate).toBeCloseTo(3 / 10.5, 14);
		expect(group.factors.T).toBeCloseTo(1 + (3 / 10.5) * 22, 12);
		expect(group.factors.A).toBeCloseTo(1.8, 14);
		expect(group.factors.P).toBeCloseTo(250 / 9, 12);
		expect(group.factors.K).toBe(25);
		expect(group.value).toBeCloseTo((1 + (3 / 10.5) * 22) * 50 - 25, 10);
		expect(group.sources).toEqual({ purchaseRate: 'data', relationshipLength: 'assumption', T: 'assumption', A: 'data', P: 'data', K: 'data' });
	});

	it('gives each customer their own A and K and the shared relationship length; two customers do not tell rates apart', () => {
		const { customer, values, pooling } = formulaClv(customers, { relationshipLength: 22 });
		const [c1, c2] = [customer(0), customer(1)];
		expect(values[0]).toBeCloseTo(c1.value, 10);
		// 3 repeats against 0 in 10.5 weeks is within chance of one common rate: both get the group's.
		expect(pooling.rate.shape).toBe(Infinity);
		expect(c1!.factors.purchaseRate).toBeCloseTo(3 / 10.5, 12);
		expect(c2!.factors.purchaseRate).toBeCloseTo(3 / 10.5, 12);
		expect(c1!.factors).toMatchObject({ A: 2, P: 25, K: 20 });
		expect(c1!.value).toBeCloseTo((1 + (3 / 10.5) * 22) * 2 * 25 - 20, 10);
	});

	it('uses the mean observed length when no relationship length is given, and says so', () => {
		const { group } = formulaClv(customers);
		expect(group.factors.relationshipLength).toBeCloseTo(5.25, 14);
		expect(group.sources.relationshipLength).toBe('data');
		expect(group.sources.T).toBe('data');
	});

	it('lets any factor be overridden and marks it', () => {
		const T = 1 + (3 / 10.5) * 22;
		const withA = formulaClv(customers, { relationshipLength: 22, overrides: { A: 2 } }).group;
		expect(withA.value).toBeCloseTo(T * 2 * (250 / 9) - 25, 10);
		expect(withA.sources.A).toBe('override');
		const withLength = formulaClv(customers, { overrides: { relationshipLength: 33 } }).group;
		expect(withLength.factors.T).toBeCloseTo(1 + (3 / 10.5) * 33, 12);
		expect(withLength.sources.T).toBe('override');
		const withT = formulaClv(customers, { relationshipLength: 22, overrides: { T: 4, K: 0 } }).group;
		expect(withT.value).toBeCloseTo(4 * 1.8 * (250 / 9), 10);
	});

	it('values a one-time buyer seen last week below a steady repeat buyer', () => {
		// A shop's customers over a year: steady buyers about monthly at €50, one-time buyers of €50
		// seen a while ago, and one new customer who bought once last week, for a bit more.
		const steady = (weeks: number) => ({ purchases: 1 + Math.round(weeks / 4.3), items: 1 + Math.round(weeks / 4.3), revenue: 50 * (1 + Math.round(weeks / 4.3)), revenueSquares: 2500 * (1 + Math.round(weeks / 4.3)), observedLength: weeks });
		const once = (weeks: number, amount = 50) => ({ purchases: 1, items: 1, revenue: amount, revenueSquares: amount * amount, observedLength: weeks });
		const base = [...Array.from({ length: 20 }, (_, i) => steady(20 + i * 1.5)), ...Array.from({ length: 20 }, (_, i) => once(10 + i * 2))];
		const newcomer = once(1, 60);
		const regular = steady(52);
		const { values, customer, pooling } = formulaClv([...base, newcomer, regular]);
		const [newValue, regularValue] = [values.at(-2)!, values.at(-1)!];
		expect(customer(values.length - 2).value).toBeCloseTo(newValue, 10);
		expect(newValue).toBeLessThan(regularValue!);
		// The rates were pooled: r / α is near the group's rate, and a week of history moves it little.
		const { shape, scale, groupRate } = pooling.rate;
		expect(Number.isFinite(shape)).toBe(true);
		expect(customer(values.length - 2).factors.purchaseRate).toBeCloseTo(shape / (1 + scale), 12);
		expect(customer(values.length - 2).factors.purchaseRate).toBeLessThan(2 * groupRate);
		// Before pooling the newcomer's own rate (a purchase a week) put them above every steady buyer.
		expect(newValue).toBeLessThan(Math.max(...values.slice(0, 20)));
	});

	it('does not put one-time buyers at the top of the demo retailer', () => {
		const data = generateDemoData({ customers: 2000, seed: 42, months: 24 });
		const transactions: Transaction[] = [];
		for (const t of data.transactions()) transactions.push({ customerId: t.customerId, occurredAt: Date.parse(t.timestamp), amount: t.amount, quantity: t.quantity });
		const summary = summarizeTransactions(transactions, { calibrationEnd: Date.parse(data.end) - 86_400_000, timeUnit: 'week' });
		const { values } = formulaClv(summary.map((c) => ({ purchases: c.purchaseDays, items: c.items, revenue: c.revenue, revenueSquares: c.revenueSquares, observedLength: c.T })));
		const ranked = summary.map((c, i) => ({ x: c.x, value: values[i]! })).sort((a, b) => b.value - a.value);
		expect(ranked.slice(0, 20).filter((c) => c.x === 0)).toEqual([]);
		const mean = ranked.reduce((sum, c) => sum + c.value, 0) / ranked.length;
		// The issue saw one-time buyers at about 35× the mean; the top is now a few times it.
		expect(ranked[0]!.value).toBeLessThan(15 * mean);
	}, 60_000);

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
