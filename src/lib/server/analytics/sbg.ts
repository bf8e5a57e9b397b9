/**
 * The shifted-beta-geometric model for contractual retention (Fader & Hardie 2007, "How to
 * project customer retention", Journal of Interactive Marketing 21(1)):
 * - at the end of every period an active customer cancels with probability θ;
 * - θ ~ Beta(α, β) across customers.
 * Heterogeneity is why observed retention rates rise over time: the likely cancellers leave
 * first. Periods are whatever the contract period is (month, year); the discount rate is per period.
 */
import { minimizePositive, type MinimizeOptions } from './optimize';
import { hyp2f1, logBeta } from './special';

export interface SbgParams {
	alpha: number;
	beta: number;
}

/** A cohort observed for some periods: how many started and how many were still active at the end of periods 1, 2, … */
export interface CohortSurvival {
	initial: number;
	/** Active after period 1, 2, …; non-increasing and at most `initial`. */
	alive: readonly number[];
}

export interface SbgFit {
	params: SbgParams;
	logLikelihood: number;
	converged: boolean;
	iterations: number;
	evaluations: number;
	/** Customers over all cohorts. */
	customers: number;
}

function validate({ initial, alive }: CohortSurvival) {
	let previous = initial;
	for (const n of alive) {
		if (!(Number.isInteger(n) && n >= 0 && n <= previous)) throw new RangeError(`Cohort survival must be whole, non-increasing counts starting at ${initial}; got ${alive.join(', ')}`);
		previous = n;
	}
}

/** P(T = t): the chance that a new customer's last period is t (cancels at the end of period t), for t = 1…periods. */
export function sbgChurnProbabilities({ alpha, beta }: SbgParams, periods: number): number[] {
	const result: number[] = [];
	// P(T=1) = α/(α+β); P(T=t) = P(T=t−1)·(β+t−2)/(α+β+t−1)  (eq. 7 of the paper).
	let probability = alpha / (alpha + beta);
	for (let t = 1; t <= periods; t++) {
		if (t > 1) probability *= (beta + t - 2) / (alpha + beta + t - 1);
		result.push(probability);
	}
	return result;
}

/** S(t) = P(T > t) for t = 0…periods: the share of a new cohort still active after t periods (S(0) = 1). */
export function sbgSurvivalCurve({ alpha, beta }: SbgParams, periods: number): number[] {
	// S(t) = S(t−1)·(β+t−1)/(α+β+t−1), i.e. B(α, β+t)/B(α, β).
	const result = [1];
	for (let t = 1; t <= periods; t++) result.push(result[t - 1]! * ((beta + t - 1) / (alpha + beta + t - 1)));
	return result;
}

/** r_t = S(t)/S(t−1) = (β+t−1)/(α+β+t−1): the retention rate in period t, for t = 1…periods. */
export function sbgRetentionCurve({ alpha, beta }: SbgParams, periods: number): number[] {
	const result: number[] = [];
	for (let t = 1; t <= periods; t++) result.push((beta + t - 1) / (alpha + beta + t - 1));
	return result;
}

function likelihoodOf(cohorts: readonly CohortSurvival[]): (p: SbgParams) => number {
	return (params) => {
		let total = 0;
		for (const { initial, alive } of cohorts) {
			const churn = sbgChurnProbabilities(params, alive.length);
			let previous = initial;
			alive.forEach((n, t) => {
				const lost = previous - n;
				if (lost > 0) total += lost * Math.log(churn[t]!);
				previous = n;
			});
			// Still active at the end of observation: right-censored, they contribute S(last period).
			if (previous > 0) total += previous * (logBeta(params.alpha, params.beta + alive.length) - logBeta(params.alpha, params.beta));
		}
		return total;
	};
}

export function sbgLogLikelihood(params: SbgParams, cohorts: readonly CohortSurvival[]): number {
	return likelihoodOf(cohorts)(params);
}

/** Maximum-likelihood α and β over one or more cohorts assumed to share them (eq. 8). */
export function fitSbg(cohorts: CohortSurvival | readonly CohortSurvival[], options: MinimizeOptions & { initial?: SbgParams } = {}): SbgFit {
	const list: readonly CohortSurvival[] = Array.isArray(cohorts) ? cohorts : [cohorts as CohortSurvival];
	list.forEach(validate);
	const customers = list.reduce((sum, c) => sum + c.initial, 0);
	if (customers === 0 || list.every((c) => c.alive.length === 0)) throw new RangeError('Cannot fit sBG without observed periods');
	const logLikelihood = likelihoodOf(list);
	const initial = options.initial ?? { alpha: 1, beta: 1 };
	const result = minimizePositive(([alpha, beta]) => -logLikelihood({ alpha: alpha!, beta: beta! }), [initial.alpha, initial.beta], options);
	const [alpha, beta] = result.params as [number, number];
	return { params: { alpha, beta }, logLikelihood: -result.value, converged: result.converged, iterations: result.iterations, evaluations: result.evaluations, customers };
}

/**
 * Cohort survival from customers' churn periods: `churnPeriods[i]` is the period at whose end
 * customer i cancelled (1 = did not renew after the first period), or null when still active
 * after `observedPeriods` periods. A churn after `observedPeriods` counts as still active then.
 */
export function cohortSurvivalFromChurn(churnPeriods: readonly (number | null)[], observedPeriods: number): CohortSurvival {
	const lost = new Array<number>(observedPeriods + 1).fill(0);
	for (const period of churnPeriods) {
		if (period === null || period > observedPeriods) continue;
		if (!(Number.isInteger(period) && period >= 1)) throw new RangeError(`Churn period must be a whole number ≥ 1, got ${period}`);
		lost[period]!++;
	}
	const alive: number[] = [];
	let active = churnPeriods.length;
	for (let t = 1; t <= observedPeriods; t++) {
		active -= lost[t]!;
		alive.push(active);
	}
	return { initial: churnPeriods.length, alive };
}

/**
 * Expected lifetime in periods of a new customer, counting the first period, E[T] = (α+β−1)/(α−1).
 * It is infinite when α ≤ 1 (a heavy tail of near-never-cancellers), which is common; pass a
 * horizon to get the expected number of periods active within it, Σ_{t<horizon} S(t).
 */
export function sbgExpectedLifetime(params: SbgParams, horizon?: number): number {
	if (horizon === undefined) return params.alpha > 1 ? (params.alpha + params.beta - 1) / (params.alpha - 1) : Infinity;
	if (!(Number.isInteger(horizon) && horizon >= 0)) throw new RangeError(`horizon must be a whole number of periods ≥ 0, got ${horizon}`);
	if (horizon === 0) return 0;
	const survival = sbgSurvivalCurve(params, horizon - 1);
	return survival.reduce((sum, s) => sum + s, 0);
}

/**
 * Discounted expected residual lifetime (Fader & Hardie 2010, "Customer-base valuation in a
 * contractual setting", Marketing Science 29(1)): for a customer who has made `renewals`
 * renewals and whose contract is now up for renewal, the expected number of further payments,
 * each discounted by (1 + d) per period, the first (if they renew) paid now:
 *   DERL = (β+n)/(α+β+n) · 2F1(1, β+n+1; α+β+n+1; 1/(1+d)),  n = renewals.
 * For a customer about to make the first payment use `sbgDiscountedExpectedLifetime`.
 * A residual CLV is payment × DERL.
 */
export function sbgDiscountedExpectedResidualLifetime({ alpha, beta }: SbgParams, discountRate: number, renewals: number): number {
	if (!(discountRate > 0)) throw new RangeError(`A discount rate > 0 is needed for a finite value, got ${discountRate}`);
	if (!(Number.isInteger(renewals) && renewals >= 0)) throw new RangeError(`renewals must be a whole number ≥ 0, got ${renewals}`);
	const n = renewals;
	return ((beta + n) / (alpha + beta + n)) * hyp2f1(1, beta + n + 1, alpha + beta + n + 1, 1 / (1 + discountRate));
}

/**
 * Discounted expected lifetime of a customer about to make the first payment:
 * Σ_{t≥0} S(t)/(1+d)^t = 2F1(1, β; α+β; 1/(1+d)). A new customer's expected CLV is payment × DEL.
 */
export function sbgDiscountedExpectedLifetime({ alpha, beta }: SbgParams, discountRate: number): number {
	if (!(discountRate > 0)) throw new RangeError(`A discount rate > 0 is needed for a finite value, got ${discountRate}`);
	return hyp2f1(1, beta, alpha + beta, 1 / (1 + discountRate));
}
