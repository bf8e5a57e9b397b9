import { describe, expect, it } from 'vitest';
import { shareOfWallet, valueAction, valueMatrix, valueMatrixInSteps } from './value-matrix';

describe('share of wallet', () => {
	it('is our spend over the customer’s category spend, clamped to [0, 1], null when unknown', () => {
		expect(shareOfWallet(200, 800)).toBe(0.25);
		expect(shareOfWallet(900, 600)).toBe(1);
		expect(shareOfWallet(100, null)).toBeNull();
		expect(shareOfWallet(100, 0)).toBeNull();
	});
});

describe('value matrix', () => {
	const matrix = valueMatrix([
		{ customerId: 'A', currentValue: 100, ownSpend: 200, categorySpend: 800 },
		{ customerId: 'B', currentValue: 300, ownSpend: 900, categorySpend: 1000 },
		{ customerId: 'C', currentValue: -20 },
		{ customerId: 'D', currentValue: 50 },
		{ customerId: 'E', currentValue: 10 }
	]);
	const byId = Object.fromEntries(matrix.customers.map((c) => [c.customerId, c]));

	it('values a customer at full share of wallet where category spend is known', () => {
		expect(byId.A).toMatchObject({ potentialValue: 400, potentialBasis: 'share-of-wallet', shareOfWallet: 0.25, action: 'develop' });
		expect(byId.B!.potentialValue).toBeCloseTo(300 / 0.9, 10);
		expect(byId.B!.action).toBe('keep');
	});

	it('leaves the potential unknown without category spend, rather than guessing it from other customers', () => {
		expect(byId.D).toMatchObject({ potentialValue: null, potentialBasis: null, action: null });
		expect(byId.E).toMatchObject({ potentialValue: null, action: null });
		expect(matrix.withShareOfWallet).toBe(2);
		expect(matrix.medianShareOfWallet).toBeCloseTo((0.25 + 0.9) / 2, 12);
	});

	it('calls a customer loss-making when not even the potential is positive, category spend or not', () => {
		expect(byId.C).toMatchObject({ potentialValue: -20, potentialBasis: 'not-positive', action: 'loss-making' });
		expect(matrix.counts).toEqual({ keep: 1, develop: 1, 'loss-making': 1, unknown: 2 });
	});

	it('has no keep or develop at all when nobody’s category spend is known', () => {
		const blind = valueMatrix([{ customerId: 'A', currentValue: 10 }, { customerId: 'B', currentValue: 500 }, { customerId: 'C', currentValue: 0 }]);
		expect(blind.counts).toEqual({ keep: 0, develop: 0, 'loss-making': 1, unknown: 2 });
		expect(blind.medianShareOfWallet).toBeNull();
	});

	it('develops customers who realise less than half their potential (configurable)', () => {
		expect(valueAction(49, 100)).toBe('develop');
		expect(valueAction(50, 100)).toBe('keep');
		expect(valueAction(50, 100, { developBelow: 0.8 })).toBe('develop');
		expect(valueAction(0, 0)).toBe('loss-making');
	});
});

describe('valueMatrixInSteps', () => {
	it('gives every customer what the matrix in one go gives them, whatever the step size', () => {
		// Every basis: unknown, not positive, share of wallet (nothing, part, all of the category).
		const customers = Array.from({ length: 1001 }, (_, i) => ({
			customerId: `K${i}`,
			currentValue: (i % 7) - 2 + i / 1000,
			...(i % 3 === 0 ? {} : { ownSpend: i % 50, categorySpend: i % 5 === 0 ? null : 40 })
		}));
		const whole = valueMatrix(customers);
		expect(whole.customers.map((c) => c.customerId)).toEqual(customers.map((c) => c.customerId));
		expect(Object.values(whole.counts).reduce((sum, n) => sum + n, 0)).toBe(1001);
		for (const step of [1, 10, 333, 1001, 5000]) {
			const generator = valueMatrixInSteps(customers, {}, step);
			let steps = 0;
			let next = generator.next();
			for (; !next.done; next = generator.next()) steps++;
			// A customer lost or counted twice at a step boundary changes the list or the counts.
			expect(next.value).toEqual(whole);
			expect(steps).toBe(Math.floor(1001 / step));
		}
	});
});
