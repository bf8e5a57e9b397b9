/**
 * Loyalty (klantloyaliteit) both ways:
 * - attitudinal: NPS (promoters 9–10 minus detractors 0–6, in points from −100 to 100);
 * - behavioural: repeat purchase rate, retention and churn per acquisition cohort, expected active
 *   customers, relationship length, purchase frequency;
 * and, where a customer has both, the loyalty 2×2 (Dick & Basu 1994): true, latent, spurious,
 * no loyalty.
 */
import { runToEnd, type Stepwise } from '$lib/domain/stepwise';
import { periodIndex, periodLabel, type CalendarPeriod } from './calendar-period';
import { customerPeriodsInSteps, PERIOD_STEP_ROWS } from './customer-periods';
import { byGroup, checkScores, isLowN, type Grouped, type RespondentOptions } from './respondents';
import type { CustomerSummary } from './summary';

export interface NpsResult {
	/** % promoters − % detractors, −100…100; NaN without answers. */
	nps: number;
	n: number;
	promoters: number;
	passives: number;
	detractors: number;
	/** Shares of n, 0–1. */
	promoterShare: number;
	passiveShare: number;
	detractorShare: number;
	lowN: boolean;
}

export function nps(scores: readonly number[], options: RespondentOptions = {}): NpsResult {
	checkScores(scores, 0, 10, 'NPS');
	let promoters = 0;
	let detractors = 0;
	for (const s of scores) {
		if (s >= 9) promoters++;
		else if (s <= 6) detractors++;
	}
	const n = scores.length;
	const passives = n - promoters - detractors;
	const share = (count: number) => (n > 0 ? count / n : NaN);
	return {
		nps: n > 0 ? (100 * (promoters - detractors)) / n : NaN,
		n,
		promoters,
		passives,
		detractors,
		promoterShare: share(promoters),
		passiveShare: share(passives),
		detractorShare: share(detractors),
		lowN: isLowN(n, options)
	};
}

export function npsByGroup<R extends { score: number }>(responses: readonly R[], keyOf: (r: R) => string, options: RespondentOptions = {}): Grouped<NpsResult>[] {
	return byGroup(responses, keyOf, (rows) => nps(rows.map((r) => r.score), options));
}

export interface BehaviouralLoyalty {
	customers: number;
	/** Customers with at least one repeat purchase day. */
	repeatBuyers: number;
	/** repeatBuyers / customers, 0–1. */
	repeatPurchaseRate: number;
	/** Mean purchase days per customer (the first included). */
	meanPurchases: number;
	/** Repeat purchases per time unit of observed customer time, pooled: Σx / ΣT. */
	purchaseFrequency: number;
	/** Mean time from first to last purchase (t_x), in time units. */
	meanRelationshipLength: number;
}

/** Behavioural loyalty of a set of customers, from their calibration summaries (time unit as in the summary). */
export function behaviouralLoyalty(customers: readonly CustomerSummary[]): BehaviouralLoyalty {
	let repeatBuyers = 0;
	let purchases = 0;
	let repeats = 0;
	let age = 0;
	let length = 0;
	for (const c of customers) {
		if (c.x > 0) repeatBuyers++;
		purchases += c.purchaseDays;
		repeats += c.x;
		age += c.T;
		length += c.tx;
	}
	const n = customers.length;
	return {
		customers: n,
		repeatBuyers,
		repeatPurchaseRate: n > 0 ? repeatBuyers / n : NaN,
		meanPurchases: n > 0 ? purchases / n : NaN,
		purchaseFrequency: age > 0 ? repeats / age : NaN,
		meanRelationshipLength: n > 0 ? length / n : NaN
	};
}

/** Expected number of customers still active: the sum of P(alive) (BG/NBD). */
export function expectedActiveCustomers(pAlive: Iterable<number>): number {
	let sum = 0;
	for (const p of pAlive) sum += p;
	return sum;
}

export interface CohortRetention {
	/** Label of the acquisition period ("2025-03"). */
	cohort: string;
	/** Customers acquired (first purchase) in the period. */
	size: number;
	/** active[k]: customers of the cohort who bought in the k-th period after acquisition (active[0] = size). */
	active: number[];
	/** retention[k] = active[k] / size. */
	retention: number[];
	/** churn[k] = 1 − retention[k]: share of the cohort not buying in period k. */
	churn: number[];
}

export interface Purchase {
	customerId: string;
	/** Epoch ms (UTC). */
	occurredAt: number;
}

/**
 * Retention and churn per acquisition cohort: customers are grouped by the calendar period of
 * their first purchase, and for every later period up to the observation end we count who bought
 * again. Periods after `observationEnd` are not reported (not "churned": not yet seen).
 * Cohorts are sorted by period.
 */
export function cohortRetention(purchases: Iterable<Purchase>, options: { period: CalendarPeriod; observationEnd: number }): CohortRetention[] {
	const ids = new Map<string, number>();
	const customer: number[] = [];
	const occurredAt: number[] = [];
	for (const p of purchases) {
		let index = ids.get(p.customerId);
		if (index === undefined) ids.set(p.customerId, (index = ids.size));
		customer.push(index);
		occurredAt.push(p.occurredAt);
	}
	return runToEnd(cohortRetentionInSteps({ customer: Int32Array.from(customer), occurredAt: Float64Array.from(occurredAt) }, ids.size, options));
}

/**
 * cohortRetention over a log as columns (`customer[i]` one of `customerCount` customers), yielding
 * every `stepRows` rows or so. A cohort's figures are counts: they do not depend on the rows' order.
 */
export function* cohortRetentionInSteps(
	log: { customer: Int32Array; occurredAt: Float64Array },
	customerCount: number,
	options: { period: CalendarPeriod; observationEnd: number },
	stepRows = PERIOD_STEP_ROWS
): Stepwise<CohortRetention[]> {
	const { period } = options;
	const lastPeriod = periodIndex(options.observationEnd, period);
	const { start, periods } = yield* customerPeriodsInSteps(log, customerCount, period, lastPeriod, stepRows);
	const cohorts = new Map<number, { size: number; active: number[] }>();
	for (let c = 0; c < customerCount; c++) {
		const from = start[c]!;
		const to = start[c + 1]!;
		if (from === to) continue;
		const first = periods[from]!;
		let cohort = cohorts.get(first);
		if (!cohort) cohorts.set(first, (cohort = { size: 0, active: new Array<number>(lastPeriod - first + 1).fill(0) }));
		cohort.size++;
		for (let i = from; i < to; i++) cohort.active[periods[i]! - first]!++;
		if (c % stepRows === stepRows - 1) yield;
	}
	return [...cohorts.keys()]
		.sort((a, b) => a - b)
		.map((first) => {
			const { size, active } = cohorts.get(first)!;
			const retention = active.map((n) => n / size);
			return { cohort: periodLabel(first, period), size, active, retention, churn: retention.map((r) => 1 - r) };
		});
}

export type LoyaltySegment = 'true' | 'latent' | 'spurious' | 'none';

/**
 * Dick & Basu's loyalty 2×2: attitude (e.g. an NPS promoter) × behaviour (e.g. a repeat buyer or
 * high share of wallet). Latent loyalty is a customer who likes us but does not buy (yet): develop;
 * spurious loyalty buys out of habit or lock-in and will leave when an alternative comes.
 */
export function loyaltySegment(attitudinal: boolean, behavioural: boolean): LoyaltySegment {
	if (attitudinal) return behavioural ? 'true' : 'latent';
	return behavioural ? 'spurious' : 'none';
}

export interface LoyaltyMatrix {
	n: number;
	counts: Record<LoyaltySegment, number>;
	/** Shares of n, 0–1. */
	shares: Record<LoyaltySegment, number>;
	lowN: boolean;
}

export function loyaltyMatrix(customers: readonly { attitudinal: boolean; behavioural: boolean }[], options: RespondentOptions = {}): LoyaltyMatrix {
	const counts: Record<LoyaltySegment, number> = { true: 0, latent: 0, spurious: 0, none: 0 };
	for (const c of customers) counts[loyaltySegment(c.attitudinal, c.behavioural)]++;
	const n = customers.length;
	const share = (k: LoyaltySegment) => (n > 0 ? counts[k] / n : NaN);
	return { n, counts, shares: { true: share('true'), latent: share('latent'), spurious: share('spurious'), none: share('none') }, lowN: isLowN(n, options) };
}
