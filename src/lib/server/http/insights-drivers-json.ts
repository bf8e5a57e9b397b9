import { z } from 'zod';
import { DRIVER_PROFILE_COLUMNS } from '../db/customer-profiles';
import type { DropOffDriversReport } from '../insights';
import { finite } from './json';

/*
 * The drop-off drivers of a step as JSON (`/api/v1/workspaces/:id/insights/drivers`).
 */

const sideShape = z.object({ customers: z.number().int(), droppedOff: z.number().int() });

const featureShape = z
	.discriminatedUnion('kind', [
		z.object({ kind: z.literal('event'), eventType: z.string(), atLeast: z.union([z.literal(1), z.literal(2)]).describe('Did it at least once, or at least twice') }),
		z.object({ kind: z.literal('profile'), field: z.enum(Object.keys(DRIVER_PROFILE_COLUMNS) as [keyof typeof DRIVER_PROFILE_COLUMNS]), value: z.string() }),
		z.object({ kind: z.literal('entry-channel'), channel: z.string() })
	])
	.describe('The trait: an event type done after reaching the step, a profile value, or the entry channel');

export const driversShape = z
	.object({
		status: z.literal('done'),
		board: z.object({ id: z.string(), title: z.string() }),
		step: z.object({ cardId: z.string(), text: z.string() }),
		period: z.object({ from: z.string(), to: z.string() }),
		channel: z.string().nullable(),
		minimumRespondents: z.number().int().describe('A trait needs at least this many customers with it and without it'),
		outcome: z.enum(['ok', 'last-stage', 'too-few']).describe('`last-stage`: no one drops off after the last stage; `too-few`: fewer than the minimum dropped off or went on'),
		reached: z.number().int().describe('Customers credited to the step, as "Where it leaks" counts them'),
		wentOn: z.number().int(),
		droppedOff: z.number().int(),
		lookHours: z.number().nullable().describe('Events of those who dropped off are looked at for this long after the step: as long as those who went on took on average'),
		candidates: z.number().int().describe('Traits with enough customers on both sides'),
		drivers: z.array(
			z.object({
				feature: featureShape,
				with: sideShape,
				without: sideShape,
				dropOffWith: z.number().describe('Share of the customers with the trait who dropped off, 0–1'),
				dropOffWithout: z.number(),
				relativeDropOff: z.number().nullable().describe('dropOffWith / dropOffWithout; null when none without the trait dropped off'),
				oddsRatio: z.number(),
				low: z.number().describe('95% interval (Woolf), lower end'),
				high: z.number(),
				corrected: z.boolean().describe('A cell of the 2×2 table was empty: ½ was added to each (Haldane–Anscombe)'),
				direction: z.enum(['more', 'less']).describe('More or less drop-off with the trait'),
				clear: z.boolean().describe('The 95% interval leaves out 1. An association, not a cause')
			})
		).describe('Clear ones first, strongest first (the interval end nearest 1 furthest from it)'),
		datasetVersion: z.number().int(),
		computedAt: z.string()
	})
	.meta({ id: 'InsightsDrivers' });

export type DriversJson = z.infer<typeof driversShape>;

export const driversJson = ({ status, lookMs, drivers, ...report }: DropOffDriversReport): DriversJson => ({
	status: 'done',
	...report,
	outcome: status,
	lookHours: lookMs === null ? null : lookMs / 3_600_000,
	drivers: drivers.map((driver) => ({ ...driver, relativeDropOff: finite(driver.relativeDropOff) })) as DriversJson['drivers']
});
