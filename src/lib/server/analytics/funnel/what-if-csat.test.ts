import { describe, expect, it } from 'vitest';
import { measuredPeriodDays, overHorizon } from './horizon';
import { stepMetrics } from './step-metrics.fixture';
import { csatWhatIf } from './what-if-csat';
import { whatIf } from './what-if';

const metrics = stepMetrics;

/** Stage 0: A 100→60; stage 1: C 80→40; stage 2: D 40→30; stage 3: E 30 (last). */
const FUNNEL = [metrics('A', 0, 100, 60), metrics('C', 1, 80, 40), metrics('D', 2, 40, 30), metrics('E', 3, 30, 0, true)];
const VALUES = { revenuePerFinalConversion: 200, clvPerFinalConversion: 1000 };
/** At A: 60 satisfied respondents, 48 went on (80 %); 40 others, 16 went on (40 %). CSAT 60 %. */
const RESPONDENTS = { satisfied: { n: 60, converted: 48 }, unsatisfied: { n: 40, converted: 16 } };

describe('what-if on CSAT', () => {
	it('moves X % of the step\'s customers from the not-satisfied to the satisfied rate and carries them down the funnel', () => {
		// 10 points × (0.8 − 0.4) = 4 points less drop-off: 100 × 0.04 = 4 more at stage 1,
		// × 0.5 = 2 at stage 2, × 0.75 = 1.5 final conversions, × 200 = 300 revenue, × 1000 = 1500 CLV.
		const result = csatWhatIf(FUNNEL, { stepId: 'A', csatPoints: 10, ...RESPONDENTS }, VALUES);
		expect(result.extraReachedNext).toBeCloseTo(4, 12);
		expect(result.extraFinalConversions).toBeCloseTo(1.5, 12);
		expect(result.extraRevenue).toBeCloseTo(300, 9);
		expect(result.extraClv).toBeCloseTo(1500, 9);
		expect(result.csat).toMatchObject({
			satisfied: { n: 60, converted: 48, conversion: 0.8 },
			unsatisfied: { n: 40, converted: 16, conversion: 0.4 },
			currentCsat: 0.6,
			newCsat: 0.7,
			pointsApplied: 10,
			capped: false,
			lowN: false,
			minimumRespondents: 30,
			reason: 'ok',
			assumption: 'association'
		});
		expect(result.csat.lift).toBeCloseTo(0.4, 12);
		expect(result.csat.equivalentDropOffPoints).toBeCloseTo(4, 12);
		expect(result.explanation.flow.map((f) => [f.stageIndex, f.extraCustomers])).toEqual([
			[1, expect.closeTo(4, 12)],
			[2, expect.closeTo(2, 12)],
			[3, expect.closeTo(1.5, 12)]
		]);
	});

	it('is the drop-off what-if with the equivalent points: one flow, not two', () => {
		const csat = csatWhatIf(FUNNEL, { stepId: 'A', csatPoints: 10, ...RESPONDENTS }, VALUES);
		const dropOff = whatIf(FUNNEL, { stepId: 'A', dropOffPoints: csat.csat.equivalentDropOffPoints }, VALUES);
		expect(csat.explanation).toEqual(dropOff.explanation);
		expect(csat.extraClv).toBe(dropOff.extraClv);
	});

	it('never raises CSAT above 100 % nor lowers it below 0 %', () => {
		// CSAT is 60 %: at most 40 points up → 16 points less drop-off → 16, 8, 6 final.
		const up = csatWhatIf(FUNNEL, { stepId: 'A', csatPoints: 55, ...RESPONDENTS }, VALUES);
		expect(up.csat).toMatchObject({ capped: true, newCsat: 1 });
		expect(up.csat.pointsApplied).toBeCloseTo(40, 9);
		expect(up.extraFinalConversions).toBeCloseTo(6, 9);
		const down = csatWhatIf(FUNNEL, { stepId: 'A', csatPoints: -80, ...RESPONDENTS }, VALUES);
		expect(down.csat).toMatchObject({ capped: true, newCsat: 0 });
		expect(down.csat.pointsApplied).toBeCloseTo(-60, 9);
		expect(down.extraReachedNext).toBeCloseTo(-24, 9);
	});

	it('estimates nothing without respondents, with too few on either side, and says why', () => {
		const none = csatWhatIf(FUNNEL, { stepId: 'A', csatPoints: 10, satisfied: { n: 0, converted: 0 }, unsatisfied: { n: 0, converted: 0 } }, VALUES);
		expect(none).toMatchObject({ extraReachedNext: 0, extraFinalConversions: 0, extraRevenue: 0, extraClv: 0, csat: { reason: 'no-respondents', currentCsat: null, lowN: true } });
		const few = csatWhatIf(FUNNEL, { stepId: 'A', csatPoints: 10, satisfied: { n: 60, converted: 48 }, unsatisfied: { n: 29, converted: 1 } }, VALUES);
		expect(few).toMatchObject({ extraClv: 0, csat: { reason: 'too-few-respondents', lowN: true, minimumRespondents: 30 } });
		expect(few.csat.unsatisfied.conversion).toBeCloseTo(1 / 29, 12);
		// A lower minimum, asked for, lets the small side count.
		const lowered = csatWhatIf(FUNNEL, { stepId: 'A', csatPoints: 10, satisfied: { n: 60, converted: 48 }, unsatisfied: { n: 29, converted: 1 }, minimumRespondents: 20 }, VALUES);
		expect(lowered.csat.reason).toBe('ok');
		expect(lowered.extraReachedNext).toBeGreaterThan(0);
	});

	it('names the missing measure: no CSAT answers at the step, though CES answers are there', () => {
		const nobody = { satisfied: { n: 0, converted: 0 }, unsatisfied: { n: 0, converted: 0 } };
		const checkout = csatWhatIf(FUNNEL, { stepId: 'A', csatPoints: 10, ...nobody, taggedAnswers: { csat: 0, ces: 120, nps: 0 } }, VALUES);
		expect(checkout).toMatchObject({ extraReachedNext: 0, csat: { reason: 'no-csat-answers', taggedAnswers: { csat: 0, ces: 120, nps: 0 } } });
		// CSAT answers exist, but none from a customer the step was credited with.
		const others = csatWhatIf(FUNNEL, { stepId: 'A', csatPoints: 10, ...nobody, taggedAnswers: { csat: 7, ces: 0, nps: 0 } }, VALUES);
		expect(others.csat.reason).toBe('no-respondents');
	});

	it('gives zero, not a negative fantasy, where satisfied customers do not go on more often', () => {
		const same = csatWhatIf(FUNNEL, { stepId: 'A', csatPoints: 10, satisfied: { n: 50, converted: 25 }, unsatisfied: { n: 50, converted: 30 } }, VALUES);
		expect(same).toMatchObject({ extraReachedNext: 0, extraFinalConversions: 0, extraClv: 0, csat: { reason: 'satisfied-not-better', lift: null } });
	});

	it('says so on the last stage or a step nobody reached', () => {
		expect(csatWhatIf(FUNNEL, { stepId: 'E', csatPoints: 10, ...RESPONDENTS }, VALUES).csat.reason).toBe('last-stage');
		const empty = [...FUNNEL, metrics('F', 0, 0, 0)];
		expect(csatWhatIf(empty, { stepId: 'F', csatPoints: 10, ...RESPONDENTS }, VALUES).csat.reason).toBe('not-reached');
		expect(() => csatWhatIf(FUNNEL, { stepId: 'A', csatPoints: 10, satisfied: { n: 5, converted: 6 }, unsatisfied: { n: 0, converted: 0 } }, VALUES)).toThrow(RangeError);
	});
});

describe('a what-if over a horizon', () => {
	const DAY = 86_400_000;
	it('counts the calendar days the data covers within the window', () => {
		const first = Date.UTC(2026, 4, 1);
		const last = Date.UTC(2026, 4, 3, 15);
		expect(measuredPeriodDays(first, last, null, null)).toBe(3);
		expect(measuredPeriodDays(first, last, Date.UTC(2026, 4, 2), null)).toBe(2);
		expect(measuredPeriodDays(first, last, null, Date.UTC(2026, 3, 1))).toBeNull();
		expect(measuredPeriodDays(null, null, null, null)).toBeNull();
		expect(measuredPeriodDays(first, first + DAY / 2, null, null)).toBe(1);
	});

	it('scales the period\'s figures to the horizon at the same pace', () => {
		const base = csatWhatIf(FUNNEL, { stepId: 'A', csatPoints: 10, ...RESPONDENTS }, VALUES);
		// 4 more customers in 30 days → 12 in 90 days.
		const scaled = overHorizon(base, 30, 90);
		expect(scaled.horizon).toEqual({ periodDays: 30, horizonDays: 90, factor: 3 });
		expect(scaled.extraReachedNext).toBeCloseTo(12, 12);
		expect(scaled.extraClv).toBeCloseTo(4500, 9);
		expect(scaled.explanation.flow[0]!.extraCustomers).toBeCloseTo(12, 12);
		expect(scaled.csat.lift).toBeCloseTo(0.4, 12);
		expect(overHorizon(base, 30, null)).toMatchObject({ extraClv: base.extraClv, horizon: { factor: 1 } });
		expect(() => overHorizon(base, 30, 0)).toThrow(RangeError);
	});
});
