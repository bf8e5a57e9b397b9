/**
 * A sliding-window limit: at most `max` attempts in any `window`, however they fall. (A window
 * that starts at the first attempt and is then forgotten at once lets twice the limit through
 * around its end, and one kept in memory starts again from nothing after every restart.)
 */
export interface HitStore {
	/** Times of the key's newest hits after `since`, newest first, at most `limit` of them. */
	recent(key: string, since: number, limit: number): number[];
	add(key: string, at: number): void;
	clear(key: string): void;
	/** Forgets hits at or before `before`. */
	prune(before: number): void;
}

const PRUNE_EVERY = 100;

export class RateLimiter {
	#sincePrune = 0;

	constructor(
		private readonly max: number,
		private readonly windowMs: number,
		private readonly store: HitStore,
		private readonly now: () => number = Date.now
	) {}

	/** Seconds until `key` may try again, or 0 when it is not blocked. */
	retryAfter(key: string): number {
		const now = this.now();
		if (this.max === 0) return Math.max(1, Math.ceil(this.windowMs / 1000));
		const hits = this.store.recent(key, now - this.windowMs, this.max);
		if (hits.length < this.max) return 0;
		// The oldest of the newest `max` hits is the next to leave the window, making room for one.
		return Math.max(1, Math.ceil((hits[this.max - 1]! + this.windowMs - now) / 1000));
	}

	hit(key: string): void {
		const now = this.now();
		this.store.add(key, now);
		if (++this.#sincePrune >= PRUNE_EVERY) {
			this.#sincePrune = 0;
			this.store.prune(now - this.windowMs);
		}
	}

	reset(key: string): void {
		this.store.clear(key);
	}
}
