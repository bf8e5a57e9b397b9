/**
 * Lloyd's k-means with greedy k-means++ seeding, restarts and empty-cluster repair. The same
 * engine runs k-prototypes (kprototypes.ts): the update step takes means of the numeric part and
 * modes of the categorical part, and the assignment uses the shared dissimilarity
 * (cluster-data.ts). Deterministic: every random choice comes from a seed derived per restart.
 */
import { columnVariances, numericOnly, type ClusterData, type Clustering } from './cluster-data';
import { SegmentationError } from './errors';
import { createRandom, deriveSeed, type Random } from './random';

export interface ClusteringOptions {
	readonly k: number;
	readonly seed: number;
	/** Independent seedings; the partition with the lowest cost is kept. Default 4. */
	readonly restarts?: number;
	/** Upper bound on Lloyd iterations per restart. Default 100. */
	readonly maxIterations?: number;
	/**
	 * Stop when the summed squared movement of the centroids falls below
	 * tolerance × mean variance of the numeric columns (scikit-learn's rule). Default 1e-4.
	 */
	readonly tolerance?: number;
	/**
	 * Prototypes to start the first restart from instead of a k-means++ seeding (k × p centroids,
	 * k × q modes) — e.g. the previous personas' centres; later restarts are seeded as usual.
	 */
	readonly initial?: { readonly centroids: Float64Array; readonly modes?: Int32Array };
}

export interface ClusteringRun {
	readonly best: Clustering;
	/** Final cost of every restart, in restart order (restart r always uses the same seed). */
	readonly restartCosts: readonly number[];
}

export interface NumericMatrix {
	readonly rows: number;
	readonly cols: number;
	/** rows × cols, row-major. */
	readonly values: Float64Array;
}

/** k-means on a numeric matrix; `best.cost` is the inertia (within-cluster sum of squares). */
export function kMeans(matrix: NumericMatrix, options: ClusteringOptions): ClusteringRun {
	return runClustering(numericOnly(matrix.rows, matrix.cols, matrix.values), options);
}

/** The shared engine behind kMeans and kPrototypes. */
export function runClustering(data: ClusterData, options: ClusteringOptions): ClusteringRun {
	const { k, seed } = options;
	const restarts = options.restarts ?? 4;
	const maxIterations = options.maxIterations ?? 100;
	const tolerance = options.tolerance ?? 1e-4;
	if (!Number.isInteger(k) || k < 1) {
		throw new SegmentationError('invalid_k', `k must be a positive integer, got ${k}`);
	}
	if (data.rows < k) {
		throw new SegmentationError('too_few_customers', `${data.rows} customers cannot form ${k} clusters`);
	}
	if (!Number.isInteger(restarts) || restarts < 1) {
		throw new SegmentationError('invalid_option', 'restarts must be a positive integer');
	}
	const shiftLimit = tolerance * meanColumnVariance(data);
	let best: Clustering | null = null;
	const restartCosts: number[] = [];
	for (let r = 0; r < restarts; r++) {
		const start = r === 0 ? options.initial : undefined;
		const run = lloyd(data, k, createRandom(deriveSeed(seed, r)), maxIterations, shiftLimit, start);
		restartCosts.push(run.cost);
		// Strictly lower: on ties the earlier restart wins, so adding restarts never changes the
		// answer unless it improves it.
		if (best === null || run.cost < best.cost) best = run;
	}
	return { best: best!, restartCosts };
}

function meanColumnVariance(data: ClusterData): number {
	if (data.p === 0 || data.rows === 0) return 0;
	return columnVariances(data).reduce((total, variance) => total + variance, 0) / data.p;
}

/**
 * One Lloyd run from a k-means++ seeding, accelerated with Hamerly's (2010) bounds: each row keeps
 * an upper bound on the distance to its own prototype and a lower bound on the distance to any
 * other; when the upper bound is below the lower bound, or below half the gap between its
 * prototype and the nearest other one, the row cannot change cluster and is skipped. The result is the same partition plain
 * Lloyd finds (up to exact ties), at a fraction of the distance computations once the prototypes
 * settle — at 200,000 customers that is most of the time spent. The bounds need a metric: the
 * square root of the k-prototypes dissimilarity is one (it is the Euclidean distance once each
 * categorical feature is one-hot coded and scaled by √(γ/2)), so k-prototypes is accelerated too.
 */
function lloyd(
	data: ClusterData,
	k: number,
	random: Random,
	maxIterations: number,
	shiftLimit: number,
	initial: ClusteringOptions['initial']
): Clustering {
	const { rows: n, numeric: x, p, categorical: cat, q, gamma, levels } = data;
	const centroids = new Float64Array(k * p);
	const modes = new Int32Array(k * q);
	if (initial) {
		if (initial.centroids.length !== k * p || (initial.modes?.length ?? 0) !== k * q) {
			throw new SegmentationError(
				'invalid_option',
				`Initial prototypes must be ${k} × ${p} centroids and ${k} × ${q} modes`
			);
		}
		centroids.set(initial.centroids);
		if (initial.modes) modes.set(initial.modes);
	} else seedPrototypes(data, k, random, centroids, modes);
	const previousCentroids = new Float64Array(k * p);
	const previousModes = new Int32Array(k * q);

	const labels = new Int32Array(n);
	const upper = new Float64Array(n);
	const lower = new Float64Array(n);
	const halfGap = new Float64Array(k);
	const movement = new Float64Array(k);
	const sizes = new Int32Array(k);
	const sums = new Float64Array(k * p);
	// Level counts per (cluster, categorical feature, level), for the modes.
	const levelOffset = new Int32Array(q + 1);
	for (let j = 0; j < q; j++) levelOffset[j + 1] = levelOffset[j]! + levels[j]!;
	const levelTotal = levelOffset[q]!;
	const levelCounts = new Int32Array(k * levelTotal);

	/** Squared dissimilarity of row i to prototype c. */
	const toPrototype = (i: number, c: number): number => {
		const xo = i * p;
		const cb = c * p;
		let d = 0;
		for (let j = 0; j < p; j++) {
			const t = x[xo + j]! - centroids[cb + j]!;
			d += t * t;
		}
		if (q > 0) {
			const co = i * q;
			const mb = c * q;
			for (let j = 0; j < q; j++) if (cat[co + j] !== modes[mb + j]) d += gamma;
		}
		return d;
	};

	/** Exact nearest and second-nearest prototype of row i; sets its label and both bounds. */
	const scan = (i: number): void => {
		let best = Infinity;
		let second = Infinity;
		let bestCluster = 0;
		for (let c = 0; c < k; c++) {
			const d = toPrototype(i, c);
			if (d < best) {
				second = best;
				best = d;
				bestCluster = c;
			} else if (d < second) second = d;
		}
		labels[i] = bestCluster;
		upper[i] = Math.sqrt(best);
		lower[i] = Math.sqrt(second);
	};

	/** Reassigns the rows whose bounds allow a change; returns how many changed cluster. */
	const assign = (): number => {
		for (let c = 0; c < k; c++) {
			let nearest = Infinity;
			for (let other = 0; other < k; other++) {
				if (other === c) continue;
				let d = 0;
				for (let j = 0; j < p; j++) d += (centroids[c * p + j]! - centroids[other * p + j]!) ** 2;
				for (let j = 0; j < q; j++) if (modes[c * q + j] !== modes[other * q + j]) d += gamma;
				if (d < nearest) nearest = d;
			}
			halfGap[c] = Math.sqrt(nearest) / 2;
		}
		let changed = 0;
		for (let i = 0; i < n; i++) {
			const own = labels[i]!;
			const bound = halfGap[own]! > lower[i]! ? halfGap[own]! : lower[i]!;
			if (upper[i]! <= bound) continue;
			upper[i] = Math.sqrt(toPrototype(i, own));
			if (upper[i]! <= bound) continue;
			scan(i);
			if (labels[i] !== own) changed++;
		}
		return changed;
	};

	const moveRow = (i: number, from: number, to: number): void => {
		sizes[from]!--;
		sizes[to]!++;
		for (let j = 0; j < p; j++) {
			sums[from * p + j]! -= x[i * p + j]!;
			sums[to * p + j]! += x[i * p + j]!;
		}
		for (let j = 0; j < q; j++) {
			const level = levelOffset[j]! + cat[i * q + j]!;
			levelCounts[from * levelTotal + level]!--;
			levelCounts[to * levelTotal + level]!++;
		}
		labels[i] = to;
		// Its bounds referred to the old cluster; force an exact look next time.
		upper[i] = Infinity;
		lower[i] = 0;
	};

	/**
	 * An empty cluster takes over the row worst served by its current prototype (from a cluster
	 * that keeps at least one row): the row the partition explains worst, whose move lowers the
	 * cost the most of any single-row move. Rare, so it may cost a pass over all rows.
	 */
	const repairEmptyClusters = (): void => {
		for (let c = 0; c < k; c++) {
			if (sizes[c]! > 0) continue;
			let worst = -1;
			let worstDistance = 0;
			for (let i = 0; i < n; i++) {
				if (sizes[labels[i]!]! < 2) continue;
				const d = toPrototype(i, labels[i]!);
				if (d > worstDistance) {
					worst = i;
					worstDistance = d;
				}
			}
			// None: fewer distinct customers than clusters, so this cluster stays empty.
			if (worst >= 0) moveRow(worst, labels[worst]!, c);
		}
	};

	/** Moves every prototype to the mean/mode of its rows and loosens the bounds accordingly. */
	const update = (): { shift: number; modesChanged: boolean } => {
		sizes.fill(0);
		sums.fill(0);
		levelCounts.fill(0);
		for (let i = 0; i < n; i++) {
			const c = labels[i]!;
			sizes[c]!++;
			const xo = i * p;
			const sb = c * p;
			for (let j = 0; j < p; j++) sums[sb + j]! += x[xo + j]!;
			if (q > 0) {
				const lb = c * levelTotal;
				for (let j = 0; j < q; j++) levelCounts[lb + levelOffset[j]! + cat[i * q + j]!]!++;
			}
		}
		repairEmptyClusters();
		previousCentroids.set(centroids);
		previousModes.set(modes);
		let shift = 0;
		let modesChanged = false;
		for (let c = 0; c < k; c++) {
			const size = sizes[c]!;
			let moved = 0;
			if (size > 0) {
				for (let j = 0; j < p; j++) {
					const mean = sums[c * p + j]! / size;
					moved += (mean - previousCentroids[c * p + j]!) ** 2;
					centroids[c * p + j] = mean;
				}
				shift += moved;
				for (let j = 0; j < q; j++) {
					const base = c * levelTotal + levelOffset[j]!;
					let mode = 0;
					for (let level = 1; level < levels[j]!; level++) {
						if (levelCounts[base + level]! > levelCounts[base + mode]!) mode = level;
					}
					if (previousModes[c * q + j] !== mode) {
						modes[c * q + j] = mode;
						moved += gamma;
						modesChanged = true;
					}
				}
			}
			movement[c] = Math.sqrt(moved);
		}
		let largest = 0;
		let largestCluster = -1;
		let secondLargest = 0;
		for (let c = 0; c < k; c++) {
			if (movement[c]! > largest) {
				secondLargest = largest;
				largest = movement[c]!;
				largestCluster = c;
			} else if (movement[c]! > secondLargest) secondLargest = movement[c]!;
		}
		if (largest > 0) {
			for (let i = 0; i < n; i++) {
				const c = labels[i]!;
				upper[i]! += movement[c]!;
				lower[i]! -= c === largestCluster ? secondLargest : largest;
			}
		}
		return { shift, modesChanged };
	};

	for (let i = 0; i < n; i++) scan(i);
	let iterations = 0;
	let converged = false;
	while (iterations < maxIterations) {
		iterations++;
		const { shift, modesChanged } = update();
		const changed = assign();
		if (changed === 0 || (shift <= shiftLimit && !modesChanged)) {
			converged = true;
			break;
		}
	}
	// Make the prototypes exactly the means/modes of the final partition, so the reported cost is
	// that partition's own cost (the inertia anyone can recompute from the labels alone).
	update();
	let cost = 0;
	for (let i = 0; i < n; i++) cost += toPrototype(i, labels[i]!);
	return { k, labels, sizes, centroids, modes, cost, iterations, converged };
}

/**
 * Greedy k-means++ (Arthur & Vassilvitskii 2007, with the 2 + ⌊ln k⌋ local trials scikit-learn
 * uses): each next prototype is a row drawn with probability proportional to its dissimilarity to
 * the nearest prototype so far; of the trials, the one that lowers the total the most is kept.
 * Plain k-means++ is O(log k)-competitive in expectation; the greedy trials make bad seedings
 * rarer, which matters because each restart costs a full Lloyd run.
 */
function seedPrototypes(
	data: ClusterData,
	k: number,
	random: Random,
	centroids: Float64Array,
	modes: Int32Array
): void {
	const { rows: n, numeric: x, p, categorical: cat, q, gamma } = data;
	const trials = 2 + Math.floor(Math.log(k));
	let closest = new Float64Array(n);
	let candidateBest = new Float64Array(n);
	let candidateTrial = new Float64Array(n);

	const place = (c: number, row: number): void => {
		centroids.set(x.subarray(row * p, row * p + p), c * p);
		if (q > 0) modes.set(cat.subarray(row * q, row * q + q), c * q);
	};
	/** Fills `into` with min(closest, dissimilarity to `row`) and returns its sum. */
	const potentialWith = (row: number, into: Float64Array): number => {
		const ro = row * p;
		const rc = row * q;
		let total = 0;
		for (let i = 0; i < n; i++) {
			let d = 0;
			const xo = i * p;
			for (let j = 0; j < p; j++) {
				const t = x[xo + j]! - x[ro + j]!;
				d += t * t;
			}
			if (q > 0) {
				const co = i * q;
				for (let j = 0; j < q; j++) if (cat[co + j] !== cat[rc + j]) d += gamma;
			}
			const m = d < closest[i]! ? d : closest[i]!;
			into[i] = m;
			total += m;
		}
		return total;
	};

	const first = random.int(n);
	place(0, first);
	closest.fill(Infinity);
	let potential = potentialWith(first, candidateBest);
	[closest, candidateBest] = [candidateBest, closest];
	for (let c = 1; c < k; c++) {
		let bestRow = -1;
		let bestPotential = Infinity;
		for (let t = 0; t < trials; t++) {
			const row = drawProportional(closest, potential, random);
			const total = potentialWith(row, candidateTrial);
			if (bestRow < 0 || total < bestPotential) {
				bestPotential = total;
				bestRow = row;
				[candidateBest, candidateTrial] = [candidateTrial, candidateBest];
			}
		}
		place(c, bestRow);
		[closest, candidateBest] = [candidateBest, closest];
		potential = bestPotential;
	}
}

/** A row drawn with probability proportional to its weight (uniformly if all weights are 0). */
function drawProportional(weights: Float64Array, total: number, random: Random): number {
	const n = weights.length;
	if (!(total > 0)) return random.int(n);
	const target = random.next() * total;
	let sum = 0;
	let lastPositive = 0;
	for (let i = 0; i < n; i++) {
		const w = weights[i]!;
		if (w <= 0) continue;
		sum += w;
		lastPositive = i;
		if (sum > target) return i;
	}
	// Rounding can leave the running sum a hair below the target.
	return lastPositive;
}
