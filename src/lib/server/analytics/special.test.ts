import { describe, expect, it } from 'vitest';
import { hyp2f1, logBeta, logGamma } from './special';

describe('logGamma', () => {
	it('matches known values to near machine precision', () => {
		expect(logGamma(1)).toBeCloseTo(0, 14);
		expect(logGamma(2)).toBeCloseTo(0, 14);
		expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
		expect(logGamma(10)).toBeCloseTo(Math.log(362_880), 12);
		expect(logGamma(100)).toBeCloseTo(359.1342053695754, 10);
		expect(logGamma(0.001)).toBeCloseTo(6.907178885383854, 12);
	});

	it('stays finite where Γ itself overflows a double', () => {
		expect(logGamma(171.5)).toBeCloseTo(709.1431630309282, 9);
		expect(logGamma(1e5) / 1051287.7089736566).toBeCloseTo(1, 13);
	});

	it('satisfies the recurrence ln Γ(x+1) = ln Γ(x) + ln x', () => {
		for (const x of [0.013, 0.2426, 0.7929, 2.4258, 4.4135, 37.5]) expect(logGamma(x + 1) - logGamma(x)).toBeCloseTo(Math.log(x), 12);
	});

	it('refuses arguments where the logarithm of Γ is not real', () => {
		expect(() => logGamma(0)).toThrow(RangeError);
		expect(() => logGamma(-1.5)).toThrow(RangeError);
	});
});

describe('logBeta', () => {
	it('matches B(a, b) = Γ(a)Γ(b)/Γ(a+b)', () => {
		expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
		expect(logBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 13);
		expect(logBeta(1, 7)).toBeCloseTo(Math.log(1 / 7), 13);
	});
});

describe('hyp2f1', () => {
	it('reproduces closed forms', () => {
		for (const z of [0.1, 0.5, 0.9, 0.99]) expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 11);
		for (const z of [0.2, 0.7]) expect(hyp2f1(2.5, 1.3, 1.3, z)).toBeCloseTo(Math.pow(1 - z, -2.5), 12);
		expect(hyp2f1(0.5, 0.5, 1.5, 0.81)).toBeCloseTo(Math.asin(0.9) / 0.9, 12);
		expect(hyp2f1(0.5, 1, 1.5, -0.25)).toBeCloseTo(Math.atan(0.5) / 0.5, 12);
	});

	it('ends the series when a is a negative integer (a polynomial)', () => {
		const b = 3.2;
		const c = 1.7;
		const z = 0.6;
		expect(hyp2f1(-2, b, c, z)).toBeCloseTo(1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)), 13);
	});

	it('converges with a slowly decaying series near z = 1 (as sBG discounting needs)', () => {
		// Σ (β)_t/(α+β)_t z^t with α < 1: terms decay like z^t t^(−α).
		const alpha = 0.704;
		const beta = 1.182;
		const z = 1 / 1.01;
		let direct = 0;
		let survival = 1;
		for (let t = 0; t < 20_000; t++) {
			direct += survival * Math.pow(z, t);
			survival *= (beta + t) / (alpha + beta + t);
		}
		expect(hyp2f1(1, beta, alpha + beta, z)).toBeCloseTo(direct, 8);
	});

	it('refuses to return a truncated sum: throws when not converged or outside |z| < 1', () => {
		expect(() => hyp2f1(1, 1, 2, 0.999999, { maxTerms: 1000 })).toThrow(/did not converge/);
		expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
		expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow(RangeError);
	});
});
