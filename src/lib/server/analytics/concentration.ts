/**
 * How concentrated value is over customers: the 20/80 figure (share held by the top 20%), the
 * Lorenz curve (and its mirror, the Pareto curve) and the Gini coefficient. Works on any
 * per-customer amount — revenue, CLV. Negative amounts (loss-making customers) are kept as they
 * are: the curves may then dip below zero and Gini exceed 1, which is the honest picture.
 */
import { runToEnd, type Stepwise } from '$lib/domain/stepwise';

export interface CurvePoint {
	/** Share of customers, 0–1. */
	customers: number;
	/** Share of the total value they hold, 0–1 (for non-negative amounts). */
	value: number;
}

export interface Concentration {
	n: number;
	total: number;
	/** Share of the total held by the top `topFraction` of customers; NaN when the total is not positive. */
	topShare: number;
	topFraction: number;
	gini: number;
	/** Lorenz curve, customers from smallest to largest: (0,0) … (1,1). */
	lorenz: CurvePoint[];
	/** Pareto curve, customers from largest to smallest: share held by the top x of customers. */
	pareto: CurvePoint[];
}

function ascending(values: ArrayLike<number>): Float64Array {
	return Float64Array.from(values).sort();
}

/** Cumulative sums of ascending values: cumulative[i] = sum of the i smallest. */
function cumulativeOf(sorted: Float64Array): Float64Array {
	const cumulative = new Float64Array(sorted.length + 1);
	for (let i = 0; i < sorted.length; i++) cumulative[i + 1] = cumulative[i]! + sorted[i]!;
	return cumulative;
}

/** L(p): share of the total held by the bottom p of customers, linear between customers (so 20% of 7 customers is meaningful). */
function lorenzAt(cumulative: Float64Array, p: number): number {
	const n = cumulative.length - 1;
	const total = cumulative[n]!;
	const position = p * n;
	const below = Math.min(Math.floor(position), n);
	const above = Math.min(below + 1, n);
	return (cumulative[below]! + (position - below) * (cumulative[above]! - cumulative[below]!)) / total;
}

/** Share of the total held by the top `fraction` of customers (default 0.2: the 20/80 figure). */
export function topShare(values: ArrayLike<number>, fraction = 0.2): number {
	const cumulative = cumulativeOf(ascending(values));
	if (!(cumulative[cumulative.length - 1]! > 0)) return NaN;
	return 1 - lorenzAt(cumulative, 1 - fraction);
}

/** Gini coefficient: 0 when everyone holds the same, towards 1 when one customer holds all. */
export function gini(values: ArrayLike<number>): number {
	return runToEnd(giniOfSortedInSteps(ascending(values), Infinity));
}

/** Gini of ascending values, yielding after every `stepValues` values. */
function* giniOfSortedInSteps(sorted: Float64Array, stepValues: number): Stepwise<number> {
	const n = sorted.length;
	let total = 0;
	let weighted = 0;
	for (let i = 0; i < n; i++) {
		total += sorted[i]!;
		weighted += (i + 1) * sorted[i]!;
		if ((i + 1) % stepValues === 0) yield;
	}
	if (!(total > 0)) return NaN;
	// G = Σ (2i − n − 1) v_(i) / (n Σ v), i = 1…n ascending: the mean absolute difference over twice the mean.
	return (2 * weighted) / (n * total) - (n + 1) / n;
}

export interface ConcentrationOptions {
	/** Default 0.2. */
	topFraction?: number;
	/** At most this many points per curve (default 101, i.e. every percent); small inputs get their exact points. */
	maxPoints?: number;
}

export function concentration(values: ArrayLike<number>, options: ConcentrationOptions = {}): Concentration {
	return runToEnd(concentrationInSteps(values, options));
}

/** Values per step of concentrationInSteps. */
export const CONCENTRATION_STEP_VALUES = 50_000;

/** concentration, yielding after its sort and every `stepValues` values of its passes (the server thread serves others between). */
export function* concentrationInSteps(values: ArrayLike<number>, options: ConcentrationOptions = {}, stepValues = CONCENTRATION_STEP_VALUES): Stepwise<Concentration> {
	const topFraction = options.topFraction ?? 0.2;
	const maxPoints = Math.max(2, options.maxPoints ?? 101);
	const sorted = ascending(values);
	yield;
	const n = sorted.length;
	const cumulative = new Float64Array(n + 1);
	for (let i = 0; i < n; i++) {
		cumulative[i + 1] = cumulative[i]! + sorted[i]!;
		if ((i + 1) % stepValues === 0) yield;
	}
	const total = cumulative[n]!;
	const positive = total > 0;
	const lorenz: CurvePoint[] = [];
	if (positive) {
		// Exact points (one per customer) when few; otherwise evenly spaced shares, interpolated.
		const steps = n + 1 <= maxPoints ? n : maxPoints - 1;
		for (let k = 0; k <= steps; k++) lorenz.push({ customers: k / steps, value: lorenzAt(cumulative, k / steps) });
	}
	// Already ascending: sorting again (as gini does) would change nothing.
	const giniOfValues = yield* giniOfSortedInSteps(sorted, stepValues);
	return {
		n,
		total,
		topFraction,
		topShare: positive ? 1 - lorenzAt(cumulative, 1 - topFraction) : NaN,
		gini: giniOfValues,
		lorenz,
		pareto: lorenz.map((p) => ({ customers: 1 - p.customers, value: 1 - p.value })).reverse()
	};
}
