import { ces, csat, nps, type CesResult, type CsatResult, type NpsResult } from '../analytics';
import {
	computeFunnel,
	computeFunnelInSteps,
	countEventTypes,
	csatWhatIf,
	indexEventLogInSteps,
	measuredPeriodDays,
	overHorizon,
	whatIf,
	whatIfValues,
	type CsatExplanation,
	type EventTypeFigures,
	type FunnelOptions,
	type FunnelResult,
	type FunnelStep,
	type Horizon,
	type IndexedEventLog,
	type RespondentOutcome,
	type WhatIfResult
} from '../analytics/funnel';
import { sharedBindings, type JourneyStep } from '$lib/domain/board';
import type { RespondentFigure, StageFigures, StepFigures, StepVoices } from '$lib/domain/metrics';
import { countComplainantsInSteps } from '../analytics/funnel/complainants';
import * as db from '../db';
import type { PersonaClvModel } from '../db';
import { finishStepwise } from '../stepwise';
import { latestOnly, yieldToEventLoop } from './cache';

/*
 * The figures of a board's measured steps (issue "journey steps linked to the numbers"): the
 * funnel over the workspace's events, cut by customer group and time window, with the survey
 * answers tagged to each step and the CLV of the customers who reached or left it.
 *
 * The workspace's events are read and indexed once per dataset version and kept in memory for
 * the latest version only; every board, cut and window then walks that index.
 */

/** A workspace's events, read and indexed once per dataset version. */
export interface JourneyEvents {
	datasetVersion: number;
	log: IndexedEventLog;
	/** Internal customer id → dense index of the log. */
	indexOf: Map<number, number>;
	/** Dense index → the customer's external id (survey answers name customers by it). */
	externalIds: string[];
	/** Epoch ms of the first and last event; null without events. */
	firstEventAt: number | null;
	lastEventAt: number | null;
}

export interface JourneyData extends JourneyEvents {
	revenue: Float64Array;
	/** Per customer CLV (NaN unknown); null when no CLV estimate can be trusted on this data. */
	clv: Float64Array | null;
	/** Where `clv` comes from (see trustedClv); null with it. */
	clvModel: PersonaClvModel | null;
}

export interface JourneyQuery {
	from: number | null;
	to: number | null;
	/** Conversion window in days; 0 = none. */
	withinDays: number;
	/** Entry channel cut (a channel name as in the events); null = every channel. */
	channel: string | null;
	minimumRespondents: number;
}

export type StepReport = StepFigures;

export interface JourneyReport {
	steps: StepReport[];
	stages: StageFigures[];
	customersInCut: number;
	/** Channels of the events, for the entry-channel cut. */
	channels: string[];
	computedAt: string;
	datasetVersion: number;
	funnel: FunnelResult;
	/** Calendar days the figures cover (the window clipped to the data); null without events in it. */
	periodDays: number | null;
	/** Where the steps' CLV and value at risk come from; null when no estimate can be trusted (they are null then). */
	clvModel: PersonaClvModel | null;
	/** Satisfied and other CSAT respondents of a step and how many went on (computed when first asked, then kept). */
	respondents: (cardId: string) => { satisfied: RespondentOutcome; unsatisfied: RespondentOutcome };
}

const liveEvents = latestOnly<JourneyEvents>();
const live = latestOnly<JourneyData>();

/** The indexed events of a workspace at a dataset version, read in worker threads (shared by every board, cut and the binding picker). */
export function journeyEvents(workspaceId: string, datasetVersion: number): Promise<JourneyEvents> {
	return liveEvents(workspaceId, datasetVersion, async () => {
		const columns = await db.readEventColumnsOffLoop(workspaceId);
		await yieldToEventLoop();
		// Indexed in steps: five million events take over a second, too long to hold other requests.
		const log = await finishStepwise(indexEventLogInSteps(columns));
		const indexOf = new Map<number, number>();
		columns.customerIds.forEach((id, index) => indexOf.set(id, index));
		await yieldToEventLoop();
		let firstEventAt = Infinity;
		let lastEventAt = -Infinity;
		for (const at of log.at) {
			if (at < firstEventAt) firstEventAt = at;
			if (at > lastEventAt) lastEventAt = at;
		}
		const any = log.at.length > 0;
		return {
			datasetVersion,
			log,
			indexOf,
			externalIds: columns.externalIds,
			firstEventAt: any ? firstEventAt : null,
			lastEventAt: any ? lastEventAt : null
		};
	});
}

/** The events with each customer's revenue and CLV: what the figures of a board need. */
export function journeyData(
	workspaceId: string,
	datasetVersion: number,
	clv: () => Promise<{ model: PersonaClvModel; values: Map<string, number> } | null>
): Promise<JourneyData> {
	return live(workspaceId, datasetVersion, async () => {
		// Worker threads read the events (their start comes before this function's first await,
		// so the caller's own work overlaps them); the CLV is fitted meanwhile.
		const reading = journeyEvents(workspaceId, datasetVersion);
		const revenueReading = db.revenueByCustomerOffLoop(workspaceId);
		revenueReading.catch(() => {});
		const clvValues = clv();
		// Awaited below, after the events; until then a failure must not count as unhandled.
		clvValues.catch(() => {});
		const events = await reading;
		const revenue = new Float64Array(events.log.customerCount);
		for (const [id, amount] of await revenueReading) {
			const index = events.indexOf.get(id);
			if (index !== undefined) revenue[index] = amount;
		}
		await yieldToEventLoop();
		const trusted = await clvValues;
		const values = trusted?.values;
		let clvColumn: Float64Array | null = null;
		if (values) {
			clvColumn = new Float64Array(events.log.customerCount).fill(Number.NaN);
			events.externalIds.forEach((externalId, index) => {
				const value = values.get(externalId);
				if (value !== undefined) clvColumn![index] = value;
			});
		}
		return { ...events, revenue, clv: clvColumn, clvModel: trusted?.model ?? null };
	});
}

const figuresOf = new WeakMap<JourneyEvents, Promise<EventTypeFigures[]>>();

/** The event types of a workspace's events with counts and channels (what steps bind to), from the indexed events. */
export async function eventTypeSummaries(workspaceId: string, datasetVersion: number): Promise<EventTypeFigures[]> {
	const events = await journeyEvents(workspaceId, datasetVersion);
	let figures = figuresOf.get(events);
	if (!figures) {
		figures = finishStepwise(countEventTypes(events.log));
		figuresOf.set(events, figures);
	}
	return figures;
}

const figure = <R extends { n: number; lowN: boolean }>(result: R, value: number): RespondentFigure => ({
	value: Number.isFinite(value) ? value : null,
	n: result.n,
	lowN: result.lowN
});

export type FunnelWindow = Pick<FunnelOptions, 'from' | 'to' | 'include' | 'maxGapMs' | 'entryChannel'>;

export const funnelStepsOf = (steps: readonly JourneyStep[]): FunnelStep[] => steps.map((s) => ({ id: s.cardId, stage: s.stage, eventTypes: s.eventTypes }));

/** The funnel's cut and window for a query: the same for a step's figures and for anything that explains them. */
export function funnelWindowOf(log: IndexedEventLog, query: JourneyQuery, include: Uint8Array | null): FunnelWindow {
	const entryChannel = query.channel === null ? undefined : log.channels.indexOf(query.channel);
	if (entryChannel === -1) throw new RangeError(`no events on the channel "${query.channel}"`);
	return {
		...(query.from !== null ? { from: query.from } : {}),
		...(query.to !== null ? { to: query.to } : {}),
		...(include ? { include } : {}),
		...(query.withinDays > 0 ? { maxGapMs: query.withinDays * 86_400_000 } : {}),
		...(entryChannel !== undefined ? { entryChannel } : {})
	};
}

export async function computeJourney(
	data: JourneyData,
	steps: JourneyStep[],
	options: {
		include: Uint8Array | null;
		answers: db.SurveyRow[];
		query: JourneyQuery;
	}
): Promise<JourneyReport> {
	const funnelSteps = funnelStepsOf(steps);
	const window = funnelWindowOf(data.log, options.query, options.include);
	const funnel = await finishStepwise(computeFunnelInSteps(data.log, funnelSteps, { ...window, revenue: data.revenue, ...(data.clv ? { clv: data.clv } : {}) }));
	const respondents = { minimumRespondents: options.query.minimumRespondents };
	const inWindow = (a: db.SurveyRow) =>
		(options.query.from === null || a.occurredAt >= options.query.from) && (options.query.to === null || a.occurredAt <= options.query.to);
	const complainants = await finishStepwise(
		countComplainantsInSteps(data.log, {
			steps: funnelSteps,
			complaintTypes: db.COMPLAINT_EVENT_TYPES,
			// Within the conversion window after the step, or a week without one.
			windowMs: (options.query.withinDays || 7) * 86_400_000,
			from: options.query.from ?? -Infinity,
			to: options.query.to ?? Infinity,
			include: options.include
		})
	);
	const commented = options.answers.filter((a) => a.comment !== null && a.comment.trim() !== '' && a.eventType !== null && inWindow(a));

	const stageIdOf = new Map(steps.map((s) => [s.stage, s.stageId]));
	const shared = sharedBindings(steps);
	const split = new Map<string, { satisfied: RespondentOutcome; unsatisfied: RespondentOutcome }>();
	const respondentsOf = (cardId: string) => {
		let found = split.get(cardId);
		if (!found) {
			const step = funnel.steps.find((m) => m.stepId === cardId);
			found = step
				? respondentOutcomes(data, funnelSteps, window, options.answers.filter((a) => a.kind === 'csat' && inWindow(a)), step.eventTypes, cardId)
				: { satisfied: { n: 0, converted: 0 }, unsatisfied: { n: 0, converted: 0 } };
			split.set(cardId, found);
		}
		return found;
	};
	return {
		steps: funnel.steps.map((m) => {
			const types = new Set(m.eventTypes);
			const tagged = options.answers.filter((a) => a.eventType !== null && types.has(a.eventType) && inWindow(a));
			const scores = (kind: db.SurveyRow['kind']) => tagged.filter((a) => a.kind === kind).map((a) => a.score);
			const c: CsatResult = csat(scores('csat'), respondents);
			const e: CesResult = ces(scores('ces'), respondents);
			const p: NpsResult = nps(scores('nps'), respondents);
			return {
				cardId: m.stepId,
				stage: m.stageIndex,
				eventTypes: m.eventTypes,
				reached: m.reached,
				converted: m.isLastStage ? null : m.converted,
				conversion: m.conversion,
				dropOff: m.dropOff,
				dropOffCount: m.dropOffCount,
				medianHoursToNext: m.medianHoursToNext,
				clvMean: m.clvMean,
				valueAtRisk: m.valueAtRisk,
				revenueMean: m.revenueMean,
				csat: figure(c, c.csat),
				ces: figure(e, e.ces),
				nps: figure(p, p.nps),
				channelSwitches: m.channelSwitches.map(({ from, to, customers }) => ({ from, to, customers })),
				byChannel: m.byChannel.map(({ channel, reached, converted, conversion }) => ({ channel, reached, converted, conversion })),
				voices: { comments: latestComments(commented, types), complainants: complainants.get(m.stepId) ?? 0 },
				sharedBindings: shared.get(m.stepId) ?? []
			};
		}),
		stages: funnel.stages.map((s) => ({
			stage: s.stageIndex,
			stageId: stageIdOf.get(s.stage) ?? '',
			reached: s.reached,
			skipped: s.skipped
		})),
		customersInCut: funnel.customersInCut,
		channels: [...data.log.channels],
		computedAt: new Date().toISOString(),
		datasetVersion: data.datasetVersion,
		funnel,
		periodDays: measuredPeriodDays(data.firstEventAt, data.lastEventAt, options.query.from, options.query.to),
		clvModel: data.clvModel,
		respondents: respondentsOf
	};
}

/** Comments shown with a step: the latest five on answers tagged with its event types (newest first; of one moment, the last imported first). */
const COMMENTS_PER_STEP = 5;

function latestComments(answers: readonly db.SurveyRow[], types: ReadonlySet<string>): StepVoices['comments'] {
	const tagged: StepVoices['comments'] = [];
	for (let i = answers.length - 1; i >= 0; i--) {
		const a = answers[i]!;
		if (types.has(a.eventType!)) tagged.push({ kind: a.kind, score: a.score, comment: a.comment!, at: a.occurredAt });
	}
	// Stable: answers of one moment keep the last-imported-first order of the loop above.
	return tagged.sort((x, y) => y.at - x.at).slice(0, COMMENTS_PER_STEP);
}

const externalIndex = new WeakMap<JourneyData, Map<string, number>>();

/**
 * Splits a step's CSAT respondents by their latest answer tagged with the step (satisfied: 4–5)
 * and counts, by the funnel's own rule, how many of each side were credited to the step and went
 * on: the funnel walked over only those customers, in the same cut and window.
 */
function respondentOutcomes(
	data: JourneyData,
	funnelSteps: { id: string; stage: number; eventTypes: string[] }[],
	window: FunnelWindow,
	answers: db.SurveyRow[],
	eventTypes: string[],
	cardId: string
): { satisfied: RespondentOutcome; unsatisfied: RespondentOutcome } {
	let indexOf = externalIndex.get(data);
	if (!indexOf) {
		indexOf = new Map(data.externalIds.map((id, index) => [id, index]));
		externalIndex.set(data, indexOf);
	}
	const types = new Set(eventTypes);
	const latest = new Map<number, db.SurveyRow>();
	for (const answer of answers) {
		if (answer.customerId === null || answer.eventType === null || !types.has(answer.eventType)) continue;
		const index = indexOf.get(answer.customerId);
		if (index === undefined || (window.include && window.include[index] !== 1)) continue;
		const before = latest.get(index);
		if (!before || answer.occurredAt >= before.occurredAt) latest.set(index, answer);
	}
	const satisfied = new Uint8Array(data.log.customerCount);
	const unsatisfied = new Uint8Array(data.log.customerCount);
	for (const [index, answer] of latest) (answer.score >= 4 ? satisfied : unsatisfied)[index] = 1;
	const outcome = (include: Uint8Array): RespondentOutcome => {
		const step = computeFunnel(data.log, funnelSteps, { ...window, include }).steps.find((m) => m.stepId === cardId)!;
		return { n: step.reached, converted: step.converted };
	};
	return { satisfied: outcome(satisfied), unsatisfied: outcome(unsatisfied) };
}

export type WhatIfLever = 'drop-off' | 'csat';

export interface JourneyWhatIf extends WhatIfResult {
	lever: WhatIfLever;
	/** The CSAT side of the estimate (lever 'csat' only). */
	csat: CsatExplanation | null;
	horizon: Horizon;
}

/**
 * "If drop-off at this step fell by X points" or "if CSAT here rose by X points": extra customers
 * carried through the later stages at their observed conversion, valued at the mean revenue and
 * CLV of the customers who reached the last stage; over `horizonDays` when asked (else over the
 * period the figures cover).
 */
export function journeyWhatIf(
	report: JourneyReport,
	cardId: string,
	input: { lever: WhatIfLever; points: number; horizonDays: number | null; minimumRespondents: number }
): JourneyWhatIf {
	const found = whatIfValues(report.funnel.steps);
	const values = { revenuePerFinalConversion: found.revenuePerFinalConversion ?? 0, clvPerFinalConversion: found.clvPerFinalConversion ?? 0 };
	const step = report.steps.find((s) => s.cardId === cardId);
	const taggedAnswers = step ? { csat: step.csat.n, ces: step.ces.n, nps: step.nps.n } : { csat: 0, ces: 0, nps: 0 };
	const estimate =
		input.lever === 'csat'
			? csatWhatIf(
					report.funnel.steps,
					{ stepId: cardId, csatPoints: input.points, ...report.respondents(cardId), minimumRespondents: input.minimumRespondents, taggedAnswers },
					values
				)
			: { ...whatIf(report.funnel.steps, { stepId: cardId, dropOffPoints: input.points }, values), csat: null };
	return { ...overHorizon(estimate, report.periodDays, input.horizonDays), lever: input.lever };
}
