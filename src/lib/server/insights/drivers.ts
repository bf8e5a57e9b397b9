import { computeDriversInSteps, type Driver, type DriversStatus, type ProfileColumn } from '../analytics/drivers/drivers';
import { traceStepInSteps } from '../analytics/funnel';
import type { JourneyStep } from '$lib/domain/board';
import type { DayPeriod } from '$lib/domain/insights/period';
import type { CustomerProfiles } from '../db';
import { finishStepwise } from '../stepwise';
import { funnelStepsOf, funnelWindowOf, type JourneyEvents, type JourneyQuery } from './journey';

/*
 * The drop-off drivers of one measured step for the insights filters: the step's customers as its
 * figures count them (the same funnel walk, cut and window), compared on what they did between
 * this step and the next, their profile and their entry channel.
 */

export type { Driver, DriverFeature } from '../analytics/drivers/drivers';

export interface DropOffDriversReport {
	board: { id: string; title: string };
	step: { cardId: string; text: string };
	period: DayPeriod;
	channel: string | null;
	minimumRespondents: number;
	status: DriversStatus;
	reached: number;
	wentOn: number;
	droppedOff: number;
	lookMs: number | null;
	candidates: number;
	drivers: Driver[];
	datasetVersion: number;
	computedAt: string;
}

/** Profile values as yes/no where the column is a flag, so a reader sees words, not 0 and 1. */
const FLAG_FIELDS = new Set(['loyaltyMember']);

/** The customers' profile columns in the log's dense order. */
export function profileColumnsOf(events: JourneyEvents, profiles: CustomerProfiles): ProfileColumn[] {
	const dense = profiles.ids.map((id) => events.indexOf.get(id) ?? -1);
	return profiles.fields.map(({ field, values }) => {
		const column: (string | null)[] = new Array(events.log.customerCount).fill(null);
		values.forEach((value, k) => {
			const c = dense[k]!;
			if (c < 0 || value === null) return;
			column[c] = FLAG_FIELDS.has(field) ? (value === '1' ? 'yes' : 'no') : value;
		});
		return { field, values: column };
	});
}

export async function computeDropOffDrivers(input: {
	events: JourneyEvents;
	steps: JourneyStep[];
	cardId: string;
	include: Uint8Array | null;
	query: JourneyQuery;
	profiles: ProfileColumn[];
	board: { id: string; title: string };
	stepText: string;
	period: DayPeriod;
}): Promise<DropOffDriversReport> {
	const { events, query } = input;
	const window = funnelWindowOf(events.log, query, input.include);
	const outcomes = await finishStepwise(traceStepInSteps(events.log, funnelStepsOf(input.steps), window, input.cardId));
	const result = await finishStepwise(
		computeDriversInSteps({ log: events.log, outcomes, to: query.to ?? Infinity, profiles: input.profiles, minimumCustomers: query.minimumRespondents })
	);
	return {
		board: input.board,
		step: { cardId: input.cardId, text: input.stepText },
		period: input.period,
		channel: query.channel,
		minimumRespondents: query.minimumRespondents,
		...result,
		datasetVersion: events.datasetVersion,
		computedAt: new Date().toISOString()
	};
}
