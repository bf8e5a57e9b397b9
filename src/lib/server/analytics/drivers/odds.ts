/**
 * The odds ratio of a 2×2 table with Woolf's (log) 95% interval — the measure PostHog's funnel
 * correlation analysis and epidemiology use for "how much more often does the outcome come with
 * this trait". Cells: a = dropped off with the trait, b = went on with it, c = dropped off without,
 * d = went on without.
 */

/** The two-sided 95% quantile of the standard normal. */
export const Z_95 = 1.959963984540054;

export interface OddsRatio {
	oddsRatio: number;
	low: number;
	high: number;
	/** A cell was 0: the Haldane–Anscombe correction added ½ to every cell, so the ratio and interval stay finite. */
	corrected: boolean;
}

export function oddsRatio(a: number, b: number, c: number, d: number, z = Z_95): OddsRatio {
	for (const cell of [a, b, c, d]) if (!(Number.isInteger(cell) && cell >= 0)) throw new RangeError(`2×2 cells must be whole numbers ≥ 0, got ${[a, b, c, d].join(', ')}`);
	const corrected = a === 0 || b === 0 || c === 0 || d === 0;
	const [A, B, C, D] = corrected ? [a + 0.5, b + 0.5, c + 0.5, d + 0.5] : [a, b, c, d];
	const log = Math.log(A) + Math.log(D) - Math.log(B) - Math.log(C);
	const se = Math.sqrt(1 / A + 1 / B + 1 / C + 1 / D);
	return { oddsRatio: Math.exp(log), low: Math.exp(log - z * se), high: Math.exp(log + z * se), corrected };
}
