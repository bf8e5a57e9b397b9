import { describe, expect, it } from 'vitest';
import { minimize, minimizePositive } from './optimize';

const rosenbrock = ([x, y]: number[]) => 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2;

describe('minimize (Nelder–Mead with restarts)', () => {
	it('finds the minimum of the Rosenbrock valley and says it converged', () => {
		const result = minimize(rosenbrock, [-1.2, 1], { pointTolerance: 1e-8 });
		expect(result.converged).toBe(true);
		expect(result.point[0]).toBeCloseTo(1, 5);
		expect(result.point[1]).toBeCloseTo(1, 5);
		expect(result.iterations).toBeGreaterThan(0);
		expect(result.evaluations).toBeGreaterThan(result.iterations);
	});

	it('reports not converged when the iteration budget runs out', () => {
		const result = minimize(rosenbrock, [-1.2, 1], { maxIterations: 10, restarts: 0 });
		expect(result.converged).toBe(false);
		expect(result.iterations).toBe(10);
	});

	it('treats NaN and infinities as the worst value instead of getting stuck on them', () => {
		const result = minimize(([x]) => (x! < 0 ? NaN : (x! - 2) ** 2), [0.5]);
		expect(result.point[0]).toBeCloseTo(2, 6);
	});

	it('is deterministic: the same problem gives bit-identical answers', () => {
		const f = ([x, y, z]: number[]) => (x! - 1) ** 2 + 3 * (y! + 2) ** 2 + Math.cosh(z! - 0.5) + x! * y!;
		expect(minimize(f, [0, 0, 0])).toEqual(minimize(f, [0, 0, 0]));
	});
});

describe('minimizePositive', () => {
	it('searches in log space, so parameters of very different sizes are found alike', () => {
		const f = ([a, b]: number[]) => Math.log(a! / 3000) ** 2 + Math.log(b! / 0.002) ** 2;
		const result = minimizePositive(f, [1, 1]);
		expect(result.converged).toBe(true);
		expect(result.params[0]! / 3000).toBeCloseTo(1, 4);
		expect(result.params[1]! / 0.002).toBeCloseTo(1, 4);
	});

	it('refuses a non-positive start', () => {
		expect(() => minimizePositive(() => 0, [1, 0])).toThrow(RangeError);
	});
});
