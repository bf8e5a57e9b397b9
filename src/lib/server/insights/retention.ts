import {
	cohortSurvivalFromChurn,
	customerPeriodsInSteps,
	isUsable,
	judgedSbg,
	periodIndex,
	periodLabel,
	sbgDiscountedExpectedLifetime,
	sbgExpectedLifetime,
	sbgRetentionCurve,
	sbgSurvivalCurve,
	type CalendarPeriod,
	type FitVerdict,
	type SbgFit
} from '../analytics';
import * as db from '../db';
import { finishStepwise, type Stepwise } from '../stepwise';

/*
 * Contractual retention (Fader & Hardie 2007, the shifted-beta-geometric model) for
 * subscription-like businesses. From the transactions: customers are grouped into cohorts by the
 * period of their first purchase; a customer counts as having cancelled after the last period in
 * which they bought, unless that is the current (last, possibly incomplete) period. That reading
 * fits data where every active period has a payment; for occasional buyers use BG/NBD instead.
 * A fit whose verdict is unusable gives no curves, lifetimes or values: the report says why.
 */

const STEP_ROWS = 100_000;

/** Σ values in their order, yielding between steps. */
function* sumInSteps(values: Float64Array): Stepwise<number> {
	let sum = 0;
	for (let from = 0; from < values.length; from += STEP_ROWS) {
		const to = Math.min(values.length, from + STEP_ROWS);
		for (let i = from; i < to; i++) sum += values[i]!;
		yield;
	}
	return sum;
}

/** Customers per step of churnInSteps. */
const STEP_CUSTOMERS = 20_000;

/**
 * Per cohort (the period of a customer's first purchase), in the order the cohorts first appear
 * among the customers, each customer's periods until they cancelled — null while still active
 * (they bought in the last period) — in customer order; and the customer-periods with a purchase.
 * `start` and `periods` are customerPeriodsInSteps's: customer c bought in periods[start[c]…start[c+1]).
 */
function* churnInSteps(
	start: ArrayLike<number>,
	periods: ArrayLike<number>,
	customerCount: number,
	lastPeriod: number
): Stepwise<{ churnByCohort: Map<number, (number | null)[]>; activePeriods: number }> {
	const churnByCohort = new Map<number, (number | null)[]>();
	let activePeriods = 0;
	for (let c = 0; c < customerCount; c++) {
		if (start[c] !== start[c + 1]) {
			const first = periods[start[c]!]!;
			const last = periods[start[c + 1]! - 1]!;
			activePeriods += start[c + 1]! - start[c]!;
			let list = churnByCohort.get(first);
			if (!list) churnByCohort.set(first, (list = []));
			list.push(last === lastPeriod ? null : last - first + 1);
		}
		if ((c + 1) % STEP_CUSTOMERS === 0) yield;
	}
	return { churnByCohort, activePeriods };
}

export interface RetentionQuery {
	period: CalendarPeriod;
	/** How many periods ahead the curves go. */
	periods: number;
	/** Per period, for the discounted expected lifetime. */
	discountRate: number;
}

export interface RetentionReport {
	period: CalendarPeriod;
	/** Null when the data was refused before fitting. */
	fit: Pick<SbgFit, 'params' | 'logLikelihood' | 'converged' | 'customers'> | null;
	verdict: FitVerdict;
	/** Observed per cohort; `projected` (the fit's) is null when the fit is unusable. */
	cohorts: { cohort: string; initial: number; alive: number[]; projected: number[] | null }[];
	/** S(t) for t = 0…periods: share of a new cohort still active after t periods. Null: fit unusable. */
	survival: number[] | null;
	/** r(t) for t = 1…periods: share of those active after t − 1 periods who stay. Null: fit unusable. */
	retention: number[] | null;
	/** Expected periods active, the first included; null when infinite (α ≤ 1) or the fit is unusable. */
	expectedLifetime: number | null;
	/** Expected periods active within the curves' horizon. */
	expectedLifetimeWithinHorizon: number | null;
	discountRate: number;
	discountedExpectedLifetime: number | null;
	/** Mean revenue per active customer-period, the "payment" of a period. */
	revenuePerPeriod: number;
	/** revenuePerPeriod × discounted expected lifetime: the value of a new customer. */
	clvOfNewCustomer: number | null;
}

export async function computeRetention(workspaceId: string, filter: db.RuleFilter | null, query: RetentionQuery): Promise<RetentionReport> {
	const { columns, span } = await db.transactionData(workspaceId, filter);
	if (!span) throw new RangeError('no transactions');
	const lastPeriod = periodIndex(span.to, query.period);
	const customerCount = columns.externalIds.length;
	const { start, periods } = await finishStepwise(customerPeriodsInSteps(columns, customerCount, query.period));
	const revenue = await finishStepwise(sumInSteps(columns.amount));
	const { churnByCohort, activePeriods } = await finishStepwise(churnInSteps(start, periods, customerCount, lastPeriod));
	const cohorts = [...churnByCohort.keys()]
		.sort((a, b) => a - b)
		.filter((start) => start < lastPeriod)
		.map((start) => ({ start, survival: cohortSurvivalFromChurn(churnByCohort.get(start)!, lastPeriod - start) }));
	if (cohorts.length === 0) throw new RangeError('the data covers less than two periods');
	const { fit, verdict } = judgedSbg(cohorts.map((c) => c.survival));
	const revenuePerPeriod = activePeriods > 0 ? revenue / activePeriods : 0;
	const usable = fit && isUsable(verdict) ? fit : null;
	const lifetime = usable && sbgExpectedLifetime(usable.params);
	const discounted = usable && sbgDiscountedExpectedLifetime(usable.params, query.discountRate);
	return {
		period: query.period,
		fit: fit && { params: fit.params, logLikelihood: fit.logLikelihood, converged: fit.converged, customers: fit.customers },
		verdict,
		cohorts: cohorts.map(({ start, survival: observed }) => ({
			cohort: periodLabel(start, query.period),
			initial: observed.initial,
			alive: [...observed.alive],
			projected: usable && sbgSurvivalCurve(usable.params, observed.alive.length).slice(1).map((s) => s * observed.initial)
		})),
		survival: usable && sbgSurvivalCurve(usable.params, query.periods),
		retention: usable && sbgRetentionCurve(usable.params, query.periods),
		expectedLifetime: lifetime !== null && Number.isFinite(lifetime) ? lifetime : null,
		expectedLifetimeWithinHorizon: usable && sbgExpectedLifetime(usable.params, query.periods),
		discountRate: query.discountRate,
		discountedExpectedLifetime: discounted,
		revenuePerPeriod,
		clvOfNewCustomer: discounted === null ? null : revenuePerPeriod * discounted
	};
}
