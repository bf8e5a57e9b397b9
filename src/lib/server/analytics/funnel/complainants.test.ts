import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../../domain/stepwise';
import { countComplainantsInSteps } from './complainants';
import { indexEventLog } from './event-index';

const H = 3_600_000;
const rows: [customer: number, at: number, type: string][] = [
	[0, 10 * H, 'visit'], [0, 11 * H, 'complaint'], // within 2 h of the visit
	[1, 9 * H, 'complaint'], [1, 10 * H, 'visit'], // complained before, not after
	[2, 10 * H, 'visit'], [2, 13 * H, 'contact'], // 3 h later: outside the window
	[3, 10 * H, 'visit'], [3, 10 * H, 'complaint'], // at the same moment: counted
	[4, 1 * H, 'visit'], [4, 20 * H, 'visit'], [4, 21 * H, 'contact'], // first visit before the period: the one in it counts
	[5, 10 * H, 'pay'], [5, 12 * H, 'complaint'] // only the other step
];
const types = ['visit', 'pay', 'complaint', 'contact'];
const log = indexEventLog({
	customer: Int32Array.from(rows.map((r) => r[0])),
	at: Float64Array.from(rows.map((r) => r[1])),
	type: Int32Array.from(rows.map((r) => types.indexOf(r[2]))),
	channel: new Int32Array(rows.length).fill(-1),
	eventTypes: types,
	channels: [],
	customerCount: 6
});
const steps = [
	{ id: 'visit', eventTypes: ['visit'] },
	{ id: 'visit-or-pay', eventTypes: ['visit', 'pay'] }
];
const count = (options: { from?: number; include?: Uint8Array | null; windowMs?: number } = {}) =>
	runToEnd(countComplainantsInSteps(log, { steps, complaintTypes: ['complaint', 'contact'], windowMs: options.windowMs ?? 2 * H, from: options.from ?? 5 * H, to: 100 * H, include: options.include ?? null }));

describe('complainants after a step', () => {
	it('counts customers who complained within the window after their first event of the step in the period', () => {
		// visit: customers 0, 3, 4; visit-or-pay adds 5.
		expect(count()).toEqual(new Map([['visit', 3], ['visit-or-pay', 4]]));
	});

	it('follows the cut and the window', () => {
		expect(count({ include: Uint8Array.from([1, 1, 1, 0, 0, 0]) }).get('visit')).toBe(1);
		expect(count({ windowMs: 3 * H }).get('visit')).toBe(4);
		// From hour 0 customer 4's first visit is at hour 1, with no complaint within 2 h.
		expect(count({ from: 0 }).get('visit')).toBe(2);
	});
});
