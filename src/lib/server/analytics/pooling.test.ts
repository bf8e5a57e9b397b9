import { describe, expect, it } from 'vitest';
import { createRng, gamma, normal, poisson } from '../demo-data/random';
import { fitRatePrior, pooledRate, pooledSpend, spendCredibility } from './pooling';

describe('pooling a customer with the group', () => {
	it('recovers the gamma prior of simulated purchase rates (NBD), and shrinks short histories most', () => {
		const rng = createRng(5);
		const customers = Array.from({ length: 5000 }, () => {
			const t = 5 + 95 * rng();
			return { x: poisson(rng, gamma(rng, 0.5, 1 / 10) * t), t };
		});
		const prior = fitRatePrior(customers);
		expect(Math.abs(prior.shape / 0.5 - 1)).toBeLessThan(0.15);
		expect(Math.abs(prior.scale / 10 - 1)).toBeLessThan(0.2);
		// The same own rate (one purchase a week) counts for little over a week, for much over a year.
		const short = pooledRate(prior, { x: 1, t: 1 });
		const long = pooledRate(prior, { x: 52, t: 52 });
		expect(short).toBeLessThan(0.2);
		expect(long).toBeGreaterThan(0.8);
	});

	it('gives everyone the group rate when rates do not differ beyond chance', () => {
		const rng = createRng(6);
		const customers = Array.from({ length: 2000 }, () => ({ x: poisson(rng, 0.3 * 20), t: 20 }));
		const prior = fitRatePrior(customers);
		expect(prior.shape).toBe(Infinity);
		expect(pooledRate(prior, { x: 40, t: 20 })).toBeCloseTo(prior.groupRate, 12);
		expect(prior.groupRate).toBeCloseTo(0.3, 1);
	});

	it('estimates the credibility constant k = within variance / between variance (Bühlmann–Straub)', () => {
		const rng = createRng(7);
		// True means ~ N(100, 30²), purchases around them with sd 50: k = 2500 / 900 ≈ 2.8.
		const customers = Array.from({ length: 4000 }, () => {
			const mean = normal(rng, 100, 30);
			const n = 1 + Math.floor(rng() * 10);
			let sum = 0;
			let sumOfSquares = 0;
			for (let i = 0; i < n; i++) {
				const amount = normal(rng, mean, 50);
				sum += amount;
				sumOfSquares += amount * amount;
			}
			return { n, sum, sumOfSquares };
		});
		const credibility = spendCredibility(customers);
		expect(Math.abs(credibility.k / (2500 / 900) - 1)).toBeLessThan(0.25);
		expect(credibility.mean).toBeCloseTo(100, -1);
		// One €849 purchase says less about a customer than ten purchases of €849.
		const once = pooledSpend(credibility, { n: 1, sum: 849 });
		const often = pooledSpend(credibility, { n: 10, sum: 8490 });
		expect(once).toBeLessThan(often);
		expect(once).toBeLessThan(849 / 2);
	});

	it('pools spend fully when customers do not differ beyond their own spread, or nobody bought twice', () => {
		const rng = createRng(8);
		const same = Array.from({ length: 1000 }, () => {
			const a = normal(rng, 60, 20);
			const b = normal(rng, 60, 20);
			return { n: 2, sum: a + b, sumOfSquares: a * a + b * b };
		});
		// Chance leaves a sliver of apparent spread between customers at most: two purchases count for little.
		const { k } = spendCredibility(same);
		expect(k).toBeGreaterThan(20);
		const single = spendCredibility([{ n: 1, sum: 10, sumOfSquares: 100 }, { n: 1, sum: 30, sumOfSquares: 900 }]);
		expect(single).toEqual({ mean: 20, k: Infinity });
		expect(pooledSpend(single, { n: 1, sum: 30 })).toBe(20);
	});
});
