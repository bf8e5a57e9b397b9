/**
 * The fits on customer bases simulated from the models themselves (seeded): they find the
 * parameters the data came from, and the warm start used for big bases lands on the same
 * optimum as a search without it.
 */
import { describe, expect, it } from 'vitest';
import { createRng, exponential, gamma, type Rng } from '../demo-data/random';
import { bgnbdLogLikelihood, fitBgnbd, type BgnbdParams } from './bgnbd';
import type { FrequencyProfile } from './frequency-groups';
import { fitGammaGamma, type GammaGammaParams, type SpendProfile } from './gamma-gamma';

const beta = (rng: Rng, a: number, b: number) => {
	const g = gamma(rng, a);
	return g / (g + gamma(rng, b));
};

/** BG/NBD's story: Poisson purchases at rate λ ~ Gamma(r, α); after each repeat purchase, gone with p ~ Beta(a, b). */
function simulateBgnbd({ r, alpha, a, b }: BgnbdParams, customers: number, seed: number): FrequencyProfile[] {
	const rng = createRng(seed);
	return Array.from({ length: customers }, () => {
		const lambda = gamma(rng, r, 1 / alpha);
		const p = beta(rng, a, b);
		const T = 10 + 42 * rng();
		let time = 0;
		let x = 0;
		let tx = 0;
		for (;;) {
			time += exponential(rng, 1 / lambda);
			if (time > T) break;
			x++;
			tx = time;
			if (rng() < p) break;
		}
		return { x, tx, T };
	});
}

/** Gamma-Gamma's story: values ~ Gamma(p, ν) (rate ν), ν ~ Gamma(q, γ) (rate γ); z̄ is the mean of x values. */
function simulateSpend({ p, q, gamma: scale }: GammaGammaParams, customers: number, seed: number): SpendProfile[] {
	const rng = createRng(seed);
	return Array.from({ length: customers }, () => {
		const nu = gamma(rng, q, 1 / scale);
		const x = 1 + Math.floor(rng() * 8);
		let sum = 0;
		for (let i = 0; i < x; i++) sum += gamma(rng, p, 1 / nu);
		return { x, monetaryValue: sum / x };
	});
}

describe('fits on simulated customer bases', () => {
	it('BG/NBD recovers the parameters, and the warm start finds the same optimum as a direct search', () => {
		const truth: BgnbdParams = { r: 0.5, alpha: 5, a: 0.8, b: 3 };
		const profiles = simulateBgnbd(truth, 20_000, 7);
		const fit = fitBgnbd(profiles);
		expect(fit.warmUp).not.toBeNull();
		expect(fit.converged).toBe(true);
		expect(Math.abs(fit.params.r / truth.r - 1)).toBeLessThan(0.1);
		expect(Math.abs(fit.params.alpha / truth.alpha - 1)).toBeLessThan(0.1);
		// a and b are identified by the few heavy buyers who drop out: looser.
		expect(Math.abs(fit.params.a / truth.a - 1)).toBeLessThan(0.3);
		expect(Math.abs(fit.params.b / truth.b - 1)).toBeLessThan(0.3);
		expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgnbdLogLikelihood(truth, profiles));

		const direct = fitBgnbd(profiles, { warmUp: false });
		expect(direct.warmUp).toBeNull();
		expect(Math.abs(fit.logLikelihood - direct.logLikelihood)).toBeLessThan(1e-3);
		for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(fit.params[key] / direct.params[key] - 1)).toBeLessThan(2e-3);
	});

	it('Gamma-Gamma recovers the parameters, warm start or not', () => {
		const truth: GammaGammaParams = { p: 4, q: 3, gamma: 20 };
		const customers = simulateSpend(truth, 20_000, 11);
		const fit = fitGammaGamma(customers);
		const direct = fitGammaGamma(customers, { warmUp: false });
		for (const key of ['p', 'q', 'gamma'] as const) {
			expect(Math.abs(fit.params[key] / truth[key] - 1), key).toBeLessThan(0.1);
			expect(Math.abs(fit.params[key] / direct.params[key] - 1), key).toBeLessThan(2e-3);
		}
		expect(Math.abs(fit.logLikelihood - direct.logLikelihood)).toBeLessThan(1e-3);
	});
});
