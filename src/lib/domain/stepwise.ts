/*
 * Long computations written as generators that yield between steps: the same code runs in one
 * go (tests, worker threads, small inputs) or stepwise on a server thread, which serves other
 * requests between the steps (server/stepwise.ts). Pure: no timers here.
 */

/** A computation that yields between its steps and returns its result. */
export type Stepwise<T> = Generator<void, T, void>;

/** Drives a stepwise computation to its end, in one go. */
export function runToEnd<T>(steps: Stepwise<T>): T {
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/** Elements merged per step of sortInSteps: a few ms even with a string comparison per element. */
export const SORT_STEP_ELEMENTS = 20_000;

/**
 * `items` sorted by `compare` into a new array, as `[...items].sort(compare)` sorts them: a
 * stable bottom-up merge sort (Array.prototype.sort is stable too, so for any consistent
 * comparator the two orders are the same), yielding after every `stepElements` elements merged.
 */
export function* sortInSteps<T>(items: readonly T[], compare: (a: T, b: T) => number, stepElements = SORT_STEP_ELEMENTS): Stepwise<T[]> {
	const n = items.length;
	let from = items.slice();
	let to = new Array<T>(n);
	let sinceYield = 0;
	for (let width = 1; width < n; width *= 2) {
		for (let start = 0; start < n; start += 2 * width) {
			const middle = Math.min(n, start + width);
			const end = Math.min(n, start + 2 * width);
			let left = start;
			let right = middle;
			for (let k = start; k < end; k++) {
				// Ties take the left run's element first: the merge keeps equal elements in their order.
				to[k] = left < middle && (right >= end || compare(from[left]!, from[right]!) <= 0) ? from[left++]! : from[right++]!;
				if (++sinceYield >= stepElements) {
					sinceYield = 0;
					yield;
				}
			}
		}
		[from, to] = [to, from];
	}
	return from;
}
