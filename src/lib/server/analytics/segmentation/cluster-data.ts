/**
 * The shape every clustering step works on, and the one dissimilarity they all share.
 *
 * Huang's (1998) k-prototypes dissimilarity between a customer and a prototype is
 *   Σ_numeric (x − c)²  +  γ · (number of categorical features where the customer differs).
 * With no categorical features it is the squared Euclidean distance of k-means, so k-means and
 * k-prototypes share one engine, and silhouette, profiles and matching all use this function.
 */
export interface ClusterData {
	readonly rows: number;
	/** rows × p numeric values (z-scores in practice), row-major. */
	readonly numeric: Float64Array;
	readonly p: number;
	/** rows × q categorical codes, row-major. */
	readonly categorical: Int32Array;
	readonly q: number;
	/** Number of levels of each categorical feature (codes run from 0 to levels − 1). */
	readonly levels: Int32Array;
	/** Weight of one categorical mismatch, in squared z-units. Irrelevant when q = 0. */
	readonly gamma: number;
}

/** A partition of the rows with its prototypes. */
export interface Clustering {
	readonly k: number;
	/** Cluster of each row, 0 … k − 1. */
	readonly labels: Int32Array;
	readonly sizes: Int32Array;
	/** k × p cluster means. */
	readonly centroids: Float64Array;
	/** k × q cluster modes (most frequent code; ties go to the lowest code). */
	readonly modes: Int32Array;
	/** Σ dissimilarity of each row to its own prototype; for k-means the inertia (SSE). */
	readonly cost: number;
	readonly iterations: number;
	readonly converged: boolean;
}

export function numericOnly(rows: number, cols: number, values: Float64Array): ClusterData {
	return {
		rows,
		numeric: values,
		p: cols,
		categorical: new Int32Array(0),
		q: 0,
		levels: new Int32Array(0),
		gamma: 0
	};
}

/** Dissimilarity between two rows of the data. */
export function rowDissimilarity(data: ClusterData, a: number, b: number): number {
	const { numeric, p, categorical, q, gamma } = data;
	let d = 0;
	const ao = a * p;
	const bo = b * p;
	for (let j = 0; j < p; j++) {
		const t = numeric[ao + j]! - numeric[bo + j]!;
		d += t * t;
	}
	if (q > 0) {
		const ac = a * q;
		const bc = b * q;
		for (let j = 0; j < q; j++) if (categorical[ac + j] !== categorical[bc + j]) d += gamma;
	}
	return d;
}

/** Dissimilarity between a row and prototype c of (centroids, modes). */
export function prototypeDissimilarity(
	data: ClusterData,
	row: number,
	centroids: Float64Array,
	modes: Int32Array,
	c: number
): number {
	const { numeric, p, categorical, q, gamma } = data;
	let d = 0;
	const ro = row * p;
	const co = c * p;
	for (let j = 0; j < p; j++) {
		const t = numeric[ro + j]! - centroids[co + j]!;
		d += t * t;
	}
	if (q > 0) {
		const rc = row * q;
		const mc = c * q;
		for (let j = 0; j < q; j++) if (categorical[rc + j] !== modes[mc + j]) d += gamma;
	}
	return d;
}

/** The rows listed in `indices`, as their own data set (for samples). */
export function selectRows(data: ClusterData, indices: Int32Array): ClusterData {
	const { p, q } = data;
	const numeric = new Float64Array(indices.length * p);
	const categorical = new Int32Array(indices.length * q);
	for (let s = 0; s < indices.length; s++) {
		const i = indices[s]!;
		numeric.set(data.numeric.subarray(i * p, i * p + p), s * p);
		if (q > 0) categorical.set(data.categorical.subarray(i * q, i * q + q), s * q);
	}
	return { ...data, rows: indices.length, numeric, categorical };
}

/**
 * The same partition with clusters numbered by size, largest first (ties: lower old number).
 * Cluster numbers out of k-means are arbitrary; numbering by size gives the personas a stable,
 * meaningful order in the result and the UI.
 */
export function orderBySize(clustering: Clustering, p: number, q: number): Clustering {
	const { k } = clustering;
	const order = Array.from({ length: k }, (_, c) => c).sort(
		(a, b) => clustering.sizes[b]! - clustering.sizes[a]! || a - b
	);
	const newNumber = new Int32Array(k);
	order.forEach((old, position) => (newNumber[old] = position));
	const labels = clustering.labels.map((label) => newNumber[label]!);
	const sizes = new Int32Array(k);
	const centroids = new Float64Array(k * p);
	const modes = new Int32Array(k * q);
	order.forEach((old, c) => {
		sizes[c] = clustering.sizes[old]!;
		centroids.set(clustering.centroids.subarray(old * p, old * p + p), c * p);
		modes.set(clustering.modes.subarray(old * q, old * q + q), c * q);
	});
	return { ...clustering, labels, sizes, centroids, modes };
}

/** Population variance of each numeric column (0 for none): what tolerances and γ are scaled by. */
export function columnVariances({ rows, numeric, p }: Pick<ClusterData, 'rows' | 'numeric' | 'p'>): Float64Array {
	const variances = new Float64Array(p);
	if (rows === 0) return variances;
	for (let j = 0; j < p; j++) {
		let sum = 0;
		for (let i = 0; i < rows; i++) sum += numeric[i * p + j]!;
		const mean = sum / rows;
		let squares = 0;
		for (let i = 0; i < rows; i++) squares += (numeric[i * p + j]! - mean) ** 2;
		variances[j] = squares / rows;
	}
	return variances;
}
