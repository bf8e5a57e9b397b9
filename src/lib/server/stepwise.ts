import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Stepwise } from '$lib/domain/stepwise';

/*
 * Stepwise computations (domain/stepwise.ts) on the server's thread: other requests are served
 * between the steps, so a computation of seconds never holds anyone for longer than one step.
 */

export type { Stepwise } from '$lib/domain/stepwise';
export { runToEnd } from '$lib/domain/stepwise';

/** Drives a stepwise computation to its end, letting the event loop in between its steps. */
export async function finishStepwise<T>(steps: Stepwise<T>): Promise<T> {
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
		await yieldToEventLoop();
	}
}
