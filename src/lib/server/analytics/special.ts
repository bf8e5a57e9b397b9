/**
 * Special functions the customer-base models are built on: log-gamma, log-beta and the Gauss
 * hypergeometric function 2F1. Everything works on logarithms where the plain values would
 * overflow (Γ(172) is already beyond a double).
 */

/**
 * Lanczos coefficients for g = 7, n = 9 (the set used by Numerical Recipes 3rd ed. and many
 * libraries): relative error below 1e-15 for positive arguments, which is well beyond what
 * maximum-likelihood fits on customer data need.
 */
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
	12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
] as const;
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln Γ(x) for x > 0. (Γ changes sign for negative x, so its logarithm is not defined there in
 * the reals; the models only ever need positive arguments.)
 */
export function logGamma(x: number): number {
	if (!(x > 0)) {
		if (Number.isNaN(x)) return NaN;
		throw new RangeError(`logGamma needs a positive argument, got ${x}`);
	}
	// The Lanczos sum is accurate for x ≥ 0.5; below that, the recurrence Γ(x) = Γ(x + 1) / x
	// keeps us in range without the reflection formula's loss of precision near 0.
	if (x < 0.5) return logGamma(x + 1) - Math.log(x);
	const z = x - 1;
	let sum = LANCZOS_COEFFICIENTS[0];
	for (let i = 1; i < LANCZOS_G + 2; i++) sum += LANCZOS_COEFFICIENTS[i]! / (z + i);
	const t = z + LANCZOS_G + 0.5;
	return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0. */
export function logBeta(a: number, b: number): number {
	return logGamma(a) + logGamma(b) - logGamma(a + b);
}

export interface Hyp2f1Options {
	/** Relative tolerance on the estimated remainder of the series (default 1e-14). */
	tolerance?: number;
	/** Give up (RangeError) after this many terms (default 200,000). */
	maxTerms?: number;
}

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) = Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ for |z| < 1,
 * summed term by term. The models only call it with 0 ≤ z < 1 (BG/NBD: z = t / (α + T + t);
 * sBG: z = 1 / (1 + discount rate)), where the series converges, slowly as z approaches 1 —
 * hence the guard: rather than return a silently truncated sum, it throws when the remainder
 * is not below the tolerance after `maxTerms` terms.
 */
export function hyp2f1(a: number, b: number, c: number, z: number, options: Hyp2f1Options = {}): number {
	const tolerance = options.tolerance ?? 1e-14;
	const maxTerms = options.maxTerms ?? 200_000;
	if (!(Math.abs(z) < 1)) throw new RangeError(`hyp2f1 series needs |z| < 1, got z = ${z}`);
	if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2f1 is undefined for c = ${c} (a non-positive integer)`);
	let term = 1;
	let sum = 1;
	for (let n = 0; n < maxTerms; n++) {
		const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
		term *= ratio;
		sum += term;
		// A negative integer a or b ends the series (a polynomial).
		if (term === 0) return sum;
		// Past n = −a, −b, −c the term ratio moves monotonically towards z, so every later ratio is
		// at most ρ = max(|ratio|, |z|) < 1 and the remainder is bounded by a geometric series.
		const rho = Math.max(Math.abs(ratio), Math.abs(z));
		if (rho < 1 && n + 1 > Math.max(-a, -b, -c, 0)) {
			const remainder = (Math.abs(term) * rho) / (1 - rho);
			if (remainder <= tolerance * Math.abs(sum)) return sum;
		}
	}
	throw new RangeError(`hyp2f1(${a}, ${b}; ${c}; ${z}) did not converge in ${maxTerms} terms`);
}
