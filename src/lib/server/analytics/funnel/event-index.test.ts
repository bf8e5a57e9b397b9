import { describe, expect, it } from 'vitest';
import { indexEventLog, indexEventLogInSteps } from './event-index';
import type { EventLog } from './types';

/** A shuffled log: customers and times out of order, some ties, one heavy customer (sorted the long way). */
function shuffledLog(n: number, customers: number): EventLog {
	let seed = 7;
	const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
	const customer = Int32Array.from({ length: n }, (_, i) => (i % 10 === 0 ? 0 : Math.floor(next() * customers)));
	return {
		customer,
		at: Float64Array.from({ length: n }, () => Math.floor(next() * 5000)),
		type: Int32Array.from({ length: n }, () => Math.floor(next() * 4)),
		channel: Int32Array.from({ length: n }, () => Math.floor(next() * 3) - 1),
		eventTypes: ['view', 'cart', 'pay', 'return'],
		channels: ['web', 'app'],
		customerCount: customers
	};
}

describe('indexing the events in steps', () => {
	it('pauses between steps of rows and gives the same index as at once', () => {
		const log = shuffledLog(30_000, 500);
		const steps = indexEventLogInSteps(log, 4_000);
		let pauses = 0;
		let step = steps.next();
		for (; !step.done; step = steps.next()) pauses++;
		// Checking, scattering and sorting each take their own steps.
		expect(pauses).toBeGreaterThanOrEqual(3 * Math.floor(30_000 / 4_000));
		expect(step.value).toEqual(indexEventLog(log));
		const { customerStart, at } = step.value;
		let outOfOrder = 0;
		for (let c = 0; c < 500; c++) {
			for (let i = customerStart[c]! + 1; i < customerStart[c + 1]!; i++) if (at[i]! < at[i - 1]!) outOfOrder++;
		}
		expect(outOfOrder).toBe(0);
	});

	it('refuses a malformed row in whichever step it lies', () => {
		const log = shuffledLog(10_000, 50);
		log.customer[9_000] = 50;
		const steps = indexEventLogInSteps(log, 1_000);
		expect(() => {
			for (let step = steps.next(); !step.done; step = steps.next());
		}).toThrow('event 9000: customer 50 outside 0…49');
	});
});
