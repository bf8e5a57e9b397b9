import { describe, expect, it } from 'vitest';
import { computeFunnel, indexEventLog, whatIfValues, type EventLog, type FunnelStep } from './index';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);
const TYPES = ['view_web', 'view_app', 'cart', 'pay', 'newsletter'];
const CHANNELS = ['web', 'app', 'store'];

/** [customer, hours after T0, type name, channel name or null]. */
type Row = [number, number, string, string | null];

function makeLog(rows: Row[], customerCount = 1 + Math.max(0, ...rows.map((r) => r[0]))): EventLog {
	return {
		customer: Int32Array.from(rows.map((r) => r[0])),
		at: Float64Array.from(rows.map((r) => T0 + r[1] * HOUR)),
		type: Int32Array.from(rows.map((r) => TYPES.indexOf(r[2]))),
		channel: Int32Array.from(rows.map((r) => (r[3] === null ? -1 : CHANNELS.indexOf(r[3])))),
		eventTypes: TYPES,
		channels: CHANNELS,
		customerCount
	};
}

const BOARD: FunnelStep[] = [
	{ id: 'web', stage: 0, eventTypes: ['view_web'] },
	{ id: 'app', stage: 0, eventTypes: ['view_app'] },
	{ id: 'cart', stage: 1, eventTypes: ['cart'] },
	{ id: 'pay', stage: 2, eventTypes: ['pay'] }
];

const step = (result: ReturnType<typeof computeFunnel>, id: string) => result.steps.find((s) => s.stepId === id)!;

describe('the ordering rule', () => {
	it('counts a customer at every stage they reach in order, with the alternative they came through', () => {
		const log = makeLog([
			[0, 0, 'view_web', 'web'],
			[0, 1, 'cart', 'web'],
			[0, 3, 'pay', 'store'],
			[1, 0, 'view_app', 'app'],
			[1, 2, 'cart', 'app'],
			[2, 0, 'view_app', 'app']
		]);
		const result = computeFunnel(log, BOARD);
		expect(result.stageReached).toEqual([3, 2, 1]);
		expect(result.customersInCut).toBe(3);
		expect(step(result, 'web')).toMatchObject({ reached: 1, converted: 1, conversion: 1, dropOff: 0, dropOffCount: 0, medianHoursToNext: 1 });
		expect(step(result, 'app')).toMatchObject({ reached: 2, converted: 1, conversion: 0.5, dropOff: 0.5, dropOffCount: 1, medianHoursToNext: 2 });
		expect(step(result, 'cart')).toMatchObject({ reached: 2, converted: 1, conversion: 0.5, medianHoursToNext: 2 });
		expect(step(result, 'pay')).toMatchObject({ reached: 1, converted: 0, conversion: null, dropOff: null, dropOffCount: null, medianHoursToNext: null, isLastStage: true });
		expect(result.stages.map((s) => s.conversion)).toEqual([2 / 3, 0.5, null]);
	});

	it('counts repeated events once: only the first qualifying event sets the moment', () => {
		const log = makeLog([
			[0, 0, 'view_web', 'web'],
			[0, 5, 'view_web', 'web'],
			[0, 6, 'cart', 'web'],
			[0, 7, 'cart', 'web'],
			[0, 8, 'view_app', 'app']
		]);
		const result = computeFunnel(log, BOARD);
		expect(step(result, 'web')).toMatchObject({ reached: 1, converted: 1, medianHoursToNext: 6 });
		expect(step(result, 'app').reached).toBe(0);
		expect(step(result, 'cart')).toMatchObject({ reached: 1, converted: 0, dropOffCount: 1 });
	});

	it('ignores a later-stage event before the earlier stage was reached (out of order)', () => {
		const log = makeLog([
			[0, 0, 'pay', 'web'],
			[0, 1, 'view_web', 'web'],
			[0, 2, 'cart', 'web'],
			// pays again after the cart: this one counts
			[1, 0, 'view_web', 'web'],
			[1, 1, 'pay', 'web'],
			[1, 2, 'cart', 'web'],
			[1, 4, 'pay', 'web']
		]);
		const result = computeFunnel(log, BOARD);
		expect(result.stageReached).toEqual([2, 2, 1]);
		expect(step(result, 'cart')).toMatchObject({ reached: 2, converted: 1, medianHoursToNext: 2 });
		expect(result.stageSkipped).toEqual([0, 0, 0]);
	});

	it('does not count a customer who entered mid-journey, and reports them as skipped', () => {
		const log = makeLog([
			[0, 0, 'cart', 'web'],
			[0, 1, 'pay', 'web'],
			[1, 0, 'view_web', 'web'],
			[1, 1, 'pay', 'web'],
			[2, 0, 'pay', null]
		]);
		const result = computeFunnel(log, BOARD);
		expect(result.stageReached).toEqual([1, 0, 0]);
		// customer 0 skipped stage 0 (cart) and 1 (pay); 1 skipped the cart (pay); 2 skipped everything
		expect(result.stageSkipped).toEqual([0, 1, 3]);
		expect(result.stages.map((s) => s.skipped)).toEqual([0, 1, 3]);
	});

	it('lets events of the same millisecond count as "at or after", in any row order', () => {
		const rows: Row[] = [
			[0, 0, 'pay', 'web'],
			[0, 0, 'cart', 'web'],
			[0, 0, 'view_web', 'web']
		];
		for (const order of [rows, [...rows].reverse()]) {
			const result = computeFunnel(makeLog(order), BOARD);
			expect(result.stageReached).toEqual([1, 1, 1]);
			expect(step(result, 'web').medianHoursToNext).toBe(0);
		}
	});

	it('credits same-millisecond alternatives to the earlier step on the board', () => {
		const rows: Row[] = [
			[0, 0, 'view_app', 'app'],
			[0, 0, 'view_web', 'web']
		];
		expect(step(computeFunnel(makeLog(rows), BOARD), 'web').reached).toBe(1);
		expect(step(computeFunnel(makeLog(rows), BOARD), 'app').reached).toBe(0);
		const appFirst: FunnelStep[] = [BOARD[1]!, BOARD[0]!, BOARD[2]!, BOARD[3]!];
		const result = computeFunnel(makeLog(rows), appFirst);
		expect(step(result, 'app').reached).toBe(1);
		expect(step(result, 'app').byChannel).toEqual([{ channel: 'app', channelCode: 1, reached: 1, converted: 0, conversion: 0 }]);
	});

	it('takes the channel listed first in the log when one event type arrives on two channels in the same millisecond', () => {
		for (const rows of [
			[[0, 0, 'view_web', 'store'], [0, 0, 'view_web', 'app']],
			[[0, 0, 'view_web', 'app'], [0, 0, 'view_web', 'store']]
		] as Row[][]) {
			const web = step(computeFunnel(makeLog(rows), BOARD), 'web');
			expect(web.byChannel.map((c) => c.channel)).toEqual(['app']);
		}
	});

	it('credits a type bound to two alternatives of one stage to the earlier one', () => {
		const board: FunnelStep[] = [
			{ id: 'a', stage: 0, eventTypes: ['view_web', 'view_app'] },
			{ id: 'b', stage: 0, eventTypes: ['view_app'] }
		];
		const result = computeFunnel(makeLog([[0, 0, 'view_app', 'app']]), board);
		expect(result.steps.map((s) => s.reached)).toEqual([1, 0]);
	});

	it('moves one event at most one stage forward', () => {
		const board: FunnelStep[] = [
			{ id: 'first', stage: 0, eventTypes: ['view_web'] },
			{ id: 'again', stage: 1, eventTypes: ['view_web'] }
		];
		expect(computeFunnel(makeLog([[0, 0, 'view_web', 'web']]), board).stageReached).toEqual([1, 0]);
		expect(computeFunnel(makeLog([[0, 0, 'view_web', 'web'], [0, 0, 'view_web', 'web']]), board).stageReached).toEqual([1, 1]);
		expect(computeFunnel(makeLog([[0, 0, 'view_web', 'web'], [0, 2, 'view_web', 'web']]), board).stageReached).toEqual([1, 1]);
	});

	it('counts a type bound in two stages at the earlier one first; the later needs another event after the stage before it', () => {
		// "cart" is bound in stage 1 and again in stage 3 (what the binding warning describes).
		const board: FunnelStep[] = [...BOARD, { id: 'again', stage: 3, eventTypes: ['cart'] }];
		const log = makeLog([
			// 0: one cart event: it counts for stage 1, so the later step never sees it.
			[0, 0, 'view_web', 'web'], [0, 1, 'cart', 'web'], [0, 2, 'pay', 'web'],
			// 1: a second cart, but before paying: still not at the later step.
			[1, 0, 'view_web', 'web'], [1, 1, 'cart', 'web'], [1, 1.5, 'cart', 'web'], [1, 2, 'pay', 'web'],
			// 2: another cart after paying: only this customer reaches the later step.
			[2, 0, 'view_web', 'web'], [2, 1, 'cart', 'web'], [2, 2, 'pay', 'web'], [2, 3, 'cart', 'web']
		]);
		const result = computeFunnel(log, board);
		expect(result.stageReached).toEqual([3, 3, 3, 1]);
		expect(step(result, 'cart')).toMatchObject({ reached: 3, converted: 3 });
		expect(step(result, 'again')).toMatchObject({ reached: 1, isLastStage: true });
		// So the step before it shows everyone who did not do it again as dropped off.
		expect(step(result, 'pay')).toMatchObject({ reached: 3, converted: 1, dropOffCount: 2 });
		// Without the second binding all three complete the journey at "pay".
		expect(computeFunnel(log, BOARD).stageReached).toEqual([3, 3, 3]);
	});

	it('orders stages by position, whatever gaps the board has between them', () => {
		const board: FunnelStep[] = [
			{ id: 'pay', stage: 7, eventTypes: ['pay'] },
			{ id: 'view', stage: 2, eventTypes: ['view_web'] }
		];
		const result = computeFunnel(makeLog([[0, 0, 'view_web', 'web'], [0, 1, 'pay', 'web']]), board);
		expect(result.steps.map((s) => [s.stepId, s.stage, s.stageIndex])).toEqual([
			['view', 2, 0],
			['pay', 7, 1]
		]);
		expect(result.stageReached).toEqual([1, 1]);
	});

	it('counts skips exactly on boards with more than 31 stages', () => {
		// 40 stages; stage k is bound to type tk. Customer 0 reaches stage 33, then has events of
		// stage 34 before its moment (out of order: no skip) and of stage 36 (a skip).
		const types = Array.from({ length: 40 }, (_, k) => `t${k}`);
		const board: FunnelStep[] = types.map((name, k) => ({ id: name, stage: k, eventTypes: [name] }));
		const rows: [number, number][] = Array.from({ length: 34 }, (_, k) => [k, k]);
		rows.push([34, 0.5], [36, 40]);
		const log: EventLog = {
			customer: new Int32Array(rows.length),
			at: Float64Array.from(rows.map((r) => T0 + r[1] * HOUR)),
			type: Int32Array.from(rows.map((r) => r[0])),
			channel: new Int32Array(rows.length).fill(-1),
			eventTypes: types,
			channels: [],
			customerCount: 1
		};
		const result = computeFunnel(log, board);
		expect(result.stageReached.filter((n) => n === 1)).toHaveLength(34);
		expect(result.stageSkipped.map((n, s) => (n > 0 ? s : -1)).filter((s) => s >= 0)).toEqual([36]);
	});

	it('shows a step bound to a type missing from the data as reached by nobody', () => {
		const board: FunnelStep[] = [...BOARD, { id: 'ghost', stage: 0, eventTypes: ['no_such_type'] }];
		const result = computeFunnel(makeLog([[0, 0, 'view_web', 'web']]), board);
		expect(step(result, 'ghost')).toMatchObject({ reached: 0, conversion: null, dropOff: null, dropOffCount: 0 });
	});
});

describe('time window and cuts', () => {
	const rows: Row[] = [
		[0, 0, 'view_web', 'web'],
		[0, 10, 'cart', 'web'],
		[0, 20, 'pay', 'web'],
		[1, 5, 'view_app', 'app'],
		[1, 6, 'cart', 'app'],
		[2, 30, 'view_web', 'web']
	];

	it('counts only events inside [from, to], both ends inclusive', () => {
		const log = makeLog(rows);
		expect(computeFunnel(log, BOARD, { from: T0 + 5 * HOUR, to: T0 + 20 * HOUR }).stageReached).toEqual([1, 1, 0]);
		expect(computeFunnel(log, BOARD, { from: T0, to: T0 + 20 * HOUR }).stageReached).toEqual([2, 2, 1]);
		expect(computeFunnel(log, BOARD, { to: T0 + 19 * HOUR }).stageReached).toEqual([2, 2, 0]);
		// cart without its view inside the window: entered mid-journey as far as the window can tell
		expect(computeFunnel(log, BOARD, { from: T0 + 6 * HOUR, to: T0 + 12 * HOUR }).stageSkipped).toEqual([0, 2, 0]);
	});

	it('counts only the customers in the cut, and cuts of a partition add up', () => {
		const log = makeLog(rows, 4);
		const everyone = computeFunnel(log, BOARD);
		const cutA = computeFunnel(log, BOARD, { include: Uint8Array.from([1, 0, 1, 0]) });
		const cutB = computeFunnel(log, BOARD, { include: Uint8Array.from([0, 1, 0, 1]) });
		expect(cutA.customersInCut + cutB.customersInCut).toBe(everyone.customersInCut);
		expect(everyone.customersInCut).toBe(4);
		everyone.steps.forEach((s, j) => {
			expect(cutA.steps[j]!.reached + cutB.steps[j]!.reached).toBe(s.reached);
			expect(cutA.steps[j]!.converted + cutB.steps[j]!.converted).toBe(s.converted);
		});
	});
});

describe('value figures', () => {
	it('gives the mean CLV of those reached and the summed CLV of those who dropped off', () => {
		const log = makeLog(
			[
				[0, 0, 'view_web', 'web'],
				[0, 1, 'cart', 'web'],
				[1, 0, 'view_web', 'web'],
				[2, 0, 'view_web', 'web'],
				[2, 1, 'cart', 'web'],
				[2, 2, 'pay', 'web'],
				[3, 0, 'view_web', 'web']
			],
			4
		);
		const clv = Float64Array.from([100, 40, 300, NaN]);
		const result = computeFunnel(log, BOARD, { clv });
		// web: reached 0,1,2,3 (3 has no CLV); dropped off: 1 (40) and 3 (unknown)
		expect(step(result, 'web')).toMatchObject({ clvMean: (100 + 40 + 300) / 3, clvN: 3, valueAtRisk: 40 });
		expect(step(result, 'cart')).toMatchObject({ clvMean: 200, valueAtRisk: 100 });
		expect(step(result, 'pay')).toMatchObject({ clvMean: 300, valueAtRisk: null });
		expect(step(computeFunnel(log, BOARD), 'web')).toMatchObject({ clvMean: null, valueAtRisk: null });
	});
});

describe('channels', () => {
	it('shows conversion per channel of the step and where converters switch channels to', () => {
		const log = makeLog([
			[0, 0, 'view_web', 'web'],
			[0, 1, 'cart', 'app'],
			[1, 0, 'view_web', 'web'],
			[1, 1, 'cart', 'web'],
			[2, 0, 'view_web', null],
			[2, 1, 'cart', 'app'],
			[3, 0, 'view_web', 'store']
		]);
		const web = step(computeFunnel(log, BOARD), 'web');
		expect(web.byChannel).toEqual([
			{ channel: 'web', channelCode: 0, reached: 2, converted: 2, conversion: 1 },
			{ channel: 'store', channelCode: 2, reached: 1, converted: 0, conversion: 0 },
			{ channel: 'unknown', channelCode: -1, reached: 1, converted: 1, conversion: 1 }
		]);
		expect(web.channelSwitches).toEqual([
			{ from: 'unknown', to: 'app', fromCode: -1, toCode: 1, customers: 1 },
			{ from: 'web', to: 'web', fromCode: 0, toCode: 0, customers: 1 },
			{ from: 'web', to: 'app', fromCode: 0, toCode: 1, customers: 1 }
		]);
	});
});

describe('the indexed log', () => {
	it('gives the same figures as the raw log, in any row order, and leaves the input alone', () => {
		const rows: Row[] = [
			[0, 0, 'view_web', 'web'],
			[0, 1, 'cart', 'web'],
			[1, 3, 'view_app', 'app'],
			[1, 3, 'view_web', 'web'],
			[1, 4, 'pay', 'app'],
			[2, 1, 'cart', 'store'],
			[2, 2, 'view_app', 'app'],
			[2, 2, 'cart', 'web'],
			[2, 9, 'pay', null]
		];
		const log = makeLog(rows);
		const before = Float64Array.from(log.at);
		const raw = computeFunnel(log, BOARD);
		const indexed = indexEventLog(log);
		expect(computeFunnel(indexed, BOARD)).toEqual(raw);
		expect(indexEventLog(indexed)).toBe(indexed);
		expect(log.at).toEqual(before);
		const reversed = makeLog([...rows].reverse());
		expect(computeFunnel(reversed, BOARD)).toEqual(raw);
		expect(indexed.typeCounts[TYPES.indexOf('cart')]).toBe(3);
	});

	it('sorts customers with many events (the long-list path) by time', () => {
		const rows: Row[] = [];
		for (let k = 199; k >= 0; k--) rows.push([0, k, k % 2 === 0 ? 'newsletter' : 'view_web', 'web']);
		rows.push([0, 150.5, 'cart', 'web'], [0, 0.5, 'pay', 'web'], [0, 170, 'pay', 'web']);
		const indexed = indexEventLog(makeLog(rows));
		for (let i = 1; i < indexed.eventCount; i++) expect(indexed.at[i]!).toBeGreaterThanOrEqual(indexed.at[i - 1]!);
		const result = computeFunnel(indexed, BOARD);
		expect(result.stageReached).toEqual([1, 1, 1]);
		expect(step(result, 'web').medianHoursToNext).toBe(149.5);
	});

	it('refuses malformed logs and boards instead of miscounting', () => {
		const good = makeLog([[0, 0, 'view_web', 'web']]);
		expect(() => indexEventLog({ ...good, customerCount: 0 })).toThrow(RangeError);
		expect(() => indexEventLog({ ...good, type: Int32Array.from([9]) })).toThrow(RangeError);
		expect(() => indexEventLog({ ...good, channel: Int32Array.from([-2]) })).toThrow(RangeError);
		expect(() => indexEventLog({ ...good, at: Float64Array.from([NaN]) })).toThrow(RangeError);
		expect(() => indexEventLog({ ...good, at: new Float64Array(2) })).toThrow(RangeError);
		expect(() => computeFunnel(good, [BOARD[0]!, BOARD[0]!])).toThrow(RangeError);
		expect(() => computeFunnel(good, BOARD, { include: new Uint8Array(0) })).toThrow(RangeError);
	});

	it('returns empty figures for a board without bound steps', () => {
		const result = computeFunnel(makeLog([[0, 0, 'view_web', 'web']]), []);
		expect(result).toEqual({ steps: [], stageReached: [], stageSkipped: [], stages: [], customersInCut: 1 });
	});
});

describe('revenue', () => {
	it('gives the mean revenue of those reached, and what one more final conversion is worth', () => {
		const board: FunnelStep[] = [
			{ id: 'view', stage: 0, eventTypes: ['view_web'] },
			{ id: 'pay', stage: 1, eventTypes: ['pay'] },
			{ id: 'cart', stage: 1, eventTypes: ['cart'] }
		];
		const log = makeLog([
			[0, 0, 'view_web', 'web'],
			[0, 1, 'pay', 'web'],
			[1, 0, 'view_web', 'web'],
			[1, 1, 'pay', 'web'],
			[2, 0, 'view_web', 'web'],
			[2, 1, 'cart', 'web'],
			[3, 0, 'view_web', 'web']
		]);
		const result = computeFunnel(log, board, { revenue: Float64Array.from([10, 20, 60, NaN]), clv: Float64Array.from([100, 200, 600, 1]) });
		expect(step(result, 'view')).toMatchObject({ revenueMean: 30, revenueN: 3 });
		expect(step(result, 'pay')).toMatchObject({ revenueMean: 15, revenueN: 2 });
		// last stage: pay (10, 20) and cart (60) → (10 + 20 + 60) / 3; CLV (100 + 200 + 600) / 3
		expect(whatIfValues(result.steps)).toEqual({ revenuePerFinalConversion: 30, clvPerFinalConversion: 300 });
		expect(whatIfValues(computeFunnel(log, board).steps)).toEqual({ revenuePerFinalConversion: null, clvPerFinalConversion: null });
	});
});

describe('the conversion window', () => {
	it('drops a customer whose next step comes too late, however it goes on afterwards', () => {
		const hour = 3_600_000;
		const log = indexEventLog({
			customer: Int32Array.from([0, 0, 0, 1, 1, 1]),
			at: Float64Array.from([0, 2 * hour, 3 * hour, 0, 30 * hour, 31 * hour]),
			type: Int32Array.from([0, 1, 2, 0, 1, 2]),
			channel: Int32Array.from([0, 0, 0, 0, 0, 0]),
			eventTypes: ['view', 'cart', 'buy'],
			channels: ['web'],
			customerCount: 2
		});
		const steps = [
			{ id: 'view', stage: 0, eventTypes: ['view'] },
			{ id: 'cart', stage: 1, eventTypes: ['cart'] },
			{ id: 'buy', stage: 2, eventTypes: ['buy'] }
		];
		expect(computeFunnel(log, steps).stageReached).toEqual([2, 2, 2]);
		const windowed = computeFunnel(log, steps, { maxGapMs: 24 * hour });
		expect(windowed.stageReached).toEqual([2, 1, 1]);
		expect(windowed.steps[0]).toMatchObject({ reached: 2, converted: 1, dropOffCount: 1 });
		// Ties take the same rule.
		const tied = indexEventLog({ ...log, at: Float64Array.from([0, 30 * hour, 30 * hour, 0, 1, 1]) });
		expect(computeFunnel(tied, steps, { maxGapMs: 24 * hour }).stageReached).toEqual([2, 1, 1]);
	});
});
