import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/*
 * Background threads (event readers, measure builder, value fits, imports, clustering, reads)
 * run at a lower scheduling priority than the server's own thread. On a machine with two cores
 * and half a dozen busy threads the server's thread otherwise waits its turn for the CPU like any
 * of them — 50–100 ms at a time — and every request waits with it. Linux gives each thread a
 * nice value of its own: setpriority on the thread's id changes only that thread. Elsewhere (no
 * /proc/thread-self) this does nothing.
 */

/** The nice value of background threads: they get the CPU when the server's thread does not need it. */
export const BACKGROUND_NICE = 10;

/** Lowers the calling thread's priority (a worker thread calls it first); false where it cannot. */
export function runInBackground(): boolean {
	try {
		const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
		if (!Number.isInteger(threadId) || threadId <= 0) return false;
		// Never raised: a server started with a lower priority keeps its threads below it.
		setPriority(threadId, Math.max(getPriority(threadId), BACKGROUND_NICE));
		return true;
	} catch {
		return false;
	}
}
