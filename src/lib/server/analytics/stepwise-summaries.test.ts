import { describe, expect, it } from 'vitest';
import type { Stepwise } from '$lib/domain/stepwise';
import { formulaClv, formulaClvInSteps } from './clv';
import { customerPeriodsInSteps } from './customer-periods';
import { scoreCustomers, scoreCustomersInSteps } from './score';
import { cohortRetention, cohortRetentionInSteps } from './loyalty';
import { summarizeLogInSteps, summarizeTransactions, summarizeTransactionsInSteps, type Transaction, type TransactionLog } from './summary';

/*
 * The stepwise summaries on columns against the one-go summaries of the same transactions as
 * objects: in steps of a few rows, with customers numbered in another order than they appear.
 */

const DAY = 86_400_000;
const START = Date.UTC(2023, 0, 1);

/** A seeded log of 3,000 transactions of 200 customers (some listed without any), rows in no customer order. */
function log(): { log: TransactionLog; transactions: Transaction[] } {
	let seed = 5;
	const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
	const customerIds = Array.from({ length: 220 }, (_, c) => `K${(c * 37) % 220}`);
	const rows = 3000;
	const customer = new Int32Array(rows);
	const occurredAt = new Float64Array(rows);
	const amount = new Float64Array(rows);
	const quantity = new Float64Array(rows);
	for (let i = 0; i < rows; i++) {
		customer[i] = Math.floor(random() * random() * 200);
		// Several a day now and then: same-day purchases are merged.
		occurredAt[i] = START + Math.floor(random() * 500) * DAY + Math.floor(random() * 3) * 3_600_000;
		amount[i] = Math.round(random() * 20_000) / 100;
		quantity[i] = 1 + Math.floor(random() * 3);
	}
	const transactions = Array.from(customer, (c, i) => ({ customerId: customerIds[c]!, occurredAt: occurredAt[i]!, amount: amount[i]!, quantity: quantity[i]! }));
	return { log: { customer, occurredAt, amount, quantity, customerIds }, transactions };
}

/** Drives a stepwise computation by hand, counting its steps. */
function steps<T>(stepwise: Stepwise<T>): { value: T; steps: number } {
	for (let count = 0; ; count++) {
		const step = stepwise.next();
		if (step.done) return { value: step.value, steps: count };
	}
}

describe('stepwise summaries', () => {
	const { log: columns, transactions } = log();
	const options = { calibrationEnd: START + 400 * DAY, timeUnit: 'week' as const, holdoutEnd: START + 480 * DAY };

	it('summarise customers as in one go, in the order they first appear, in many steps', () => {
		const inOneGo = summarizeTransactions(transactions, options);
		expect(inOneGo.length).toBeGreaterThan(150);
		for (const stepRows of [1, 7, 250, 1_000_000]) {
			const { value, steps: taken } = steps(summarizeTransactionsInSteps(columns, options, stepRows));
			expect(value).toEqual(inOneGo);
			if (stepRows === 7) expect(taken).toBeGreaterThan(3000 / 7);
		}
		// Each summary's customer, as the log numbers them.
		const { summaries, customers } = steps(summarizeLogInSteps(columns, options, 13)).value;
		expect(Array.from(customers, (c) => columns.customerIds[c])).toEqual(summaries.map((s) => s.customerId));
	});

	it('refuse what the one-go summary refuses', () => {
		const broken = { ...columns, amount: Float64Array.from(columns.amount, (a, i) => (i === 1234 ? Number.NaN : a)) };
		const customer = columns.customerIds[columns.customer[1234]!];
		expect(() => steps(summarizeTransactionsInSteps(broken, options, 50))).toThrow(new RangeError(`Transaction of ${customer} has a non-numeric date or amount`));
		expect(() => steps(summarizeTransactionsInSteps(columns, { ...options, holdoutEnd: START }, 50))).toThrow(RangeError);
	});

	it.each(['day', 'week', 'month', 'quarter'] as const)('count cohorts as in one go (%s)', (period) => {
		const observation = { period, observationEnd: START + 450 * DAY };
		const inOneGo = cohortRetention(transactions, observation);
		expect(inOneGo.length).toBeGreaterThan(1);
		for (const stepRows of [1, 9, 1_000_000]) expect(steps(cohortRetentionInSteps(columns, columns.customerIds.length, observation, stepRows)).value).toEqual(inOneGo);
	});

	it('list each customer’s periods once, in order, up to the bound', () => {
		const { start, periods } = steps(customerPeriodsInSteps(columns, columns.customerIds.length, 'month', 24_290, 11)).value;
		for (let c = 0; c < columns.customerIds.length; c++) {
			const expected = [
				...new Set(
					Array.from(columns.customer.keys())
						.filter((i) => columns.customer[i] === c)
						.map((i) => new Date(columns.occurredAt[i]!).getUTCFullYear() * 12 + new Date(columns.occurredAt[i]!).getUTCMonth())
						.filter((p) => p <= 24_290)
				)
			].sort((a, b) => a - b);
			expect(Array.from(periods.subarray(start[c], start[c + 1])), `customer ${c}`).toEqual(expected);
		}
	});

	it('score and value customers as in one go', () => {
		const summaries = summarizeTransactions(transactions, options);
		const fits = { bgnbd: { r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }, gammaGamma: { p: 6.25, q: 3.74, gamma: 15.4 }, margin: 0.4, discountRate: 0.002, periods: 52 };
		const scored = steps(scoreCustomersInSteps(summaries, fits, 9));
		expect(scored.value).toEqual(scoreCustomers(summaries, fits));
		expect(scored.value.every((s) => Number.isFinite(s.clv))).toBe(true);
		expect(scored.steps).toBe(Math.ceil(summaries.length / 9) - 1);
		const customers = summaries.map((s) => ({ purchases: s.purchaseDays, items: s.items, revenue: s.revenue, revenueSquares: s.revenueSquares, observedLength: s.T, acquisitionCost: 3 }));
		const [inSteps, inOneGo] = [steps(formulaClvInSteps(customers, {}, 11)).value, formulaClv(customers)];
		expect(Array.from(inSteps.values)).toEqual(Array.from(inOneGo.values));
		expect([inSteps.group, inSteps.pooling, inSteps.customer(17)]).toEqual([inOneGo.group, inOneGo.pooling, inOneGo.customer(17)]);
	});
});
