import { describe, expect, it } from 'vitest';
import { RateLimiter, type HitStore } from './rate-limit';

/** The store's contract over an array, to test the window itself (the database store keeps the same contract). */
function arrayStore(): HitStore & { size: () => number } {
	let hits: { key: string; at: number }[] = [];
	return {
		recent: (key, since, limit) =>
			hits
				.filter((h) => h.key === key && h.at > since)
				.map((h) => h.at)
				.sort((a, b) => b - a)
				.slice(0, limit),
		add: (key, at) => void hits.push({ key, at }),
		clear: (key) => void (hits = hits.filter((h) => h.key !== key)),
		prune: (before) => void (hits = hits.filter((h) => h.at > before)),
		size: () => hits.length
	};
}

const MINUTE = 60_000;

describe('RateLimiter', () => {
	it('blocks a key after max hits and tells how long to wait', () => {
		let now = 0;
		const limiter = new RateLimiter(3, MINUTE, arrayStore(), () => now);
		for (let i = 0; i < 3; i++) {
			expect(limiter.retryAfter('a')).toBe(0);
			limiter.hit('a');
		}
		expect(limiter.retryAfter('a')).toBe(60);
		now = 30_500;
		expect(limiter.retryAfter('a')).toBe(30);
		expect(limiter.retryAfter('b')).toBe(0);
	});

	it('never lets more than max through in any window, also across the end of the first one', () => {
		// Ten an hour: one sign-up at 10:00, nine at 10:59. Just after 11:00 only the first has
		// left the window, so one more fits — not another ten.
		let now = 0;
		const limiter = new RateLimiter(10, 60 * MINUTE, arrayStore(), () => now);
		limiter.hit('ip');
		now = 59 * MINUTE;
		for (let i = 0; i < 9; i++) limiter.hit('ip');
		now = 60 * MINUTE + 1000;
		expect(limiter.retryAfter('ip')).toBe(0);
		limiter.hit('ip');
		expect(limiter.retryAfter('ip')).toBe(59 * 60 - 1);
		// Once the nine of 10:59 have left the window, there is room again.
		now = 119 * MINUTE + 1;
		expect(limiter.retryAfter('ip')).toBe(0);
	});

	it('forgets hits on reset, and prunes hits outside the window', () => {
		let now = 0;
		const store = arrayStore();
		const limiter = new RateLimiter(1, 1000, store, () => now);
		limiter.hit('a');
		expect(limiter.retryAfter('a')).toBeGreaterThan(0);
		now = 1000;
		expect(limiter.retryAfter('a')).toBe(0);
		limiter.hit('a');
		limiter.reset('a');
		expect(limiter.retryAfter('a')).toBe(0);
		for (let i = 0; i < 100; i++) {
			now += 2000;
			limiter.hit(`k${i}`);
		}
		expect(store.size()).toBeLessThan(100);
	});

	it('allows nothing when the limit is 0', () => {
		const limiter = new RateLimiter(0, MINUTE, arrayStore(), () => 0);
		expect(limiter.retryAfter('a')).toBe(60);
	});
});
