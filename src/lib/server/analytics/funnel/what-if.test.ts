import { describe, expect, it } from 'vitest';
import { stepMetrics } from './step-metrics.fixture';
import { whatIf } from './what-if';

const metrics = stepMetrics;

/** Stage 0: A 100→60, B 50→20; stage 1: C 80→40; stage 2: D 40→30; stage 3: E 30 (last). */
const FUNNEL = [metrics('A', 0, 100, 60), metrics('B', 0, 50, 20), metrics('C', 1, 80, 40), metrics('D', 2, 40, 30), metrics('E', 3, 30, 0, true)];
const VALUES = { revenuePerFinalConversion: 200, clvPerFinalConversion: 1000 };

describe('what-if on drop-off', () => {
	it('carries the extra customers through the observed downstream conversions to the last stage', () => {
		// 10 points on A (drop-off 40 % → 30 %): 100 × 0.10 = 10 more reach stage 1;
		// stage 1 converts 40/80 = 0.5 → 5; stage 2 converts 30/40 = 0.75 → 3.75 final conversions.
		const result = whatIf(FUNNEL, { stepId: 'A', dropOffPoints: 10 }, VALUES);
		expect(result.extraReachedNext).toBeCloseTo(10, 12);
		expect(result.extraFinalConversions).toBeCloseTo(3.75, 12);
		expect(result.extraRevenue).toBeCloseTo(750, 9);
		expect(result.extraClv).toBeCloseTo(3750, 9);
		expect(result.explanation).toMatchObject({ stepId: 'A', reached: 100, pointsApplied: 10, capped: false, reason: 'ok' });
		expect(result.explanation.currentDropOff).toBeCloseTo(0.4, 12);
		expect(result.explanation.newDropOff).toBeCloseTo(0.3, 12);
		expect(result.explanation.flow.map((f) => [f.stageIndex, f.extraCustomers, f.conversion])).toEqual([
			[1, 10, 0.5],
			[2, 5, 0.75],
			[3, 3.75, null]
		]);
	});

	it('uses the whole stage downstream, not one alternative', () => {
		// B 50 × 0.2 = 10 more into stage 1, then the same path as from A.
		expect(whatIf(FUNNEL, { stepId: 'B', dropOffPoints: 20 }, VALUES).extraFinalConversions).toBeCloseTo(3.75, 12);
	});

	it('counts the extra customers of the step before the last stage as final conversions', () => {
		const result = whatIf(FUNNEL, { stepId: 'D', dropOffPoints: 10 }, VALUES);
		expect(result.extraReachedNext).toBeCloseTo(4, 12);
		expect(result.extraFinalConversions).toBeCloseTo(4, 12);
		expect(result.extraRevenue).toBeCloseTo(800, 9);
	});

	it('never lowers drop-off below zero or raises it above 100 %', () => {
		const down = whatIf(FUNNEL, { stepId: 'A', dropOffPoints: 55 }, VALUES);
		expect(down.explanation).toMatchObject({ capped: true, newDropOff: 0 });
		expect(down.explanation.pointsApplied).toBeCloseTo(40, 9);
		expect(down.extraFinalConversions).toBeCloseTo(15, 9);
		const up = whatIf(FUNNEL, { stepId: 'A', dropOffPoints: -80 }, VALUES);
		expect(up.explanation.pointsApplied).toBeCloseTo(-60, 9);
		expect(up.extraReachedNext).toBeCloseTo(-60, 9);
	});

	it('changes nothing on the last stage or a step nobody reached, and says why', () => {
		expect(whatIf(FUNNEL, { stepId: 'E', dropOffPoints: 10 }, VALUES)).toMatchObject({ extraFinalConversions: 0, extraRevenue: 0, explanation: { reason: 'last-stage' } });
		const empty = [...FUNNEL, metrics('F', 0, 0, 0)];
		expect(whatIf(empty, { stepId: 'F', dropOffPoints: 10 }, VALUES).explanation.reason).toBe('not-reached');
		expect(() => whatIf(FUNNEL, { stepId: 'nope', dropOffPoints: 1 }, VALUES)).toThrow(RangeError);
	});

	it('says when a downstream stage has no customers to learn a conversion from', () => {
		const dry = [metrics('A', 0, 100, 0), metrics('C', 1, 0, 0), metrics('E', 2, 0, 0, true)];
		const result = whatIf(dry, { stepId: 'A', dropOffPoints: 10 }, VALUES);
		expect(result.extraReachedNext).toBeCloseTo(10, 12);
		expect(result.extraFinalConversions).toBe(0);
		expect(result.explanation.reason).toBe('downstream-not-reached');
	});
});
