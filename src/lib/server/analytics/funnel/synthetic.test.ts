import { describe, expect, it } from 'vitest';
import { computeFunnel, indexEventLog, type EventLog } from './index';
import { generateJourney, plannedFunnel } from './synthetic';

const DESIGN = { customers: 10_000, seed: 8, stepsPerStage: [3, 2, 2, 1], channels: ['web', 'app', 'store'] };

describe('a generated log with planted conversions', () => {
	const generated = generateJourney(DESIGN);
	const { log, steps, plan } = generated;
	const result = computeFunnel(log, steps, { clv: plan.clv });

	it('recovers the designed entry and first-stage conversions per step and channel', () => {
		// 9,000 journeys (4 % silent, 6 % mid-journey) over 3 alternatives × 3 channels: 1,000 per cell;
		// rate(0, step, channel) = [0.9, 0.75, 0.6, 0.5, 0.35][(2·step + 3·(channel + 1)) mod 5].
		expect(result.customersInCut).toBe(10_000);
		expect(result.stageReached[0]).toBe(9000);
		const first = result.steps.slice(0, 3);
		expect(first.map((s) => s.reached)).toEqual([3000, 3000, 3000]);
		expect(first.map((s) => s.byChannel.map((c) => c.converted))).toEqual([
			[500, 750, 350],
			[900, 500, 750],
			[600, 900, 500]
		]);
		expect(first.map((s) => s.converted)).toEqual([1600, 2150, 2000]);
		expect(result.stageReached[1]).toBe(5750);
		expect(result.stages[1]!.skipped).toBeGreaterThan(0);
	});

	it('equals the plan in every figure: reached, conversion, drop-off, hours, CLV, value at risk, channels, skips', () => {
		expect(result).toEqual(plannedFunnel(generated));
	});

	it('gives cuts that each equal their plan and add up to the whole', () => {
		const masks = [0, 1, 2].map((r) => Uint8Array.from({ length: log.customerCount }, (_, c) => (c % 3 === r ? 1 : 0)));
		const indexed = indexEventLog(log);
		const cuts = masks.map((include) => computeFunnel(indexed, steps, { include, clv: plan.clv }));
		cuts.forEach((cut, k) => expect(cut).toEqual(plannedFunnel(generated, masks[k])));
		const sum = (pick: (r: typeof result) => number[]) => cuts.map(pick).reduce((a, b) => a.map((v, i) => v + b[i]!));
		expect(sum((r) => [r.customersInCut])).toEqual([result.customersInCut]);
		expect(sum((r) => r.stageReached)).toEqual(result.stageReached);
		expect(sum((r) => r.stageSkipped)).toEqual(result.stageSkipped);
		expect(sum((r) => r.steps.map((s) => s.reached))).toEqual(result.steps.map((s) => s.reached));
		expect(sum((r) => r.steps.map((s) => s.converted))).toEqual(result.steps.map((s) => s.converted));
		expect(sum((r) => r.steps.map((s) => s.valueAtRisk ?? 0))).toEqual(result.steps.map((s) => s.valueAtRisk ?? 0));
	});

	it('cuts by entry channel: the customers of each channel as the first stage saw them, adding up to everyone who entered', () => {
		const indexed = indexEventLog(log);
		const codes = [-1, ...log.channels.keys()];
		const cuts = codes.map((entryChannel) => computeFunnel(indexed, steps, { clv: plan.clv, entryChannel }));
		codes.forEach((code, k) => {
			result.steps.slice(0, 3).forEach((step, j) => {
				const cell = step.byChannel.find((c) => c.channelCode === code);
				expect(cuts[k]!.steps[j]!.reached).toBe(cell?.reached ?? 0);
				expect(cuts[k]!.steps[j]!.converted).toBe(cell?.converted ?? 0);
			});
		});
		const total = (pick: (r: typeof result) => number[]) => cuts.map(pick).reduce((a, b) => a.map((v, i) => v + b[i]!));
		expect(total((r) => r.stageReached)).toEqual(result.stageReached);
		expect(total((r) => r.steps.map((s) => s.valueAtRisk ?? 0))).toEqual(result.steps.map((s) => s.valueAtRisk ?? 0));
		expect(() => computeFunnel(indexed, steps, { entryChannel: 3 })).toThrow(RangeError);
	});

	it('does not depend on the order of the rows, and repeats bit for bit', () => {
		const sorted = generateJourney({ ...DESIGN, shuffle: false });
		expect(computeFunnel(sorted.log, sorted.steps, { clv: sorted.plan.clv })).toEqual(result);
		const again = generateJourney(DESIGN);
		expect(again.log).toEqual(log);
		expect(computeFunnel(again.log, again.steps, { clv: again.plan.clv })).toEqual(result);
	});
});

describe('time windows on a generated log', () => {
	it('sees only the journeys inside the window', () => {
		const early = generateJourney({ customers: 3000, seed: 1, stepsPerStage: [2, 2, 1] });
		const late = generateJourney({ customers: 3000, seed: 2, stepsPerStage: [2, 2, 1], start: early.last + 365 * 86_400_000 });
		const both: EventLog = {
			...early.log,
			customer: Int32Array.from([...early.log.customer, ...late.log.customer]),
			at: Float64Array.from([...early.log.at, ...late.log.at]),
			type: Int32Array.from([...early.log.type, ...late.log.type]),
			channel: Int32Array.from([...early.log.channel, ...late.log.channel])
		};
		const indexed = indexEventLog(both);
		expect(computeFunnel(indexed, early.steps, { clv: early.plan.clv, from: early.first, to: early.last })).toEqual(plannedFunnel(early));
		expect(computeFunnel(indexed, late.steps, { clv: late.plan.clv, from: late.first, to: late.last })).toEqual(plannedFunnel(late));
	});
});

describe('the benchmark shape', () => {
	it('recovers the plan with 10 stages × 3 alternatives and outcome-neutral filler events', () => {
		const generated = generateJourney({ customers: 2000, seed: 5, stepsPerStage: Array(10).fill(3), eventsPerCustomer: 25 });
		expect(generated.log.customer.length).toBe(2000 * 25);
		expect(computeFunnel(generated.log, generated.steps, { clv: generated.plan.clv })).toEqual(plannedFunnel(generated));
	});
});
