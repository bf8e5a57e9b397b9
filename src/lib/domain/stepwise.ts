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
