import { describe, expect, it } from 'vitest';
import { summariseUnderWay, type UnderWayStep } from './under-way';

const step = (kind: UnderWayStep['kind'], status: UnderWayStep['status'], progress = 0): UnderWayStep => ({
	kind,
	status,
	progress,
	importId: null,
	fileName: null,
	rowsRead: 0
});

describe('customer data on its way', () => {
	it('counts each step alike, a finished or failed one as whole', () => {
		const summary = summariseUnderWay([step('demo_files', 'done', 1), step('customers', 'failed', 0.2), step('transactions', 'running', 0.5), step('events', 'queued')]);
		expect(summary!.progress).toBeCloseTo((1 + 1 + 0.5 + 0) / 4);
	});

	it('is nothing once no step is still to come', () => {
		expect(summariseUnderWay([step('customers', 'done', 1), step('events', 'failed')])).toBeNull();
		expect(summariseUnderWay([])).toBeNull();
	});
});
