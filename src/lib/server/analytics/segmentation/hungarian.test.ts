import { describe, expect, it } from 'vitest';
import { solveAssignment } from './hungarian';
import { createRandom } from './random';

/** Best total by trying every injective assignment of the smaller side. */
function bruteForce(cost: number[][]): number {
	const rows = cost.length;
	const columns = cost[0]!.length;
	let best = Infinity;
	const used = new Array<boolean>(Math.max(rows, columns)).fill(false);
	const visit = (row: number, total: number, assigned: number) => {
		if (assigned === Math.min(rows, columns) || row === rows) {
			if (assigned === Math.min(rows, columns)) best = Math.min(best, total);
			return;
		}
		if (rows - row > columns - assigned) visit(row + 1, total, assigned); // leave this row out
		for (let j = 0; j < columns; j++) {
			if (used[j]) continue;
			used[j] = true;
			visit(row + 1, total + cost[row]![j]!, assigned + 1);
			used[j] = false;
		}
	};
	visit(0, 0, 0);
	return best;
}

describe('optimal assignment (Hungarian algorithm)', () => {
	it('finds the optimum of a hand-made matrix where the greedy choice is wrong', () => {
		// Greedy takes the cheapest cell (0,0)=1 first and ends at 1 + 3 + 9 = 13; the optimum is 7.
		const cost = [
			[1, 2, 8],
			[2, 9, 9],
			[8, 9, 3]
		];
		expect(solveAssignment(cost)).toEqual({ rowToColumn: [1, 0, 2], total: 7 });
		const classic = [
			[4, 1, 3],
			[2, 0, 5],
			[3, 2, 2]
		];
		expect(solveAssignment(classic)).toEqual({ rowToColumn: [1, 0, 2], total: 5 });
	});

	it('leaves the surplus unmatched when there are more clusters than personas, and the reverse', () => {
		const wide = [
			[5, 1, 8, 3],
			[2, 6, 1, 7]
		];
		expect(solveAssignment(wide)).toEqual({ rowToColumn: [1, 2], total: 2 });
		const tall = [
			[5, 2],
			[1, 6],
			[8, 1],
			[3, 7]
		];
		expect(solveAssignment(tall)).toEqual({ rowToColumn: [-1, 0, 1, -1], total: 2 });
		expect(solveAssignment([])).toEqual({ rowToColumn: [], total: 0 });
		expect(solveAssignment([[], []])).toEqual({ rowToColumn: [-1, -1], total: 0 });
	});

	it('matches brute force on random matrices of every shape up to 6 × 6', () => {
		const random = createRandom(12);
		for (let trial = 0; trial < 150; trial++) {
			const rows = 1 + random.int(6);
			const columns = 1 + random.int(6);
			const cost = Array.from({ length: rows }, () => Array.from({ length: columns }, () => random.int(20)));
			const { rowToColumn, total } = solveAssignment(cost);
			expect(total).toBe(bruteForce(cost));
			const assigned = rowToColumn.filter((c) => c >= 0);
			expect(assigned.length).toBe(Math.min(rows, columns));
			expect(new Set(assigned).size).toBe(assigned.length);
			expect(rowToColumn.reduce((s, c, r) => (c >= 0 ? s + cost[r]![c]! : s), 0)).toBe(total);
		}
	});
});
