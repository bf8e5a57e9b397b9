import { describe, expect, it } from 'vitest';
import { compileFunnel } from './board';
import { computeFunnel, computeFunnelInSteps } from './compute';
import { indexEventLog } from './event-index';
import { generateJourney } from './synthetic';
import { walkFunnelInSteps } from './walk';
import { runToEnd } from '../../../domain/stepwise';

/* The funnel computed in steps (as the server's thread does) gives what it gives in one go. */

const journey = generateJourney({ customers: 5_000, seed: 11, stepsPerStage: [2, 1, 3, 1] });
const log = indexEventLog(journey.log);

describe('the funnel in steps', () => {
	it('pauses every so many customers', () => {
		const walk = walkFunnelInSteps(log, compileFunnel(journey.steps, log.eventTypes), { from: -Infinity, to: Infinity, maxGapMs: Infinity }, 400);
		let pauses = 0;
		for (let step = walk.next(); !step.done; step = walk.next()) pauses++;
		expect(pauses).toBe(Math.floor(5_000 / 400));
	});

	it('tallies the same in small steps as in one go, in a cut and a window too', () => {
		const funnel = compileFunnel(journey.steps, log.eventTypes);
		const include = Uint8Array.from({ length: log.customerCount }, (_, c) => (c % 3 === 0 ? 1 : 0));
		const clv = Float64Array.from({ length: log.customerCount }, (_, c) => (c % 7 === 0 ? Number.NaN : c));
		const options = { include, clv, from: journey.first + (journey.last - journey.first) / 4, to: Infinity, maxGapMs: 20 * 86_400_000 };
		const inSteps = runToEnd(walkFunnelInSteps(log, funnel, options, 333));
		const atOnce = runToEnd(walkFunnelInSteps(log, funnel, options, log.customerCount + 1));
		expect(inSteps).toEqual(atOnce);
		expect(Array.from(atOnce.riskSum).some((risk) => risk > 0)).toBe(true);
		expect(runToEnd(computeFunnelInSteps(log, journey.steps, options))).toEqual(computeFunnel(log, journey.steps, options));
	});
});
