/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way", Marketing
 * Science 24(2)) for non-contractual repeat buying:
 * - while alive, a customer buys as a Poisson process with rate λ; λ ~ Gamma(r, α) across
 *   customers (α is a time scale, in the summary's time unit);
 * - after every repeat purchase the customer drops out for good with probability p;
 *   p ~ Beta(a, b) across customers.
 * Inputs are (x, t_x, T) per customer (see summary.ts); every time (t, horizons) is in the same
 * time unit as t_x and T.
 */
import { distinctIndex, groupFrequencyProfiles, isFrequencyGroups, subsampleGroups, type FrequencyGroups, type FrequencyProfile } from './frequency-groups';
import { minimizePositiveWarmStarted, type MinimizeOptions } from './optimize';
import { hyp2f1, logGamma } from './special';

export interface BgnbdParams {
	r: number;
	alpha: number;
	a: number;
	b: number;
}

export interface BgnbdFit {
	params: BgnbdParams;
	/** Log-likelihood at the fitted parameters (summed over customers). */
	logLikelihood: number;
	converged: boolean;
	iterations: number;
	evaluations: number;
	customers: number;
	/** Distinct (x, t_x, T) profiles the fit actually evaluated. */
	distinctProfiles: number;
	/** For many profiles: the fit on a subsample that gave the starting point (see minimizePositiveWarmStarted). */
	warmUp: { iterations: number; evaluations: number; profiles: number } | null;
}

/** Size of the warm-up subsample; customer bases with at least twice as many distinct profiles get one. */
const WARM_UP_PROFILES = 5_000;

const toGroups = (data: readonly FrequencyProfile[] | FrequencyGroups) => (isFrequencyGroups(data) ? data : groupFrequencyProfiles(data));

/**
 * Builds the log-likelihood of the grouped data as a function of the parameters (eq. 6 of the
 * paper). Each logarithm that depends only on x, on T or on t_x is taken once per distinct
 * value rather than once per profile: that is what makes fitting a million customers cheap.
 */
function likelihoodOf(groups: FrequencyGroups): (p: BgnbdParams) => number {
	const xs = distinctIndex(groups.x);
	const Ts = distinctIndex(groups.T);
	const txs = distinctIndex(groups.tx);
	const nx = xs.values.length;
	const perX = new Float64Array(nx);
	const oddsX = new Float64Array(nx);
	const logT = new Float64Array(Ts.values.length);
	const logTx = new Float64Array(txs.values.length);
	// Locals rather than property reads in the hot loop (it runs profiles × evaluations times).
	const { size, weight } = groups;
	const xColumn = groups.x;
	const xIndex = xs.index;
	const tIndex = Ts.index;
	const txIndex = txs.index;
	return ({ r, alpha, a, b }) => {
		const base = r * Math.log(alpha) - logGamma(r) + logGamma(a + b) - logGamma(b);
		const logA = Math.log(a);
		for (let k = 0; k < nx; k++) {
			const x = xs.values[k]!;
			// ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
			perX[k] = base + logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x);
			oddsX[k] = x > 0 ? logA - Math.log(b + x - 1) : 0;
		}
		for (let k = 0; k < logT.length; k++) logT[k] = Math.log(alpha + Ts.values[k]!);
		for (let k = 0; k < logTx.length; k++) logTx[k] = Math.log(alpha + txs.values[k]!);
		let total = 0;
		for (let i = 0; i < size; i++) {
			const x = xColumn[i]!;
			const kx = xIndex[i]!;
			const shape = r + x;
			const alive = -shape * logT[tIndex[i]!]!;
			let term = alive;
			if (x > 0) {
				// Add the chance of having dropped out right after the last purchase: log(e^alive + e^dropped).
				const d = oddsX[kx]! - shape * logTx[txIndex[i]!]! - alive;
				term += d > 0 ? d + Math.log1p(Math.exp(-d)) : Math.log1p(Math.exp(d));
			}
			total += weight[i]! * (perX[kx]! + term);
		}
		return total;
	};
}

export function bgnbdLogLikelihood(params: BgnbdParams, data: readonly FrequencyProfile[] | FrequencyGroups): number {
	return likelihoodOf(toGroups(data))(params);
}

export interface BgnbdFitOptions extends MinimizeOptions {
	/** Starting point; by default r = 1, a = 1, b = 1 and α set so the mean purchase rate matches the data. */
	initial?: BgnbdParams;
	/** Start from a fit on a subsample when there are many profiles (default true); false searches from `initial` directly. */
	warmUp?: boolean;
}

/** Maximum-likelihood fit of r, α, a, b. Deterministic: the same data gives the same numbers. */
export function fitBgnbd(data: readonly FrequencyProfile[] | FrequencyGroups, options: BgnbdFitOptions = {}): BgnbdFit {
	const groups = toGroups(data);
	if (groups.customers === 0) throw new RangeError('Cannot fit BG/NBD without customers');
	const logLikelihood = likelihoodOf(groups);
	let initial = options.initial;
	if (!initial) {
		// With r = 1 the mean rate is 1/α: start α at observed time per repeat purchase, so the
		// start is on the right scale whatever the time unit.
		let repeats = 0;
		let time = 0;
		for (let i = 0; i < groups.size; i++) {
			repeats += groups.weight[i]! * groups.x[i]!;
			time += groups.weight[i]! * groups.T[i]!;
		}
		initial = { r: 1, alpha: repeats > 0 && time > 0 ? time / repeats : 1, a: 1, b: 1 };
	}
	const start = [initial.r, initial.alpha, initial.a, initial.b];
	const negative = (likelihood: (p: BgnbdParams) => number) => ([r, alpha, a, b]: number[]) => -likelihood({ r: r!, alpha: alpha!, a: a!, b: b! });
	const sample = options.warmUp === false ? null : subsampleGroups(groups, WARM_UP_PROFILES);
	const result = minimizePositiveWarmStarted(negative(logLikelihood), sample && negative(likelihoodOf(sample)), start, options);
	const [r, alpha, a, b] = result.params as [number, number, number, number];
	return {
		params: { r, alpha, a, b },
		logLikelihood: -result.value,
		converged: result.converged,
		iterations: result.iterations,
		evaluations: result.evaluations,
		warmUp: result.warmUp && { ...result.warmUp, profiles: sample!.size },
		customers: groups.customers,
		distinctProfiles: groups.size
	};
}

/**
 * ln of the odds of "dropped out right after the last purchase" against "still alive", given
 * the profile: ln[a / (b + x − 1)] + (r + x) ln[(α + T) / (α + t_x)]; −∞ without repeats
 * (BG/NBD customers can only drop out after a repeat purchase).
 */
function logDropoutOdds({ r, alpha, a, b }: BgnbdParams, { x, tx, T }: FrequencyProfile): number {
	if (x === 0) return -Infinity;
	return Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + tx));
}

/** P(alive | x, t_x, T) (eq. 11 of the paper). */
export function bgnbdProbabilityAlive(params: BgnbdParams, profile: FrequencyProfile): number {
	const logOdds = logDropoutOdds(params, profile);
	// 1 / (1 + e^L), written so that a huge L gives 0 rather than NaN.
	return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
}

/**
 * E[X(t)]: expected purchases in (0, t] of a customer picked at random at time 0 (eq. 9).
 * For a = 1 the formula is 0/0; we take the average of a just above and below (it is continuous there).
 */
export function bgnbdExpectedTransactions(params: BgnbdParams, t: number): number {
	if (!(t >= 0)) throw new RangeError(`Horizon must be ≥ 0, got ${t}`);
	if (t === 0) return 0;
	const { r, alpha, a, b } = params;
	if (Math.abs(a - 1) < 1e-7) return (bgnbdExpectedTransactions({ ...params, a: 1 - 1e-6 }, t) + bgnbdExpectedTransactions({ ...params, a: 1 + 1e-6 }, t)) / 2;
	const z = t / (alpha + t);
	return ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, z));
}

/**
 * Expected purchases in the next t time units of a customer with x repeats and age T *if still
 * alive*: (a+b+x−1)/(a−1) · (1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))).
 * Times P(alive) it is the conditional expectation (eq. 10). It does not depend on t_x, so
 * customers with the same x and T share it — scoring a customer base computes it once per (x, T).
 * For a = 1 the formula is 0/0; we average a just above and below (it is continuous there).
 */
export function bgnbdExpectationIfAlive(params: BgnbdParams, x: number, T: number): (t: number) => number {
	const { r, alpha, a, b } = params;
	if (Math.abs(a - 1) < 1e-7) {
		const below = bgnbdExpectationIfAlive({ ...params, a: 1 - 1e-6 }, x, T);
		const above = bgnbdExpectationIfAlive({ ...params, a: 1 + 1e-6 }, x, T);
		return (t) => (below(t) + above(t)) / 2;
	}
	const scale = (a + b + x - 1) / (a - 1);
	const shape = r + x;
	return (t) => {
		if (!(t >= 0)) throw new RangeError(`Horizon must be ≥ 0, got ${t}`);
		if (t === 0) return 0;
		const z = t / (alpha + T + t);
		return scale * (1 - Math.pow(1 - z, shape) * hyp2f1(shape, b + x, a + b + x - 1, z));
	};
}

/** The conditional expectation as a function of the horizon, for evaluating many horizons of one customer. */
export function bgnbdConditionalExpectation(params: BgnbdParams, profile: FrequencyProfile): (t: number) => number {
	const pAlive = bgnbdProbabilityAlive(params, profile);
	const ifAlive = bgnbdExpectationIfAlive(params, profile.x, profile.T);
	return (t) => pAlive * ifAlive(t);
}

/** E[Y(t) | x, t_x, T]: expected purchases in the next t time units of a customer with this profile (eq. 10). */
export function bgnbdConditionalExpectedTransactions(params: BgnbdParams, t: number, profile: FrequencyProfile): number {
	return bgnbdConditionalExpectation(params, profile)(t);
}
