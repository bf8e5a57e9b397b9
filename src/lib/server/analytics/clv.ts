/**
 * Customer lifetime value (klantwaarde), two ways:
 * - the taught formula KW = (T × A × P) − K, every factor derived from the data and shown, any
 *   factor overridable (a manager's assumption beats a thin sample), each customer's rate and
 *   spend pooled with the group's;
 * - the discounted form: expected transactions per period from BG/NBD, times expected spend and
 *   margin, each period discounted, optionally minus the acquisition cost.
 * Units: T and relationship lengths in the summary's time unit; money in the data's currency.
 */
import { runToEnd, type Stepwise } from '$lib/domain/stepwise';
import { bgnbdConditionalExpectation, type BgnbdParams } from './bgnbd';
import type { FrequencyProfile } from './frequency-groups';
import { fitRatePrior, pooledRate, pooledSpend, spendCredibility, type RateHistory, type RatePrior, type SpendCredibility } from './pooling';

/** The four factors of KW = (T × A × P) − K. */
export interface FormulaFactors {
	/** Expected transactions over the whole relationship. */
	T: number;
	/** Items (purchases) per transaction. */
	A: number;
	/** Average price per item. */
	P: number;
	/** Acquisition cost. */
	K: number;
}

/** The factors plus the two that T is made of: T = 1 + purchaseRate × relationshipLength. */
export interface FormulaDerivation extends FormulaFactors {
	/** Repeat transactions per time unit. */
	purchaseRate: number;
	/** Expected length of the relationship, in time units. */
	relationshipLength: number;
}

export type FactorSource = 'data' | 'assumption' | 'override';

export interface FormulaClv {
	/** KW = (T × A × P) − K */
	value: number;
	factors: FormulaDerivation;
	/** Where each factor came from: the data, a stated assumption (the relationship length passed in), or an override. */
	sources: Record<keyof FormulaDerivation, FactorSource>;
}

/** What the formula needs of one customer (summary.ts gives all but the acquisition cost). */
export interface FormulaCustomer {
	/** Transactions (purchase days) observed, the first included. */
	purchases: number;
	items: number;
	revenue: number;
	/** Sum of the squared transaction amounts; without it the customer's spend is not pooled (their own mean is used). */
	revenueSquares?: number;
	/** Time the customer has been observed (first purchase to the end of the data), in time units. */
	observedLength: number;
	acquisitionCost?: number;
}

export interface FormulaOptions {
	/**
	 * Expected relationship length in time units, e.g. from retention (relationshipLengthFromRetention)
	 * or sBG (sbgExpectedLifetime). Without it the group's mean observed length is used — a lower
	 * bound, since relationships go on after the data ends.
	 */
	relationshipLength?: number;
	/** Replace any factor of the group figure; T is recomputed from rate × length unless T itself is overridden. */
	overrides?: Partial<FormulaDerivation>;
	/** The customers' rate prior, when it was fitted elsewhere (in a worker thread): fitRatePrior of formulaRateHistories. */
	ratePrior?: RatePrior;
}

/** How the customers' own figures were pooled with the group's (see pooling.ts), for the page to say. */
export interface FormulaPooling {
	rate: RatePrior;
	spend: SpendCredibility;
}

const history = (c: FormulaCustomer): RateHistory => ({ x: Math.max(0, c.purchases - 1), t: c.observedLength });

/** The purchase histories the formula pools each customer's rate over. */
export const formulaRateHistories = (customers: readonly FormulaCustomer[]): RateHistory[] => customers.map(history);

/** KW = (T × A × P) − K. */
export function formulaValue({ T, A, P, K }: FormulaFactors): number {
	return T * A * P - K;
}

/** Expected relationship length for a constant retention rate per period: 1 / (1 − r) periods (a geometric lifetime). */
export function relationshipLengthFromRetention(retentionRate: number): number {
	if (!(retentionRate >= 0 && retentionRate < 1)) throw new RangeError(`Retention rate must be in [0, 1), got ${retentionRate}`);
	return 1 / (1 - retentionRate);
}

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : 0);

/** Expected transactions over a relationship: the first, then repeats at the rate over its length. */
const transactionsOver = (purchaseRate: number, relationshipLength: number) => 1 + purchaseRate * relationshipLength;

function derive(fromData: Omit<FormulaDerivation, 'T'>, lengthSource: FactorSource, overrides: Partial<FormulaDerivation> = {}): FormulaClv {
	const factors: FormulaDerivation = { ...fromData, T: 0, ...overrides };
	if (overrides.T === undefined) factors.T = transactionsOver(factors.purchaseRate, factors.relationshipLength);
	const sourceOf = (key: keyof FormulaDerivation): FactorSource => (overrides[key] !== undefined ? 'override' : 'data');
	const rateSource = sourceOf('purchaseRate');
	const relationshipSource = overrides.relationshipLength !== undefined ? 'override' : lengthSource;
	// T is as solid as the weakest of the two factors it is the product of.
	const productSource: FactorSource = rateSource === 'override' || relationshipSource === 'override' ? 'override' : relationshipSource;
	const sources: Record<keyof FormulaDerivation, FactorSource> = {
		purchaseRate: rateSource,
		relationshipLength: relationshipSource,
		T: overrides.T !== undefined ? 'override' : productSource,
		A: sourceOf('A'),
		P: sourceOf('P'),
		K: sourceOf('K')
	};
	return { value: formulaValue(factors), factors, sources };
}

/**
 * The formula per group and per customer. Group factors pool the customers (repeat purchases
 * over customer time, total items over total transactions, and so on), so big customers weigh
 * in proportion; K is the mean acquisition cost. Each customer gets the group's relationship
 * length, their own A and K, and a purchase rate and spend per transaction pooled with the
 * group's (pooling.ts): a customer's own rate over a short history — one purchase last week —
 * says almost nothing, and taken at face value it ranks the newest one-time buyers highest.
 * Overrides apply to the group figure.
 */
export interface FormulaResult {
	group: FormulaClv;
	/** KW of each customer, in input order. */
	values: Float64Array;
	/** Customer i's factors and KW. */
	customer: (i: number) => FormulaClv;
	pooling: FormulaPooling;
}

export function formulaClv(customers: readonly FormulaCustomer[], options: FormulaOptions = {}): FormulaResult {
	return runToEnd(formulaClvInSteps(customers, options));
}

/** Customers valued between two yields of formulaClvInSteps. */
export const FORMULA_STEP_CUSTOMERS = 20_000;

/** formulaClv, yielding every `stepCustomers` customers of its per-customer loop. */
export function* formulaClvInSteps(customers: readonly FormulaCustomer[], options: FormulaOptions = {}, stepCustomers = FORMULA_STEP_CUSTOMERS): Stepwise<FormulaResult> {
	const totals = { purchases: 0, items: 0, revenue: 0, observedLength: 0, acquisitionCost: 0 };
	for (const c of customers) {
		totals.purchases += c.purchases;
		totals.items += c.items;
		totals.revenue += c.revenue;
		totals.observedLength += c.observedLength;
		totals.acquisitionCost += c.acquisitionCost ?? 0;
	}
	const given = options.relationshipLength;
	const length = given ?? ratio(totals.observedLength, customers.length);
	const lengthSource: FactorSource = given === undefined ? 'data' : 'assumption';
	const rate = options.ratePrior ?? fitRatePrior(formulaRateHistories(customers));
	const spend = spendCredibility(
		customers.filter((c) => c.revenueSquares !== undefined).map((c) => ({ n: c.purchases, sum: c.revenue, sumOfSquares: c.revenueSquares! }))
	);
	const spendOf = (c: FormulaCustomer) => (c.revenueSquares === undefined ? ratio(c.revenue, c.purchases) : pooledSpend(spend, { n: c.purchases, sum: c.revenue }));
	// Every customer's KW in one tight loop (a customer base is large); `customer(i)` details one.
	const values = new Float64Array(customers.length);
	yield;
	for (let i = 0; i < customers.length; i++) {
		if (i > 0 && i % stepCustomers === 0) yield;
		const c = customers[i]!;
		values[i] = formulaValue({ T: transactionsOver(pooledRate(rate, history(c)), length), A: 1, P: c.items > 0 && c.purchases > 0 ? spendOf(c) : 0, K: c.acquisitionCost ?? 0 });
	}
	const group = derive(
		{
			purchaseRate: rate.groupRate,
			relationshipLength: length,
			A: ratio(totals.items, totals.purchases),
			P: ratio(totals.revenue, totals.items),
			K: ratio(totals.acquisitionCost, customers.length)
		},
		lengthSource,
		options.overrides
	);
	return {
		group,
		values,
		customer: (i) => {
			const c = customers[i]!;
			const A = ratio(c.items, c.purchases);
			return derive({ purchaseRate: pooledRate(rate, history(c)), relationshipLength: length, A, P: ratio(spendOf(c), A), K: c.acquisitionCost ?? 0 }, lengthSource);
		},
		pooling: { rate, spend }
	};
}

export interface DiscountedClvOptions {
	/** Share of spend that is contribution (gross margin), 0–1. */
	margin: number;
	/** Discount rate per period, e.g. 0.01 a month; period k's value is divided by (1 + rate)^k. */
	discountRate: number;
	/** Horizon in periods. */
	periods: number;
	/** Time units per period (default 1): e.g. weeks as the time unit and 52/12 for monthly periods. */
	periodLength?: number;
	/** Subtracted from the value when given (for a prospective customer's CLV; sunk for an existing one). */
	acquisitionCost?: number;
}

export interface DiscountedClv {
	/** Net present value of the expected contributions over the horizon, minus the acquisition cost when given. */
	value: number;
	/** Expected transactions over the whole horizon (undiscounted). */
	expectedTransactions: number;
	/** Expected transactions in each period 1…periods. */
	transactionsPerPeriod: number[];
}

/** Throws on discounting options that would give a meaningless value. */
export function checkDiscounting({ margin, discountRate, periods, periodLength = 1 }: DiscountedClvOptions): void {
	if (!(discountRate > -1)) throw new RangeError(`Discount rate must be > −1, got ${discountRate}`);
	if (!(Number.isInteger(periods) && periods >= 0)) throw new RangeError(`periods must be a whole number ≥ 0, got ${periods}`);
	if (!(periodLength > 0)) throw new RangeError(`periodLength must be > 0, got ${periodLength}`);
	if (!Number.isFinite(margin)) throw new RangeError(`margin must be a number, got ${margin}`);
}

/**
 * Discounts a stream of expected transactions per period: Σ_k n_k × spend × margin / (1+d)^k − K.
 * Model-free, so the same discounting serves any source of expected transactions.
 */
export function discountTransactions(transactionsPerPeriod: readonly number[], spendPerTransaction: number, options: Omit<DiscountedClvOptions, 'periods'>): number {
	checkDiscounting({ ...options, periods: transactionsPerPeriod.length });
	let value = 0;
	let factor = 1;
	for (const n of transactionsPerPeriod) {
		factor /= 1 + options.discountRate;
		value += n * spendPerTransaction * options.margin * factor;
	}
	return value - (options.acquisitionCost ?? 0);
}

/**
 * Discounted CLV of a customer from BG/NBD and an expected spend per transaction (e.g.
 * Gamma-Gamma): period k holds E[Y(k·L) | profile] − E[Y((k−1)·L) | profile] transactions.
 */
export function discountedClv(params: BgnbdParams, profile: FrequencyProfile, spendPerTransaction: number, options: DiscountedClvOptions): DiscountedClv {
	checkDiscounting(options);
	const length = options.periodLength ?? 1;
	const expected = bgnbdConditionalExpectation(params, profile);
	const transactionsPerPeriod: number[] = [];
	let previous = 0;
	for (let k = 1; k <= options.periods; k++) {
		const cumulative = expected(k * length);
		transactionsPerPeriod.push(cumulative - previous);
		previous = cumulative;
	}
	return {
		value: discountTransactions(transactionsPerPeriod, spendPerTransaction, options),
		expectedTransactions: previous,
		transactionsPerPeriod
	};
}
