/**
 * Optimal assignment (Kuhn–Munkres, the O(n²·m) shortest-augmenting-path form with row and
 * column potentials) for a rectangular cost matrix: every row of the smaller side is matched to
 * a distinct column of the other so that the total cost is minimal; the surplus stays unmatched.
 */
export interface Assignment {
	/** Column assigned to each row, or -1 when there are more rows than columns. */
	readonly rowToColumn: readonly number[];
	readonly total: number;
}

export function solveAssignment(cost: readonly (readonly number[])[]): Assignment {
	const rows = cost.length;
	const columns = rows === 0 ? 0 : cost[0]!.length;
	for (const row of cost) {
		if (row.length !== columns) throw new RangeError('Cost matrix rows differ in length');
		for (const value of row) if (!Number.isFinite(value)) throw new RangeError('Costs must be finite');
	}
	if (rows === 0 || columns === 0) return { rowToColumn: new Array<number>(rows).fill(-1), total: 0 };
	// The algorithm needs rows ≤ columns; solve the transpose otherwise.
	if (rows > columns) {
		const transposed = Array.from({ length: columns }, (_, j) => cost.map((row) => row[j]!));
		const inner = solveAssignment(transposed);
		const rowToColumn = new Array<number>(rows).fill(-1);
		inner.rowToColumn.forEach((row, column) => {
			if (row >= 0) rowToColumn[row] = column;
		});
		return { rowToColumn, total: inner.total };
	}

	// 1-based arrays; column 0 is a virtual column that holds the row being inserted.
	const u = new Float64Array(rows + 1);
	const v = new Float64Array(columns + 1);
	const rowOfColumn = new Int32Array(columns + 1);
	const previousColumn = new Int32Array(columns + 1);
	for (let i = 1; i <= rows; i++) {
		rowOfColumn[0] = i;
		let column = 0;
		const slack = new Float64Array(columns + 1).fill(Infinity);
		const used = new Uint8Array(columns + 1);
		do {
			used[column] = 1;
			const row = rowOfColumn[column]!;
			let delta = Infinity;
			let next = 0;
			for (let j = 1; j <= columns; j++) {
				if (used[j]) continue;
				const reduced = cost[row - 1]![j - 1]! - u[row]! - v[j]!;
				if (reduced < slack[j]!) {
					slack[j] = reduced;
					previousColumn[j] = column;
				}
				if (slack[j]! < delta) {
					delta = slack[j]!;
					next = j;
				}
			}
			for (let j = 0; j <= columns; j++) {
				if (used[j]) {
					u[rowOfColumn[j]!]! += delta;
					v[j]! -= delta;
				} else slack[j]! -= delta;
			}
			column = next;
		} while (rowOfColumn[column] !== 0);
		// Flip the augmenting path.
		do {
			const before = previousColumn[column]!;
			rowOfColumn[column] = rowOfColumn[before]!;
			column = before;
		} while (column !== 0);
	}
	const rowToColumn = new Array<number>(rows).fill(-1);
	let total = 0;
	for (let j = 1; j <= columns; j++) {
		const row = rowOfColumn[j]!;
		if (row > 0) {
			rowToColumn[row - 1] = j - 1;
			total += cost[row - 1]![j - 1]!;
		}
	}
	return { rowToColumn, total };
}
