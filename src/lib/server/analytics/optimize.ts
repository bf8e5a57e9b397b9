/**
 * A derivative-free minimiser for the maximum-likelihood fits. The likelihoods are smooth but
 * their gradients are tedious (digamma of every parameter combination) and the problems are tiny
 * (2–4 parameters), so Nelder–Mead is the simplest thing that works. It is deterministic: the
 * same function and start give the same answer on every run.
 */

export interface MinimizeOptions {
	/** Stop when the simplex's function values differ by at most this (absolute, plus relative to |f|). Default 1e-10. */
	functionTolerance?: number;
	/**
	 * …and its vertices differ by at most this in every coordinate. Default 1e-4: in the log-parameter
	 * space of the fits that is a relative precision of 1e-4 on each parameter (the fourth digit the
	 * papers publish), far below the sampling error of any customer base, and it takes about 40%
	 * fewer likelihood evaluations than 1e-8 (the log-likelihood moves by less than 1e-5).
	 */
	pointTolerance?: number;
	/** Iterations per run (default 5,000) — a run that hits it is reported as not converged. */
	maxIterations?: number;
	/** Restarts from the best point with a fresh simplex; they stop early when a restart gains nothing. Default 3. */
	restarts?: number;
	/** Size of the initial simplex's steps along each axis (default 0.5). */
	initialStep?: number;
}

export interface Minimum {
	point: number[];
	value: number;
	converged: boolean;
	/** Nelder–Mead iterations over all runs. */
	iterations: number;
	/** Function evaluations over all runs. */
	evaluations: number;
}

/** Standard Nelder–Mead coefficients (reflection, expansion, contraction, shrink). */
const REFLECT = 1;
const EXPAND = 2;
const CONTRACT = 0.5;
const SHRINK = 0.5;

interface RunResult {
	point: number[];
	value: number;
	converged: boolean;
	iterations: number;
	evaluations: number;
}

function nelderMeadRun(f: (x: number[]) => number, start: number[], step: number, functionTolerance: number, pointTolerance: number, maxIterations: number): RunResult {
	const n = start.length;
	let evaluations = 0;
	// NaN or an overflow means "outside the region where the model is defined": treat as worst.
	const value = (x: number[]) => {
		evaluations++;
		const y = f(x);
		return Number.isFinite(y) ? y : Infinity;
	};
	const points: number[][] = [start.slice()];
	for (let i = 0; i < n; i++) {
		const p = start.slice();
		p[i] = p[i]! + step;
		points.push(p);
	}
	const values = points.map(value);
	const order = points.map((_, i) => i);
	let iterations = 0;
	let converged = false;

	while (iterations < maxIterations) {
		// Stable sort by value, ties by index, so the run never depends on engine sort details.
		order.sort((i, j) => values[i]! - values[j]! || i - j);
		const best = order[0]!;
		const worst = order[n]!;
		const secondWorst = order[n - 1]!;
		const fBest = values[best]!;
		const fWorst = values[worst]!;
		let spread = 0;
		for (let k = 1; k <= n; k++) {
			const p = points[order[k]!]!;
			for (let d = 0; d < n; d++) spread = Math.max(spread, Math.abs(p[d]! - points[best]![d]!));
		}
		if (fWorst - fBest <= functionTolerance * (1 + Math.abs(fBest)) && spread <= pointTolerance) {
			converged = true;
			break;
		}
		iterations++;

		const centroid = new Array<number>(n).fill(0);
		for (let k = 0; k < n; k++) {
			const p = points[order[k]!]!;
			for (let d = 0; d < n; d++) centroid[d]! += p[d]! / n;
		}
		const along = (coefficient: number) => centroid.map((c, d) => c + coefficient * (c - points[worst]![d]!));

		const reflected = along(REFLECT);
		const fReflected = value(reflected);
		if (fReflected < fBest) {
			const expanded = along(EXPAND);
			const fExpanded = value(expanded);
			if (fExpanded < fReflected) {
				points[worst] = expanded;
				values[worst] = fExpanded;
			} else {
				points[worst] = reflected;
				values[worst] = fReflected;
			}
			continue;
		}
		if (fReflected < values[secondWorst]!) {
			points[worst] = reflected;
			values[worst] = fReflected;
			continue;
		}
		// Contract towards the better of the worst point and its reflection.
		const outside = fReflected < fWorst;
		const contracted = along(outside ? CONTRACT : -CONTRACT);
		const fContracted = value(contracted);
		if (fContracted < (outside ? fReflected : fWorst)) {
			points[worst] = contracted;
			values[worst] = fContracted;
			continue;
		}
		for (let k = 1; k <= n; k++) {
			const i = order[k]!;
			points[i] = points[i]!.map((x, d) => points[best]![d]! + SHRINK * (x - points[best]![d]!));
			values[i] = value(points[i]!);
		}
	}
	order.sort((i, j) => values[i]! - values[j]! || i - j);
	return { point: points[order[0]!]!, value: values[order[0]!]!, converged, iterations, evaluations };
}

/**
 * Minimises f from `start` with Nelder–Mead, restarting from the best point found: a simplex
 * can collapse onto a ridge and stop short of the minimum, and a fresh simplex around the
 * result either confirms it or walks on.
 */
export function minimize(f: (x: number[]) => number, start: readonly number[], options: MinimizeOptions = {}): Minimum {
	const functionTolerance = options.functionTolerance ?? 1e-10;
	const pointTolerance = options.pointTolerance ?? 1e-4;
	const maxIterations = options.maxIterations ?? 5_000;
	const restarts = options.restarts ?? 3;
	let step = options.initialStep ?? 0.5;
	let run = nelderMeadRun(f, start.slice(), step, functionTolerance, pointTolerance, maxIterations);
	let iterations = run.iterations;
	let evaluations = run.evaluations;
	for (let i = 0; i < restarts; i++) {
		// Restart with a smaller simplex: the point is already close, so a big one wastes evaluations.
		step = Math.max(step / 4, 1e-3);
		const next = nelderMeadRun(f, run.point, step, functionTolerance, pointTolerance, maxIterations);
		iterations += next.iterations;
		evaluations += next.evaluations;
		const gained = run.value - next.value;
		if (next.value <= run.value) run = next;
		else run = { ...run, converged: run.converged && next.converged };
		if (gained <= functionTolerance * (1 + Math.abs(run.value))) break;
	}
	return { ...run, iterations, evaluations };
}

export interface PositiveMinimum {
	/** The minimising positive parameters. */
	params: number[];
	value: number;
	converged: boolean;
	iterations: number;
	evaluations: number;
}

/**
 * Minimises f over strictly positive parameters by searching u = ln θ: the constraint
 * disappears and the parameters, which can differ by orders of magnitude (r ≈ 0.2 next to
 * α ≈ 4 weeks or 30 days), get comparable step sizes.
 */
export function minimizePositive(f: (params: number[]) => number, initial: readonly number[], options: MinimizeOptions = {}): PositiveMinimum {
	for (const p of initial) if (!(p > 0)) throw new RangeError(`minimizePositive needs positive starting values, got ${p}`);
	const result = minimize((u) => f(u.map(Math.exp)), initial.map(Math.log), options);
	return {
		params: result.point.map(Math.exp),
		value: result.value,
		converged: result.converged,
		iterations: result.iterations,
		evaluations: result.evaluations
	};
}

export interface WarmStartedMinimum extends PositiveMinimum {
	/** The cheap first fit, when there was one: its iterations and evaluations (of the cheap objective). */
	warmUp: { iterations: number; evaluations: number } | null;
}

/**
 * Minimises an expensive objective over positive parameters in two steps when a cheap stand-in
 * is given (the same likelihood on a deterministic subsample of the customers): the stand-in is
 * minimised from `initial`, which gets close to the answer, and the real objective from there
 * with a small simplex, which then needs a fraction of the evaluations. The answer is the real
 * objective's minimum either way; the warm-up only decides where the search starts.
 */
export function minimizePositiveWarmStarted(
	f: (params: number[]) => number,
	cheap: ((params: number[]) => number) | null,
	initial: readonly number[],
	options: MinimizeOptions = {}
): WarmStartedMinimum {
	if (!cheap) return { ...minimizePositive(f, initial, options), warmUp: null };
	const warm = minimizePositive(cheap, initial, { ...options, pointTolerance: 1e-3, restarts: 1 });
	const result = minimizePositive(f, warm.params, { ...options, initialStep: 0.05 });
	return { ...result, warmUp: { iterations: warm.iterations, evaluations: warm.evaluations } };
}
