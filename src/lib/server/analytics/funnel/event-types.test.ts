import { describe, expect, it } from 'vitest';
import { indexEventLog } from './event-index';
import { countEventTypes, eventTypeFigures } from './event-types';

describe('event type figures for the binding picker', () => {
	it('count events, distinct customers and channels per type, most events first, in any row order', () => {
		// [customer, type, channel]: view ×4 by 3 customers (web, web, app, unknown), cart ×2 by 2, pay unused.
		const rows: [number, number, number][] = [
			[2, 1, 0], [0, 0, 0], [1, 0, 1], [0, 0, 0], [0, 1, 0], [2, 0, -1]
		];
		const log = indexEventLog({
			customer: Int32Array.from(rows.map((r) => r[0])),
			at: Float64Array.from(rows.map((_, i) => 1000 + i)),
			type: Int32Array.from(rows.map((r) => r[1])),
			channel: Int32Array.from(rows.map((r) => r[2])),
			eventTypes: ['view', 'cart', 'pay'],
			channels: ['web', 'app'],
			customerCount: 4
		});
		expect(eventTypeFigures(log)).toEqual([
			{ eventType: 'view', events: 4, customers: 3, channels: [{ channel: 'web', events: 2 }, { channel: '', events: 1 }, { channel: 'app', events: 1 }] },
			{ eventType: 'cart', events: 2, customers: 2, channels: [{ channel: 'web', events: 2 }] }
		]);
	});
});

describe('counting in steps', () => {
	it('pauses between chunks of rows and gives the same figures as at once', () => {
		const n = 450_000;
		const log = indexEventLog({
			customer: Int32Array.from({ length: n }, (_, i) => i % 1000),
			at: Float64Array.from({ length: n }, (_, i) => i),
			type: Int32Array.from({ length: n }, (_, i) => i % 3),
			channel: new Int32Array(n).fill(-1),
			eventTypes: ['a', 'b', 'c'],
			channels: [],
			customerCount: 1000
		});
		const steps = countEventTypes(log);
		let pauses = 0;
		let next = steps.next();
		for (; !next.done; next = steps.next()) pauses++;
		expect(pauses).toBe(2);
		expect(next.value).toEqual(eventTypeFigures(log));
		expect(next.value.map((f) => [f.eventType, f.events, f.customers])).toEqual([
			['a', 150_000, 1000],
			['b', 150_000, 1000],
			['c', 150_000, 1000]
		]);
	});
});
