import { describe, expect, it } from 'vitest';
import { runToEnd, sortInSteps } from './stepwise';

/* A sort in steps orders exactly as Array.prototype.sort does, ties kept in their order, whatever its step size. */

interface Item {
	key: number;
	name: string;
	position: number;
}

function items(n: number, seed: number): Item[] {
	let s = seed;
	const random = () => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
	// Few distinct keys and names: many ties on the key, some on both (then only stability decides).
	return Array.from({ length: n }, (_, position) => ({ key: Math.floor(random() * 7), name: `K${Math.floor(random() * 30)}`, position }));
}

const byKeyThenName = (a: Item, b: Item) => b.key - a.key || a.name.localeCompare(b.name);

describe('sortInSteps', () => {
	it('gives the order of Array.prototype.sort, equal elements in their input order, for any step size', () => {
		for (const n of [0, 1, 2, 3, 17, 64, 1000, 4097]) {
			const input = items(n, n + 1);
			const expected = [...input].sort(byKeyThenName);
			for (const step of [1, 7, 1000, 1_000_000]) {
				const sorted = runToEnd(sortInSteps(input, byKeyThenName, step));
				// Same elements (no row lost or doubled at a step boundary), in the same order.
				expect(sorted.map((item) => item.position)).toEqual(expected.map((item) => item.position));
			}
		}
	});

	it('leaves its input as it was', () => {
		const input = items(500, 3);
		const copy = [...input];
		runToEnd(sortInSteps(input, byKeyThenName, 10));
		expect(input).toEqual(copy);
	});

	it('yields about once per step of merged elements', () => {
		const n = 4096;
		const generator = sortInSteps(items(n, 5), byKeyThenName, 1024);
		let steps = 0;
		while (!generator.next().done) steps++;
		// 12 merge passes of 4096 elements each, 1024 per step.
		expect(steps).toBe((12 * n) / 1024);
	});
});
