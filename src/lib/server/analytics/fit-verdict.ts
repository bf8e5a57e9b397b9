/**
 * Whether a fitted model may speak for the customers: one verdict for BG/NBD, Gamma-Gamma and
 * sBG. A maximum-likelihood fit on too little or too uniform data does not fail loudly: the
 * optimiser walks off towards a boundary of the parameter space (r and α growing together
 * without end, a towards 0), where every customer gets the same prediction, and may even stop
 * there as "converged". Such a fit is refused with the reasons, never shown as customer values.
 *
 * The minimums come from fitting customer bases simulated from the published CDNOW parameters
 * (Fader, Hardie & Lee 2005; their sample has 946 repeat buyers of 2,357): with about 80 repeat
 * buyers one in five fits that looked sound was off by more than 25% on the year's purchases,
 * with about 100 one in six, from about 150 none. The shape bounds are far outside anything
 * published for real customer bases (shapes between about 0.05 and 50): beyond them the model
 * says "all customers are the same", which is the limit it reached, not a finding.
 */

/** Repeat buyers BG/NBD and Gamma-Gamma need (a customer can only show drop-out and spend by buying again). */
export const MIN_REPEAT_BUYERS = 100;
/** Customers over all cohorts that sBG needs. */
export const MIN_RETENTION_CUSTOMERS = 100;
/** Periods the longest-observed cohort needs for sBG: the rise of retention over time is what tells the spread of churn rates from their mean. */
export const MIN_RETENTION_PERIODS = 3;
/** Shape parameters (r, a, b; p, q; sBG's α, β) outside [1/SHAPE_BOUND, SHAPE_BOUND] are at a boundary. */
export const SHAPE_BOUND = 1e3;
/** Scale parameters (α in time units, γ in money) outside [scale/SCALE_BOUND, scale × SCALE_BOUND] of the data's own scale are at a boundary. */
export const SCALE_BOUND = 1e4;

export type FitReason =
	| { code: 'too-few-repeat-buyers'; repeatBuyers: number; minimum: number }
	| { code: 'too-few-customers'; customers: number; minimum: number }
	| { code: 'too-few-periods'; periods: number; minimum: number }
	| { code: 'not-converged'; iterations: number }
	| { code: 'parameter-at-bound'; parameter: string; value: number; limit: number }
	| { code: 'identical-predictions'; customers: number };

export type FitReasonCode = FitReason['code'];

export interface FitVerdict {
	status: 'usable' | 'unusable';
	/** Why the fit is unusable, most basic first; empty when usable. */
	reasons: FitReason[];
}

export const USABLE: FitVerdict = { status: 'usable', reasons: [] };

export const verdictOf = (reasons: FitReason[]): FitVerdict => (reasons.length ? { status: 'unusable', reasons } : USABLE);

/** Both verdicts' reasons; usable only when both are. */
export const combineVerdicts = (...verdicts: FitVerdict[]): FitVerdict => verdictOf(verdicts.flatMap((v) => v.reasons));

export const isUsable = (verdict: FitVerdict): boolean => verdict.status === 'usable';

/** A check before fitting: a count below its minimum. */
export function minimumVerdict(code: 'too-few-repeat-buyers' | 'too-few-customers' | 'too-few-periods', count: number, minimum: number): FitVerdict {
	if (count >= minimum) return USABLE;
	if (code === 'too-few-repeat-buyers') return verdictOf([{ code, repeatBuyers: count, minimum }]);
	if (code === 'too-few-customers') return verdictOf([{ code, customers: count, minimum }]);
	return verdictOf([{ code, periods: count, minimum }]);
}

export interface FittedParameters<P extends object> {
	params: P;
	converged: boolean;
	iterations: number;
}

/**
 * The verdict on a finished fit: converged, and every parameter inside its bounds. `scales` names
 * the scale parameters with the data's own scale for each (e.g. α: the mean observation time);
 * every other parameter is a shape.
 */
export function fitVerdict<P extends object>(fit: FittedParameters<P>, scales: Partial<Record<keyof P & string, number>> = {}): FitVerdict {
	const reasons: FitReason[] = [];
	if (!fit.converged) reasons.push({ code: 'not-converged', iterations: fit.iterations });
	for (const [parameter, value] of Object.entries(fit.params) as [keyof P & string, number][]) {
		const scale = scales[parameter];
		const [low, high] = scale !== undefined && scale > 0 ? [scale / SCALE_BOUND, scale * SCALE_BOUND] : [1 / SHAPE_BOUND, SHAPE_BOUND];
		if (!(value >= low)) reasons.push({ code: 'parameter-at-bound', parameter, value, limit: low });
		else if (!(value <= high)) reasons.push({ code: 'parameter-at-bound', parameter, value, limit: high });
	}
	return verdictOf(reasons);
}

/**
 * The last check, on what a fit predicts: a model that gives every customer the same value
 * although they bought differently has learnt nothing about them (a fit can pass the bounds and
 * still sit on the flat ridge that leads to them).
 */
export function predictionsVerdict(predictions: ArrayLike<number>, customersDiffer: boolean): FitVerdict {
	if (!customersDiffer || predictions.length < 2) return USABLE;
	let low = Infinity;
	let high = -Infinity;
	let sum = 0;
	for (let i = 0; i < predictions.length; i++) {
		const value = predictions[i]!;
		low = Math.min(low, value);
		high = Math.max(high, value);
		sum += value;
	}
	const mean = Math.abs(sum / predictions.length);
	return high - low <= 1e-6 * Math.max(mean, Number.MIN_VALUE) ? verdictOf([{ code: 'identical-predictions', customers: predictions.length }]) : USABLE;
}
