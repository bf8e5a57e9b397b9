/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV",
 * Journal of Marketing Research 42(4); the form used by BTYD and lifetimes):
 * - a customer's transaction values vary as Gamma(p, ν) around their mean p/ν;
 * - ν ~ Gamma(q, γ) across customers.
 * Fitted on repeat buyers only, with x = repeat purchases and z̄ = their mean value, because the
 * first purchase is often atypical. Assumes spend is independent of purchase frequency; check
 * the correlation before trusting it. Amounts are in whatever currency the input used.
 */
import { minimizePositiveWarmStarted, type MinimizeOptions } from './optimize';
import { logGamma } from './special';

export interface GammaGammaParams {
	p: number;
	q: number;
	gamma: number;
}

export interface SpendProfile {
	/** Repeat purchases. */
	x: number;
	/** Mean value of the repeat purchases. */
	monetaryValue: number;
}

export interface GammaGammaFit {
	params: GammaGammaParams;
	logLikelihood: number;
	converged: boolean;
	iterations: number;
	evaluations: number;
	/** Repeat buyers with a positive mean value: the customers the fit used. */
	customers: number;
}

/** Size of the warm-up sample; at least twice as many repeat buyers get one. */
const WARM_UP_CUSTOMERS = 5_000;

/** Customers the model can learn from: repeat buyers with a positive mean value. */
export const isSpendInformative = (c: SpendProfile): boolean => c.x > 0 && c.monetaryValue > 0;

function likelihoodOf(customers: readonly SpendProfile[]): (p: GammaGammaParams) => number {
	const used = customers.filter(isSpendInformative);
	const n = used.length;
	const xs = new Float64Array(n);
	const means = new Float64Array(n);
	// Parameter-free parts: Σ (−ln z̄) and the per-customer ln x, ln z̄ reused in every evaluation.
	const logX = new Float64Array(n);
	const logMean = new Float64Array(n);
	const distinctX = [...new Set(used.map((c) => c.x))].sort((u, v) => u - v);
	const xIndex = new Map(distinctX.map((x, k) => [x, k]));
	const xk = new Int32Array(n);
	used.forEach((c, i) => {
		xs[i] = c.x;
		means[i] = c.monetaryValue;
		logX[i] = Math.log(c.x);
		logMean[i] = Math.log(c.monetaryValue);
		xk[i] = xIndex.get(c.x)!;
	});
	const perX = new Float64Array(distinctX.length);
	return ({ p, q, gamma }) => {
		// ln Γ(px + q) − ln Γ(px) − ln Γ(q), once per distinct x.
		const lgq = logGamma(q);
		distinctX.forEach((x, k) => (perX[k] = logGamma(p * x + q) - logGamma(p * x) - lgq));
		const logGammaScale = Math.log(gamma);
		let total = 0;
		for (let i = 0; i < n; i++) {
			const px = p * xs[i]!;
			// Density of the mean z̄ of x Gamma(p, ν) values, mixed over ν ~ Gamma(q, γ).
			total += perX[xk[i]!]! + q * logGammaScale + (px - 1) * logMean[i]! + px * logX[i]! - (px + q) * Math.log(gamma + xs[i]! * means[i]!);
		}
		return total;
	};
}

export function gammaGammaLogLikelihood(params: GammaGammaParams, customers: readonly SpendProfile[]): number {
	return likelihoodOf(customers)(params);
}

export interface GammaGammaFitOptions extends MinimizeOptions {
	/** Starting point; by default p = 1, q = 2 and γ = the mean z̄ (which makes the prior mean spend p·γ/(q−1) match the data). */
	initial?: GammaGammaParams;
	/** Start from a fit on a sample when there are many repeat buyers (default true); false searches from `initial` directly. */
	warmUp?: boolean;
}

export function fitGammaGamma(customers: readonly SpendProfile[], options: GammaGammaFitOptions = {}): GammaGammaFit {
	const used = customers.filter(isSpendInformative);
	if (used.length === 0) throw new RangeError('Cannot fit Gamma-Gamma without repeat buyers');
	const logLikelihood = likelihoodOf(used);
	const meanSpend = used.reduce((sum, c) => sum + c.monetaryValue, 0) / used.length;
	const initial = options.initial ?? { p: 1, q: 2, gamma: meanSpend };
	const negative = (likelihood: (params: GammaGammaParams) => number) => ([p, q, gamma]: number[]) => -likelihood({ p: p!, q: q!, gamma: gamma! });
	// Many repeat buyers: start from a fit on every k-th of them (see minimizePositiveWarmStarted).
	const stride = Math.floor(used.length / WARM_UP_CUSTOMERS);
	const sample = stride >= 2 && options.warmUp !== false ? likelihoodOf(used.filter((_, i) => i % stride === 0)) : null;
	const result = minimizePositiveWarmStarted(negative(logLikelihood), sample && negative(sample), [initial.p, initial.q, initial.gamma], options);
	const [p, q, gamma] = result.params as [number, number, number];
	return {
		params: { p, q, gamma },
		logLikelihood: -result.value,
		converged: result.converged,
		iterations: result.iterations,
		evaluations: result.evaluations,
		customers: used.length
	};
}

/** Mean spend per transaction across customers, p·γ / (q − 1); infinite when q ≤ 1. */
export function gammaGammaPopulationMeanSpend({ p, q, gamma }: GammaGammaParams): number {
	return q > 1 ? (p * gamma) / (q - 1) : Infinity;
}

/**
 * E[Z | x, z̄]: a customer's expected spend per transaction — a weighted average of the
 * population mean and their own z̄, the weight on z̄ growing with x. A customer without repeats
 * gets the population mean.
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, customer: SpendProfile): number {
	const { p, q, gamma } = params;
	if (!isSpendInformative(customer)) return gammaGammaPopulationMeanSpend(params);
	return (p * (gamma + customer.x * customer.monetaryValue)) / (p * customer.x + q - 1);
}
