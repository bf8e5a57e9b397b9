import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
	it('blocks a key after max hits and tells how long to wait', () => {
		let now = 0;
		const limiter = new RateLimiter(3, 60_000, () => now);
		for (let i = 0; i < 3; i++) {
			expect(limiter.retryAfter('a')).toBe(0);
			limiter.hit('a');
		}
		expect(limiter.retryAfter('a')).toBe(60);
		now = 30_500;
		expect(limiter.retryAfter('a')).toBe(30);
		expect(limiter.retryAfter('b')).toBe(0);
	});

	it('forgets hits once the window has passed, and on reset', () => {
		let now = 0;
		const limiter = new RateLimiter(1, 1000, () => now);
		limiter.hit('a');
		expect(limiter.retryAfter('a')).toBeGreaterThan(0);
		now = 1000;
		expect(limiter.retryAfter('a')).toBe(0);
		limiter.hit('a');
		limiter.reset('a');
		expect(limiter.retryAfter('a')).toBe(0);
	});
});
