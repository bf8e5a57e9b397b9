/**
 * Pooling a customer's own figures with the group's, so that a short history counts for little
 * and a long one for much (empirical Bayes):
 * - purchase rate: repeat purchases as a Poisson process with a gamma-distributed rate across
 *   customers (the NBD of Ehrenberg 1959; Morrison & Schmittlein 1988). With shape r and scale α
 *   (in time units) fitted on all customers by maximum likelihood, a customer with x repeat
 *   purchases in t time units has the expected rate (x + r) / (t + α): a customer seen for a week
 *   gets almost the group's rate, one seen for years almost their own;
 * - spend per purchase: Bühlmann–Straub credibility (Bühlmann & Straub 1970), the customer's own
 *   mean weighted n / (n + k) against the group mean, k = within-customer variance over the
 *   variance between customers' true means, both estimated from the data.
 */
import { minimizePositive } from './optimize';
import { logGamma } from './special';

export interface RateHistory {
	/** Repeat purchases (after the first). */
	x: number;
	/** Time since the first purchase, in time units. */
	t: number;
}

export interface RatePrior {
	/** Gamma shape r; Infinity when the customers' rates do not differ beyond chance (then everyone gets the group rate). */
	shape: number;
	/** Gamma scale α in time units (prior mean rate r / α); Infinity with an infinite shape. */
	scale: number;
	/** Repeat purchases per time unit over all customer time: Σx / Σt. */
	groupRate: number;
}

/** Beyond this the fitted shape means "no heterogeneity": pool fully. */
const HOMOGENEOUS_SHAPE = 1e4;

/** The prior of the purchase rates, by maximum likelihood of the NBD over each customer's own exposure. */
export function fitRatePrior(customers: readonly RateHistory[]): RatePrior {
	// Customers with the same (x, t) share a likelihood term: count them once.
	const byX = new Map<number, Map<number, number>>();
	let repeats = 0;
	let time = 0;
	for (const { x, t } of customers) {
		repeats += x;
		time += t;
		let byT = byX.get(x);
		if (!byT) byX.set(x, (byT = new Map()));
		byT.set(t, (byT.get(t) ?? 0) + 1);
	}
	const groupRate = time > 0 ? repeats / time : 0;
	if (repeats === 0 || time === 0) return { shape: Infinity, scale: Infinity, groupRate };
	// As columns of indices into the distinct x and t: the likelihood runs hundreds of times, and
	// its logarithms are taken once per distinct value rather than once per term.
	const xs = Float64Array.from(byX.keys());
	const tIndex = new Map<number, number>();
	let size = 0;
	for (const byT of byX.values()) {
		size += byT.size;
		for (const t of byT.keys()) if (!tIndex.has(t)) tIndex.set(t, tIndex.size);
	}
	const ts = Float64Array.from(tIndex.keys());
	const termX = new Int32Array(size);
	const termT = new Int32Array(size);
	const termWeight = new Float64Array(size);
	let i = 0;
	xs.forEach((x, k) => {
		for (const [t, weight] of byX.get(x)!) {
			termX[i] = k;
			termT[i] = tIndex.get(t)!;
			termWeight[i++] = weight;
		}
	});
	const logT = ts.map((t) => (t > 0 ? Math.log(t) : 0));
	const perX = new Float64Array(xs.length);
	const logTotal = new Float64Array(ts.length);
	// ln P(x | t) = ln Γ(r+x) − ln Γ(r) − ln x! + r ln(α/(α+t)) + x ln(t/(α+t)); x! does not depend on r, α.
	const negative = ([r, alpha]: number[]) => {
		const lgR = logGamma(r!);
		for (let k = 0; k < xs.length; k++) perX[k] = logGamma(r! + xs[k]!) - lgR;
		for (let k = 0; k < ts.length; k++) logTotal[k] = Math.log(alpha! + ts[k]!);
		const logAlpha = Math.log(alpha!);
		let total = 0;
		for (let j = 0; j < size; j++) {
			const kx = termX[j]!;
			const kt = termT[j]!;
			const x = xs[kx]!;
			total += termWeight[j]! * (perX[kx]! + r! * (logAlpha - logTotal[kt]!) + (x > 0 ? x * (logT[kt]! - logTotal[kt]!) : 0));
		}
		return -total;
	};
	// Start at r = 1 with the prior's mean rate r / α at the group's rate.
	const { params } = minimizePositive(negative, [1, 1 / groupRate]);
	const [shape, scale] = params as [number, number];
	if (!(shape < HOMOGENEOUS_SHAPE) || !Number.isFinite(scale)) return { shape: Infinity, scale: Infinity, groupRate };
	return { shape, scale, groupRate };
}

/** The expected purchase rate of a customer given their history: (x + r) / (t + α), or the group rate when rates do not differ. */
export function pooledRate(prior: RatePrior, { x, t }: RateHistory): number {
	return Number.isFinite(prior.shape) ? (x + prior.shape) / (t + prior.scale) : prior.groupRate;
}

export interface SpendHistory {
	/** Purchases. */
	n: number;
	/** Their total amount. */
	sum: number;
	/** The sum of their squared amounts. */
	sumOfSquares: number;
}

export interface SpendCredibility {
	/** Mean spend per purchase over all purchases. */
	mean: number;
	/** Purchases at which a customer's own mean counts for half; Infinity when customers' means do not differ beyond chance. */
	k: number;
}

/** Bühlmann–Straub estimates of the group mean and the credibility constant k (weights: purchases per customer). */
export function spendCredibility(customers: readonly SpendHistory[]): SpendCredibility {
	let purchases = 0;
	let total = 0;
	let squaredWeights = 0;
	let withinSquares = 0;
	let withinDegrees = 0;
	let counted = 0;
	for (const c of customers) {
		if (!(c.n > 0)) continue;
		counted++;
		purchases += c.n;
		total += c.sum;
		squaredWeights += c.n * c.n;
		if (c.n >= 2) {
			withinSquares += Math.max(0, c.sumOfSquares - (c.sum * c.sum) / c.n);
			withinDegrees += c.n - 1;
		}
	}
	const mean = purchases > 0 ? total / purchases : 0;
	if (withinDegrees === 0 || counted < 2) return { mean, k: Infinity };
	const within = withinSquares / withinDegrees;
	let between = 0;
	for (const c of customers) if (c.n > 0) between += c.n * (c.sum / c.n - mean) ** 2;
	const spread = (between - (counted - 1) * within) / (purchases - squaredWeights / purchases);
	if (!(spread > 0)) return { mean, k: Infinity };
	return { mean, k: within / spread };
}

/** A customer's expected spend per purchase: (own total + k × group mean) / (n + k). */
export function pooledSpend(credibility: SpendCredibility, { n, sum }: Pick<SpendHistory, 'n' | 'sum'>): number {
	if (!Number.isFinite(credibility.k)) return credibility.mean;
	return (sum + credibility.k * credibility.mean) / (n + credibility.k);
}
