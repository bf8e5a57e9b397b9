/**
 * A fixed-window failure counter kept in memory: enough for one Waymark process. When Waymark
 * runs on several nodes this moves to the shared store, behind the same two methods.
 */
export class RateLimiter {
	readonly #hits = new Map<string, { count: number; resetAt: number }>();

	constructor(
		private readonly max: number,
		private readonly windowMs: number,
		private readonly now: () => number = Date.now
	) {}

	/** Seconds until `key` may try again, or 0 when it is not blocked. */
	retryAfter(key: string): number {
		const entry = this.#current(key);
		if (!entry || entry.count < this.max) return 0;
		return Math.max(1, Math.ceil((entry.resetAt - this.now()) / 1000));
	}

	hit(key: string): void {
		const entry = this.#current(key);
		if (entry) entry.count += 1;
		else this.#hits.set(key, { count: 1, resetAt: this.now() + this.windowMs });
		if (this.#hits.size > 10_000) this.#sweep();
	}

	reset(key: string): void {
		this.#hits.delete(key);
	}

	#current(key: string) {
		const entry = this.#hits.get(key);
		if (entry && entry.resetAt <= this.now()) {
			this.#hits.delete(key);
			return undefined;
		}
		return entry;
	}

	#sweep() {
		const now = this.now();
		for (const [key, entry] of this.#hits) if (entry.resetAt <= now) this.#hits.delete(key);
	}
}
