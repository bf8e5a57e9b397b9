import {
	cohortSurvivalFromChurn,
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

/*
 * Contractual retention (Fader & Hardie 2007, the shifted-beta-geometric model) for
 * subscription-like businesses. From the transactions: customers are grouped into cohorts by the
 * period of their first purchase; a customer counts as having cancelled after the last period in
 * which they bought, unless that is the current (last, possibly incomplete) period. That reading
 * fits data where every active period has a payment; for occasional buyers use BG/NBD instead.
 * A fit whose verdict is unusable gives no curves, lifetimes or values: the report says why.
 */

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

export function computeRetention(workspaceId: string, filter: db.RuleFilter | null, query: RetentionQuery): RetentionReport {
	const span = db.transactionSpan(workspaceId);
	if (!span) throw new RangeError('no transactions');
	const lastPeriod = periodIndex(span.to, query.period);
	const first = new Map<string, number>();
	const last = new Map<string, number>();
	const activePeriods = new Set<string>();
	let revenue = 0;
	for (const t of db.transactionRows(workspaceId, filter)) {
		const index = periodIndex(t.occurredAt, query.period);
		first.set(t.customerId, Math.min(first.get(t.customerId) ?? index, index));
		last.set(t.customerId, Math.max(last.get(t.customerId) ?? index, index));
		activePeriods.add(`${t.customerId}|${index}`);
		revenue += t.amount;
	}
	const churnByCohort = new Map<number, (number | null)[]>();
	for (const [customer, start] of first) {
		const end = last.get(customer)!;
		let list = churnByCohort.get(start);
		if (!list) churnByCohort.set(start, (list = []));
		list.push(end === lastPeriod ? null : end - start + 1);
	}
	const cohorts = [...churnByCohort.keys()]
		.sort((a, b) => a - b)
		.filter((start) => start < lastPeriod)
		.map((start) => ({ start, survival: cohortSurvivalFromChurn(churnByCohort.get(start)!, lastPeriod - start) }));
	if (cohorts.length === 0) throw new RangeError('the data covers less than two periods');
	const { fit, verdict } = judgedSbg(cohorts.map((c) => c.survival));
	const revenuePerPeriod = activePeriods.size > 0 ? revenue / activePeriods.size : 0;
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
