import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../../domain/stepwise';
import { indexEventLog } from '../funnel/event-index';
import { traceStepInSteps } from '../funnel/trace';
import type { EventLog, FunnelStep } from '../funnel/types';
import { computeDriversInSteps, type DriversResult } from './drivers';
import { PLANTED_ODDS_RATIO, plantedJourney, plantedLog } from './planted-journey.fixture';

const steps: FunnelStep[] = [
	{ id: 'visit', stage: 0, eventTypes: ['visit'] },
	{ id: 'checkout', stage: 1, eventTypes: ['checkout'] }
];

function drivers(log: EventLog, profiles: { field: string; values: (string | null)[] }[] = [], stepId = 'visit', minimumCustomers = 30): DriversResult {
	const indexed = indexEventLog(log);
	const outcomes = runToEnd(traceStepInSteps(indexed, steps, {}, stepId));
	return runToEnd(computeDriversInSteps({ log: indexed, outcomes, to: Infinity, profiles, minimumCustomers }));
}

describe('drop-off drivers', () => {
	const journey = plantedJourney();
	const result = drivers(plantedLog(journey), [{ field: 'incomeBand', values: journey.incomeBand }]);

	it('counts the step’s customers as the funnel does', () => {
		expect(result.status).toBe('ok');
		expect(result.reached).toBe(journey.customers);
		expect(result.droppedOff).toBe(journey.dropped.filter(Boolean).length);
	});

	it('finds the planted driver first: contacting customer service twice', () => {
		expect(result.drivers[0]!.feature).toEqual({ kind: 'event', eventType: 'contact_customer_service', atLeast: 2 });
		const top = result.drivers[0]!;
		expect(top.clear).toBe(true);
		expect(top.direction).toBe('more');
		// The planted odds ratio ((.36/.64) / (.12/.88) ≈ 4.13) lies in the interval, and the estimate near it.
		expect(top.low).toBeLessThan(PLANTED_ODDS_RATIO);
		expect(top.high).toBeGreaterThan(PLANTED_ODDS_RATIO);
		expect(Math.abs(Math.log(top.oddsRatio / PLANTED_ODDS_RATIO))).toBeLessThan(0.2);
		expect(top.relativeDropOff).toBeGreaterThan(2.4);
		expect(top.relativeDropOff).toBeLessThan(3.6);
	});

	it('does not make drivers of what makes no difference: a steady newsletter, a neutral income band', () => {
		const neutral = result.drivers.filter((d) => (d.feature.kind === 'event' && d.feature.eventType === 'newsletter_open') || d.feature.kind === 'profile');
		expect(neutral.length).toBeGreaterThan(0);
		for (const driver of neutral) expect(driver.oddsRatio).toBeGreaterThan(0.75), expect(driver.oddsRatio).toBeLessThan(1.33);
	});

	it('leaves out the event types that define the next stage', () => {
		expect(result.drivers.some((d) => d.feature.kind === 'event' && (d.feature.eventType === 'checkout' || d.feature.eventType === 'visit'))).toBe(false);
	});

	it('looks at those who dropped off as long as those who went on took on average (3 to 6 days)', () => {
		expect(result.lookMs! / 86_400_000).toBeGreaterThan(4.3);
		expect(result.lookMs! / 86_400_000).toBeLessThan(4.7);
	});

	it('says so at the last stage and with too few customers', () => {
		expect(drivers(plantedLog(journey), [], 'checkout').status).toBe('last-stage');
		const small = plantedJourney(40, 3);
		expect(drivers(plantedLog(small)).status).toBe('too-few');
	});

	it('takes a profile value only among customers whose value is known', () => {
		const values = journey.incomeBand.map((band, c) => (c % 2 === 0 ? band : null));
		const band = drivers(plantedLog(journey), [{ field: 'incomeBand', values }]).drivers.find((d) => d.feature.kind === 'profile')!;
		expect(band.with.customers + band.without.customers).toBe(journey.customers / 2);
	});
});
