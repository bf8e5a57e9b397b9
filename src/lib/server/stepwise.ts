import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Stepwise } from '$lib/domain/stepwise';

/*
 * Stepwise computations (domain/stepwise.ts) on the server's thread: other requests are served
 * between the steps, so a computation of seconds never holds anyone for longer than one step.
 */

export type { Stepwise } from '$lib/domain/stepwise';
export { runToEnd } from '$lib/domain/stepwise';

/**
 * How long one turn may take steps before it lets the event loop in: steps of a few ms each
 * keep the turn short, and steps far shorter than that are not paid a yield each.
 */
const TURN_MS = 4;

/** Drives a stepwise computation to its end, letting the event loop in between its steps. */
export async function finishStepwise<T>(steps: Stepwise<T>): Promise<T> {
	for (;;) {
		const turn = performance.now();
		do {
			const step = steps.next();
			if (step.done) return step.value;
		} while (performance.now() - turn < TURN_MS);
		await yieldToEventLoop();
	}
}
