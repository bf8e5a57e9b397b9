import { describe, expect, it } from 'vitest';
import { ResultCache } from './cache';

describe('result cache', () => {
	it('computes once per key, sharing a running computation', async () => {
		const cache = new ResultCache();
		let runs = 0;
		const compute = async () => {
			runs++;
			await new Promise((resolve) => setTimeout(resolve, 5));
			return 42;
		};
		const first = cache.get('w:1:a', compute);
		const second = cache.get('w:1:a', compute);
		expect(second).toBe(first);
		expect(await first.result).toBe(42);
		expect(cache.get('w:1:a', compute).settled).toEqual({ value: 42 });
		expect(runs).toBe(1);
	});

	it('tries again after a failure, and keeps only the most recently used entries', async () => {
		const cache = new ResultCache(2);
		let fail = true;
		const flaky = async () => {
			if (fail) throw new Error('boom');
			return 'ok';
		};
		await expect(cache.get('w:1:x', flaky).result).rejects.toThrow('boom');
		fail = false;
		expect(await cache.get('w:1:x', flaky).result).toBe('ok');

		let runs = 0;
		const count = async () => ++runs;
		await cache.get('w:1:a', count).result;
		await cache.get('w:1:b', count).result;
		await cache.get('w:1:a', count).result; // a is used again: b is now the oldest
		await cache.get('w:1:c', count).result;
		await cache.get('w:1:a', count).result;
		expect(runs).toBe(3);
		await cache.get('w:1:b', count).result;
		expect(runs).toBe(4);
	});

	it('reports progress and forgets a workspace', async () => {
		const cache = new ResultCache();
		const computation = cache.get('w1:1:a', async (report) => {
			report(0.5);
			return 1;
		});
		expect(computation.progress).toBe(0.5);
		await computation.result;
		expect(computation.progress).toBe(1);
		cache.forgetWorkspace('w1');
		let again = false;
		await cache.get('w1:1:a', async () => (again = true)).result;
		expect(again).toBe(true);
	});
});
