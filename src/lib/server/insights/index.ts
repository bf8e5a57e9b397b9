import type { GroupRule } from '$lib/domain/groups';
import { TIME_UNIT_DAYS } from '../analytics';
import * as db from '../db';
import { requireBoard, requireWorkspace, roleAllows } from '../auth';
import { AppError, conflict, forbidden, insufficientData, notFound } from '../errors';
import { compileRule, requireGroup } from '../groups';
import { latestOnly, ResultCache, type Computation } from './cache';
import { computeCustomerValue, type ClvModel, type ClvQuery, type ClvReport } from './customer-value';
import { computeLoyalty, type LoyaltyQuery, type LoyaltyReport } from './loyalty';
import { computeRetention, type RetentionQuery, type RetentionReport } from './retention';
import { computeSatisfaction, type SatisfactionQuery, type SatisfactionReport } from './satisfaction';
import { computeJourney, eventTypeSummaries, journeyData, journeyEvents, journeyWhatIf, type JourneyEvents, type JourneyQuery, type JourneyReport, type JourneyWhatIf, type WhatIfLever } from './journey';
import { addDriverCause, journeySteps, readBoard, type DriverEvidence, type DriverTrait } from '$lib/domain/board';
import { collabServer } from '../collab';
import { eventTypeLabelsOf, labelledEventTypes, type WorkspaceEventType } from '../event-types';
import { periodBounds, resolvePeriod, type DayPeriod } from '$lib/domain/insights/period';
import { computeHeadline, type HeadlineQuery, type HeadlineReport } from './headline';
import { leaksOf, type BoardFigures, type LeaksReport } from './leaks';
import { needsRefresh, portfolioOf, type BoardOpportunities, type Portfolio, type Refreshed } from '$lib/domain/insights/portfolio';
import { boardMetricsQuerySchema } from '$lib/schemas';
import { computeValueWhere, type ValueSegmentSource, type ValueWhereQuery, type ValueWhereReport } from './value-where';
import { composeLoyaltySection, type LoyaltySectionReport } from './loyalty-section';
import { seriesPeriodOf } from '$lib/domain/insights/loyalty';
import { traitKey } from '$lib/domain/insights/drivers';
import { computeDropOffDrivers, profileColumnsOf, type DropOffDriversReport } from './drivers';
import type { ProfileColumn } from '../analytics/drivers/drivers';
import { MINIMUM_SEGMENT_CUSTOMERS } from '$lib/domain/insights/value-where';
import { computeChannels, type ChannelsQuery, type ChannelsReport } from './channels';
import { composeAims, type CrmAimsReport } from './aims';

export type { ClvReport, ClvCustomer, ClvModel } from './customer-value';
export { terminateValueFits } from './value-fits';
export type { LoyaltyReport } from './loyalty';
export type { RetentionReport } from './retention';
export type { SatisfactionReport, SatisfactionCut } from './satisfaction';
export type { JourneyReport, StepReport, JourneyWhatIf, WhatIfLever } from './journey';
export type { HeadlineReport, PeriodFigures } from './headline';
export type { LeaksReport } from './leaks';
export type { Portfolio } from '$lib/domain/insights/portfolio';
export type { ValueWhereReport, ValueSegment, ValueWhereFigures } from './value-where';
export type { LoyaltySectionReport } from './loyalty-section';
export type { DropOffDriversReport, Driver, DriverFeature } from './drivers';
export type { ChannelsReport } from './channels';
export type { CrmAimsReport } from './aims';

const results = new ResultCache();

/** How long a request waits for a computation before answering "still running" (202). */
const WAIT_MS = 2_000;

export type Pending = { status: 'running'; progress: number };
export type Answer<T> = { status: 'done'; result: T } | Pending;

/** Which customers an analysis is about: all of the workspace, a customer group, or a persona. */
export interface Cut {
	groupId?: string;
	personaId?: string;
}

interface Scope {
	datasetVersion: number;
	/** Names the cut in cache keys. */
	key: string;
	filter: db.RuleFilter | null;
}

/**
 * Who may see the analyses of a workspace (or of one of its groups or personas), and of which
 * data version. A persona is the customers its latest derivation assigned to it. Null when the
 * measures of a new dataset version are still being built after `waitMs`: the analysis is
 * "still running" (202) as when its own computation takes longer.
 */
async function scopeOf(user: db.User | null, workspaceId: string, cut: Cut | string | undefined, waitMs = Infinity): Promise<Scope | null> {
	const { groupId, personaId } = typeof cut === 'string' ? { groupId: cut, personaId: undefined } : (cut ?? {});
	requireWorkspace(user, workspaceId, 'data:read');
	let filter: db.RuleFilter | null = null;
	let key = '*';
	if (personaId) {
		const persona = db.findPersona(personaId);
		if (!persona || persona.workspaceId !== workspaceId) throw notFound('Persona');
		filter = { where: 'c.id in (select customer_id from persona_members where persona_id = ?)', params: [personaId] };
		// Its members are those of its latest derivation: a new derivation is a new cut.
		key = `p:${personaId}:${persona.derivationId ?? ''}`;
	} else if (groupId) {
		const { group } = requireGroup(user, groupId, 'data:read');
		if (group.workspaceId !== workspaceId) throw notFound('Group');
		filter = compileRule(group.rule as GroupRule);
		key = `g:${groupId}`;
	}
	const measures = await within(db.ensureMeasures(workspaceId), waitMs);
	return measures && { datasetVersion: measures.datasetVersion, key, filter };
}

/** What `work` gives within `waitMs`, else null (it goes on regardless). */
async function within<T>(work: Promise<T>, waitMs: number): Promise<T | null> {
	if (waitMs === Infinity) return work;
	let timer: NodeJS.Timeout | undefined;
	try {
		return await Promise.race([work, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), waitMs)))]);
	} finally {
		clearTimeout(timer);
	}
}

async function answer<T>(computation: Computation<T>, waitMs: number): Promise<Answer<T>> {
	if (!computation.settled) {
		let timer: NodeJS.Timeout | undefined;
		await Promise.race([
			computation.result.catch(() => {}),
			new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))
		]);
		clearTimeout(timer);
	}
	const settled = computation.settled;
	if (!settled) return { status: 'running', progress: computation.progress };
	if ('value' in settled) return { status: 'done', result: settled.value };
	// The models say what they lack in a RangeError; anything else is our bug.
	if (settled.error instanceof RangeError) throw insufficientData(`Not enough data: ${settled.error.message}`);
	if (settled.error instanceof AppError) throw settled.error;
	throw settled.error;
}

export interface ClvInput {
	model: ClvModel;
	groupId?: string;
	personaId?: string;
	calibrationEnd?: string;
	timeUnit: ClvQuery['timeUnit'];
	horizon?: number;
	discountRate?: number;
	/** Left out: the transactions' own margin when they carry one, else revenue. */
	margin?: number;
}

/** One year in the time unit, and 10% a year as a rate per time unit, unless asked otherwise. */
export function clvQueryOf(input: ClvInput): ClvQuery {
	const unitDays = TIME_UNIT_DAYS[input.timeUnit];
	return {
		model: input.model,
		timeUnit: input.timeUnit,
		calibrationEnd: input.calibrationEnd ? Date.parse(input.calibrationEnd) : null,
		horizon: input.horizon ?? Math.round(365.25 / unitDays),
		discountRate: input.discountRate ?? Math.pow(1.1, unitDays / 365.25) - 1,
		margin: input.margin ?? null
	};
}

export async function customerValue(
	user: db.User | null,
	workspaceId: string,
	input: ClvInput,
	waitMs = WAIT_MS
): Promise<Answer<ClvReport> & { mayListCustomers: boolean }> {
	const { role } = requireWorkspace(user, workspaceId, 'data:read');
	const query = clvQueryOf(input);
	// Assumptions belong to a group or the workspace; a persona's figures stay the data's own.
	if (query.model === 'formula' && !input.personaId) {
		const saved = db.findValueAssumption(workspaceId, input.groupId ?? null);
		if (saved) query.overrides = saved.overrides;
	}
	const result = await cached<ClvReport, ClvQuery>(user, workspaceId, { groupId: input.groupId, personaId: input.personaId }, 'clv', query, (filter, q, report) => computeCustomerValue(workspaceId, filter, q, report), waitMs);
	// Customer rows (even by external id) are for those who may see personal data.
	return { ...result, mayListCustomers: roleAllows(role, 'data:write') };
}

async function cached<T, Q>(
	user: db.User | null,
	workspaceId: string,
	cut: Cut | undefined,
	name: string,
	query: Q,
	compute: (filter: db.RuleFilter | null, query: Q, report: (progress: number) => void, datasetVersion: number) => Promise<T> | T,
	waitMs: number
): Promise<Answer<T>> {
	const scope = await scopeOf(user, workspaceId, cut, waitMs);
	if (!scope) return { status: 'running', progress: 0 };
	const key = `${workspaceId}:${scope.datasetVersion}:${name}:${scope.key}:${JSON.stringify(query)}`;
	return answer(
		results.get(key, async (report) => compute(scope.filter, query, report, scope.datasetVersion)),
		waitMs
	);
}

export const loyalty = (user: db.User | null, workspaceId: string, cut: Cut, query: LoyaltyQuery, waitMs = WAIT_MS) =>
	cached<LoyaltyReport, LoyaltyQuery>(user, workspaceId, cut, 'loyalty', query, (filter, q) => computeLoyalty(workspaceId, filter, q), waitMs);

export const satisfaction = (user: db.User | null, workspaceId: string, cut: Cut, query: SatisfactionQuery, waitMs = WAIT_MS) =>
	cached<SatisfactionReport, SatisfactionQuery>(user, workspaceId, cut, 'satisfaction', query, (filter, q) => computeSatisfaction(workspaceId, filter, q), waitMs);

export const retention = (user: db.User | null, workspaceId: string, cut: Cut, query: RetentionQuery, waitMs = WAIT_MS) =>
	cached<RetentionReport, RetentionQuery>(user, workspaceId, cut, 'retention', query, (filter, q) => computeRetention(workspaceId, filter, q), waitMs);

export interface ValueAssumptionView {
	groupId: string | null;
	overrides: db.FormulaOverrides;
	note: string;
	updatedAt: Date | null;
	updatedBy: string | null;
}

function assumptionView(groupId: string | null, row: db.ValueAssumption | undefined): ValueAssumptionView {
	return {
		groupId,
		overrides: row?.overrides ?? {},
		note: row?.note ?? '',
		updatedAt: row?.updatedAt ?? null,
		updatedBy: row?.updatedBy ? (db.findUserById(row.updatedBy)?.name ?? null) : null
	};
}

/** The CLV formula's factors set by hand for a group (or all customers). */
export async function valueAssumption(user: db.User | null, workspaceId: string, groupId: string | undefined): Promise<ValueAssumptionView> {
	await scopeOf(user, workspaceId, groupId);
	return assumptionView(groupId ?? null, db.findValueAssumption(workspaceId, groupId ?? null));
}

export async function setValueAssumption(
	user: db.User | null,
	workspaceId: string,
	input: { groupId?: string; overrides: db.FormulaOverrides; note: string }
): Promise<ValueAssumptionView> {
	const { user: actor } = requireWorkspace(user, workspaceId, 'analyses:write');
	await scopeOf(actor, workspaceId, input.groupId);
	const row = db.saveValueAssumption(workspaceId, input.groupId ?? null, { overrides: input.overrides, note: input.note, updatedBy: actor.id });
	return assumptionView(input.groupId ?? null, row);
}

/**
 * The event types a board's steps can bind to: its workspace's events', with counts, channels and
 * names. Counted from the indexed events the figures walk (read in worker threads), not by a
 * GROUP BY over every event on this thread.
 */
export async function boardEventTypes(user: db.User | null, boardId: string): Promise<WorkspaceEventType[]> {
	const { workspace, role } = requireBoard(user, boardId, 'boards:read');
	if (!roleAllows(role, 'data:read')) throw forbidden();
	return labelledEventTypes(workspace.id, await eventTypeSummaries(workspace.id, db.datasetVersion(workspace.id)));
}

/** Every event type of a workspace with the names people see: those in its events, then those only named. */
export async function workspaceEventTypes(user: db.User | null, workspaceId: string): Promise<WorkspaceEventType[]> {
	requireWorkspace(user, workspaceId, 'data:read');
	return labelledEventTypes(workspaceId, await eventTypeSummaries(workspaceId, db.datasetVersion(workspaceId)), { namedToo: true });
}

/** Each customer's CLV (by external id) and the model it comes from. */
export interface TrustedClv {
	model: db.PersonaClvModel;
	values: Map<string, number>;
}

/**
 * Each customer's CLV by the estimate the value page trusts: BG/NBD + Gamma-Gamma when their
 * fits are usable, else the pooled formula (with the workspace's saved assumptions) — so that a
 * refused fit never reaches a journey step or a persona as a value. Null when the data can carry
 * neither. For value at risk and persona values; the same cache entries as the value page.
 */
export async function trustedClv(workspaceId: string, datasetVersion: number): Promise<TrustedClv | null> {
	const trusted = await trustedClvReport(workspaceId, datasetVersion);
	return trusted && { model: trusted.model, values: new Map(trusted.report.customers.map((c) => [c.externalId, c.clv])) };
}

/** The value page's report of the trusted model (as trustedClv chooses it), with every customer's current and potential value. */
export async function trustedClvReport(workspaceId: string, datasetVersion: number): Promise<{ model: db.PersonaClvModel; report: ClvReport } | null> {
	for (const model of db.personaClvModels) {
		const query = clvQueryOf({ model, timeUnit: 'week', margin: 1 });
		if (model === 'formula') {
			const saved = db.findValueAssumption(workspaceId, null);
			if (saved) query.overrides = saved.overrides;
		}
		const key = `${workspaceId}:${datasetVersion}:clv:*:${JSON.stringify(query)}`;
		try {
			const report = await results.get(key, (progress) => computeCustomerValue(workspaceId, null, query, progress)).result;
			if (report.verdict.status === 'usable') return { model, report };
		} catch (error) {
			// A model says what the data lacks in a RangeError (an AppError once answered): the next one is tried.
			if (!(error instanceof AppError || error instanceof RangeError)) throw error;
		}
	}
	return null;
}

export interface JourneyInput extends Omit<JourneyQuery, 'channel'> {
	groupId?: string;
	personaId?: string;
	channel?: string;
}

/** Per customer of the log: 1 when in the cut; null for everyone. */
async function includeOf(events: JourneyEvents, workspaceId: string, filter: db.RuleFilter | null): Promise<Uint8Array | null> {
	if (!filter) return null;
	const include = new Uint8Array(events.log.customerCount);
	for (const id of await db.groupMemberIds(workspaceId, filter)) {
		const index = events.indexOf.get(id);
		if (index !== undefined) include[index] = 1;
	}
	return include;
}

async function journeyOf(user: db.User | null, boardId: string, input: JourneyInput, waitMs: number) {
	const { board, workspace, role } = requireBoard(user, boardId, 'boards:read');
	if (!roleAllows(role, 'data:read')) throw forbidden();
	// The events do not depend on the customer measures: their read starts first (in worker
	// threads), so that a new dataset version's measures are built here meanwhile (scopeOf).
	const version = db.datasetVersion(workspace.id);
	const data = (datasetVersion: number) => journeyData(workspace.id, datasetVersion, () =>
			// A defect in the CLV leaves the steps without a value, not the board without figures.
			trustedClv(workspace.id, datasetVersion).catch((error) => {
				console.error(`[insights] CLV for the journey of ${workspace.id} failed`, error);
				return null;
			})
		);
	data(version).catch(() => {});
	const scope = await scopeOf(user, workspace.id, { groupId: input.groupId, personaId: input.personaId }, waitMs);
	// Names, not figures: read with every answer, so a renamed event type shows without recomputing.
	const names = () => ({ groups: db.listGroups(workspace.id).map(({ id, name }) => ({ id, name })), eventTypeLabels: eventTypeLabelsOf(workspace.id) });
	if (!scope) return { answer: { status: 'running', progress: 0 } as Answer<JourneyReport>, ...names() };
	const steps = journeySteps(readBoard(collabServer().openRoom(board.id, workspace.id).doc));
	const query: JourneyQuery = {
		from: input.from,
		to: input.to,
		withinDays: input.withinDays,
		channel: input.channel ?? null,
		minimumRespondents: input.minimumRespondents
	};
	const key = `${workspace.id}:${scope.datasetVersion}:journey:${scope.key}:${JSON.stringify({ steps, query })}`;
	const computation = results.get(key, async () => {
		const events = await data(scope.datasetVersion);
		const include = await includeOf(events, workspace.id, scope.filter);
		return computeJourney(events, steps, { include, answers: db.surveyRows(workspace.id, scope.filter), query });
	});
	return { answer: await answer(computation, waitMs), ...names() };
}

/** The figures of a board's measured steps, for all customers or a group, in a time window. */
export async function boardMetrics(user: db.User | null, boardId: string, input: JourneyInput, waitMs = WAIT_MS) {
	const { answer: result, groups, eventTypeLabels } = await journeyOf(user, boardId, input, waitMs);
	return { ...result, groups, eventTypeLabels };
}

/**
 * "If drop-off at this step fell by X points" or "if its CSAT rose by X points": computed on the
 * same figures as the board shows, over the period they cover or a horizon.
 */
export async function boardWhatIf(
	user: db.User | null,
	boardId: string,
	input: JourneyInput & { cardId: string; lever: WhatIfLever; points: number; horizonDays: number | null },
	waitMs = WAIT_MS
): Promise<Answer<JourneyWhatIf & { report: JourneyReport }>> {
	const { answer: result } = await journeyOf(user, boardId, input, waitMs);
	if (result.status === 'running') return result;
	if (!result.result.steps.some((s) => s.cardId === input.cardId)) throw notFound('Measured step');
	const estimate = journeyWhatIf(result.result, input.cardId, { lever: input.lever, points: input.points, horizonDays: input.horizonDays, minimumRespondents: input.minimumRespondents });
	return { status: 'done', result: { ...estimate, report: result.result } };
}

/** The filters of the insights page: a cut, a period (YYYY-MM-DD days) and an entry channel. */
export interface InsightsInput extends Cut {
	from?: string;
	to?: string;
	channel?: string;
	minimumRespondents: number;
}

/** The headline figures of a period and the period of the same length before it. */
export const headline = (user: db.User | null, workspaceId: string, input: InsightsInput, waitMs = WAIT_MS) =>
	cached<HeadlineReport, HeadlineQuery>(
		user,
		workspaceId,
		{ groupId: input.groupId, personaId: input.personaId },
		'headline',
		{ from: input.from ?? null, to: input.to ?? null, channel: input.channel ?? null, minimumRespondents: input.minimumRespondents },
		(filter, query, _report, version) =>
			computeHeadline(workspaceId, filter, query, {
				// As on the maps: a defect in the CLV withholds it, not the other headline figures.
				clv: () =>
					trustedClv(workspaceId, version).catch((error) => {
						console.error(`[insights] CLV for the headline of ${workspaceId} failed`, error);
						return null;
					}),
				events: () => journeyEvents(workspaceId, version),
				lastEventAt: async () => (await journeyEvents(workspaceId, version)).lastEventAt
			}),
		waitMs
	);

/** The workspace's customer groups and their current personas, as the value is split by them. */
function valueSegments(workspaceId: string): ValueSegmentSource[] {
	return db.listGroups(workspaceId).flatMap((group) => [
		{ kind: 'group' as const, id: group.id, name: group.name, groupId: group.id, filter: compileRule(group.rule as GroupRule) },
		...db.listPersonas(group.id).map((persona) => ({
			kind: 'persona' as const,
			id: persona.id,
			name: persona.name,
			groupId: group.id,
			derivationId: persona.derivationId,
			filter: { where: 'c.id in (select customer_id from persona_members where persona_id = ?)', params: [persona.id] }
		}))
	]);
}

/** Where the value is: the trusted CLV of the period's customers by group, persona and value action, and its concentration. */
export const valueWhere = (user: db.User | null, workspaceId: string, input: InsightsInput, waitMs = WAIT_MS) => {
	requireWorkspace(user, workspaceId, 'data:read');
	const segments = valueSegments(workspaceId);
	// The workspace's setting is part of the question: a changed minimum is computed anew.
	const minimumSegmentCustomers = db.minimumSegmentCustomers(workspaceId) ?? MINIMUM_SEGMENT_CUSTOMERS;
	// A changed group rule or a new persona derivation is a new question, not the cached answer.
	const segmentKey = segments.map(({ kind, id, name, filter, derivationId }) => ({ kind, id, name, filter, derivationId }));
	return cached<ValueWhereReport, ValueWhereQuery & { segments: typeof segmentKey }>(
		user,
		workspaceId,
		{ groupId: input.groupId, personaId: input.personaId },
		'value-where',
		{ from: input.from ?? null, to: input.to ?? null, channel: input.channel ?? null, minimumRespondents: input.minimumRespondents, minimumSegmentCustomers, segments: segmentKey },
		(filter, query, _report, version) =>
			computeValueWhere(workspaceId, filter, query, {
				clv: async () => {
					try {
						const trusted = await trustedClvReport(workspaceId, version);
						return trusted && { model: trusted.model, customers: trusted.report.customers };
					} catch (error) {
						// As on the headline: a defect in the CLV withholds the figures, it does not break the page.
						console.error(`[insights] CLV for the value section of ${workspaceId} failed`, error);
						return null;
					}
				},
				events: () => journeyEvents(workspaceId, version),
				lastEventAt: async () => (await journeyEvents(workspaceId, version)).lastEventAt,
				segments
			}),
		waitMs
	);
};

/** The first and last moments of the transactions, read (in a worker thread) once per dataset version. */
const spans = latestOnly<{ from: number; to: number } | null>();
const transactionSpanOf = (workspaceId: string, version: number) => spans(workspaceId, version, () => db.transactionSpan(workspaceId));

/** The period the insights cover: as asked, else the last 90 days of the data (as the headline resolves it). */
async function insightsPeriod(workspaceId: string, input: InsightsInput): Promise<DayPeriod> {
	const asked = { from: input.from ?? null, to: input.to ?? null };
	if (asked.from && asked.to) return resolvePeriod(asked, null);
	const span = await transactionSpanOf(workspaceId, db.datasetVersion(workspaceId));
	const lastAt = span?.to ?? (await journeyEvents(workspaceId, db.datasetVersion(workspaceId))).lastEventAt;
	return resolvePeriod(asked, lastAt);
}

function memberNames(workspaceId: string): Map<string, string> {
	const names = new Map<string, string>();
	let cursor: string | null = null;
	do {
		const page = db.listMembers(workspaceId, { limit: 100, cursor });
		for (const member of page.items) names.set(member.userId, member.name);
		cursor = page.nextCursor;
	} while (cursor);
	return names;
}

function workspaceBoards(workspaceId: string): db.Board[] {
	const boards: db.Board[] = [];
	let cursor: string | null = null;
	do {
		const page = db.listBoards(workspaceId, { limit: 100, cursor });
		boards.push(...page.items);
		cursor = page.nextCursor;
	} while (cursor);
	return boards;
}

/**
 * Every measured step of every map of the workspace, ranked by value at risk. Each map's figures
 * are its metrics lane's (the same cached computation, in worker threads and steps), asked for
 * one map after another; "still running" with the share of maps done while one is computing.
 */
export async function leaks(user: db.User | null, workspaceId: string, input: InsightsInput, waitMs = WAIT_MS): Promise<Answer<LeaksReport>> {
	requireWorkspace(user, workspaceId, 'data:read');
	const period = await insightsPeriod(workspaceId, input);
	const journeyInput: JourneyInput = { ...input, ...periodBounds(period), withinDays: 7 };
	const boards = workspaceBoards(workspaceId);
	const deadline = Date.now() + waitMs;
	const figures: BoardFigures[] = [];
	for (const [index, board] of boards.entries()) {
		const metrics = await boardMetrics(user, board.id, journeyInput, Math.max(0, deadline - Date.now()));
		if (metrics.status === 'running') return { status: 'running', progress: (index + metrics.progress) / boards.length };
		figures.push({ board, snapshot: readBoard(collabServer().openRoom(board.id, workspaceId).doc), report: metrics.result });
	}
	return { status: 'done', result: leaksOf(figures, { period, channel: input.channel ?? null, minimumRespondents: input.minimumRespondents }) };
}

/**
 * Every opportunity card of every map, valued by its attached what-if. A what-if computed on an
 * earlier import is asked again (as the map's badge does) for the same step, question and cut;
 * one whose step, group or persona is gone is withheld. "Still running" with the share of maps
 * done while a recomputation takes longer than `waitMs`.
 */
export async function opportunities(user: db.User | null, workspaceId: string, waitMs = WAIT_MS): Promise<Answer<Portfolio>> {
	requireWorkspace(user, workspaceId, 'data:read');
	const version = db.datasetVersion(workspaceId);
	// The map's badges ask with the metrics' defaults (window, minimum respondents): so does this.
	const { withinDays, minimumRespondents } = boardMetricsQuerySchema.parse({});
	const boards = workspaceBoards(workspaceId);
	const deadline = Date.now() + waitMs;
	const collected: BoardOpportunities[] = [];
	for (const [index, board] of boards.entries()) {
		const snapshot = readBoard(collabServer().openRoom(board.id, workspaceId).doc);
		const refreshed = new Map<string, Refreshed>();
		const outdated = snapshot.cards.filter((card) => card.type === 'opportunity' && card.estimate && needsRefresh(snapshot, card.estimate, version));
		for (const [done, card] of outdated.entries()) {
			const { stepCardId, lever, points, horizonDays, groupId, personaId, channel } = card.estimate!;
			try {
				const answer = await boardWhatIf(
					user,
					board.id,
					{ groupId: groupId ?? undefined, personaId: personaId ?? undefined, channel: channel ?? undefined, from: null, to: null, withinDays, minimumRespondents, cardId: stepCardId, lever, points, horizonDays },
					Math.max(0, deadline - Date.now())
				);
				if (answer.status === 'running') return { status: 'running', progress: (index + done / outdated.length) / boards.length };
				const { extraClv, extraFinalConversions, extraRevenue, report } = answer.result;
				refreshed.set(card.id, { figures: { extraClv, extraFinalConversions, extraRevenue, computedAt: report.computedAt, datasetVersion: report.datasetVersion } });
			} catch (error) {
				// The step, its group or persona is gone, or the data no longer carries the question.
				if (error instanceof AppError && (error.status === 404 || error.status === 422)) refreshed.set(card.id, 'step-gone');
				else throw error;
			}
		}
		collected.push({ board: { id: board.id, title: board.title }, snapshot, refreshed });
	}
	return { status: 'done', result: portfolioOf(collected, memberNames(workspaceId)) };
}

/** The /analytics/retention defaults: twelve periods ahead, 2.5% discount per period. */
const LOYALTY_RETENTION = { periods: 12, discountRate: 0.025 };

/**
 * Loyalty and satisfaction for the insights filters: the satisfaction, loyalty and retention
 * reports of the cut (their cached computations, in steps), per month or quarter by the period's
 * length. Too little data for a retention model withholds only that part.
 */
export async function loyaltySection(user: db.User | null, workspaceId: string, input: InsightsInput, waitMs = WAIT_MS): Promise<Answer<LoyaltySectionReport>> {
	requireWorkspace(user, workspaceId, 'data:read');
	const period = await insightsPeriod(workspaceId, input);
	const seriesPeriod = seriesPeriodOf(period);
	const cut = { groupId: input.groupId, personaId: input.personaId };
	const { minimumRespondents } = input;
	const deadline = Date.now() + waitMs;
	const left = () => Math.max(0, deadline - Date.now());
	const satisfied = await satisfaction(user, workspaceId, cut, { period: seriesPeriod, minimumRespondents }, left());
	if (satisfied.status === 'running') return { status: 'running', progress: satisfied.progress / 3 };
	const loyal = await loyalty(user, workspaceId, cut, { timeUnit: 'week', cohortPeriod: seriesPeriod, minimumRespondents }, left());
	if (loyal.status === 'running') return { status: 'running', progress: (1 + loyal.progress) / 3 };
	let retained: Answer<RetentionReport> | { problem: string };
	try {
		retained = await retention(user, workspaceId, cut, { period: seriesPeriod, ...LOYALTY_RETENTION }, left());
	} catch (error) {
		if (!(error instanceof AppError && error.status === 422)) throw error;
		retained = { problem: error.message };
	}
	if ('status' in retained && retained.status === 'running') return { status: 'running', progress: (2 + retained.progress) / 3 };
	return {
		status: 'done',
		result: composeLoyaltySection({
			period,
			seriesPeriod,
			channel: input.channel ?? null,
			minimumRespondents,
			satisfaction: satisfied.result,
			loyalty: loyal.result,
			retention: 'status' in retained ? retained.result : retained
		})
	};
}

/** The customers' profile columns of the latest dataset version per workspace, in the log's order. */
const profileColumns = latestOnly<ProfileColumn[]>();
const profilesOf = (workspaceId: string, events: JourneyEvents) =>
	profileColumns(workspaceId, events.datasetVersion, async () => profileColumnsOf(events, await db.customerProfilesOffLoop(workspaceId)));

/**
 * What the customers who dropped off at a step did or were, against those who went on: the
 * step's customers as "Where it leaks" counts them (same period, cut, entry channel and window).
 */
export async function dropOffDrivers(
	user: db.User | null,
	workspaceId: string,
	input: InsightsInput & { boardId: string; cardId: string },
	waitMs = WAIT_MS
): Promise<Answer<DropOffDriversReport>> {
	const { board, workspace, role } = requireBoard(user, input.boardId, 'boards:read');
	if (workspace.id !== workspaceId) throw notFound('Board');
	if (!roleAllows(role, 'data:read')) throw forbidden();
	const period = await insightsPeriod(workspaceId, input);
	const snapshot = readBoard(collabServer().openRoom(board.id, workspaceId).doc);
	const steps = journeySteps(snapshot);
	if (!steps.some((step) => step.cardId === input.cardId)) throw notFound('Measured step');
	const stepText = snapshot.cards.find((card) => card.id === input.cardId)?.text ?? '';
	// The leaks' window (see `leaks`): a week between stages.
	const query: JourneyQuery = { ...periodBounds(period), withinDays: 7, channel: input.channel ?? null, minimumRespondents: input.minimumRespondents };
	return cached<DropOffDriversReport, { boardId: string; cardId: string; steps: typeof steps; query: JourneyQuery }>(
		user,
		workspaceId,
		{ groupId: input.groupId, personaId: input.personaId },
		'drivers',
		{ boardId: board.id, cardId: input.cardId, steps, query },
		async (filter, q, _report, version) => {
			const events = await journeyEvents(workspaceId, version);
			const [include, profiles] = await Promise.all([includeOf(events, workspaceId, filter), profilesOf(workspaceId, events)]);
			return computeDropOffDrivers({ events, steps: q.steps, cardId: q.cardId, include, query: q.query, profiles, board: { id: board.id, title: board.title }, stepText, period });
		},
		waitMs
	);
}

const DRIVER_ORIGIN = 'insights:drivers';

/**
 * Adds a drop-off driver of a step to its map as a drop-off cause card that keeps the driver's
 * figures. The figures are the server's own (found again for the same filters), never the
 * caller's; only a clear driver (its interval leaves out 1) can be added.
 */
export async function addDriverAsCause(
	user: db.User | null,
	workspaceId: string,
	input: InsightsInput & { boardId: string; cardId: string; trait: DriverTrait; text: string; laneTitle: string }
): Promise<{ cardId: string }> {
	const { user: actor, workspace } = requireBoard(user, input.boardId, 'boards:write');
	if (workspace.id !== workspaceId) throw notFound('Board');
	const answer = await dropOffDrivers(user, workspaceId, input);
	if (answer.status === 'running') throw conflict('The drivers are still being computed: try again in a moment');
	const report = answer.result;
	const driver = report.drivers.find((d) => d.clear && traitKey(d.feature) === traitKey(input.trait));
	if (!driver) throw notFound('Driver');
	const evidence: DriverEvidence = {
		stepCardId: input.cardId,
		trait: driver.feature,
		oddsRatio: driver.oddsRatio,
		low: driver.low,
		high: driver.high,
		dropOffWith: driver.dropOffWith,
		dropOffWithout: driver.dropOffWithout,
		customersWith: driver.with.customers,
		customersWithout: driver.without.customers,
		period: report.period,
		groupId: input.groupId ?? null,
		personaId: input.personaId ?? null,
		channel: report.channel,
		computedAt: report.computedAt,
		datasetVersion: report.datasetVersion
	};
	const doc = collabServer().openRoom(input.boardId, workspaceId).doc;
	try {
		return { cardId: addDriverCause(doc, { stepCardId: input.cardId, text: input.text, evidence, laneTitle: input.laneTitle, createdBy: actor.id }, DRIVER_ORIGIN) };
	} catch (error) {
		// The step was deleted or unbound on the map since the drivers were computed.
		if (error instanceof Error && /does not exist|not a journey step/.test(error.message)) throw notFound('Measured step');
		throw error;
	}
}

/**
 * Channels: reach, conversion and the trusted CLV by channel, online against offline, and the
 * channel combinations of the period's customers (of the cut, entered through the channel).
 */
export const channelsSection = (user: db.User | null, workspaceId: string, input: InsightsInput, waitMs = WAIT_MS) =>
	cached<ChannelsReport, ChannelsQuery>(
		user,
		workspaceId,
		{ groupId: input.groupId, personaId: input.personaId },
		'channels',
		{ from: input.from ?? null, to: input.to ?? null, channel: input.channel ?? null, minimumRespondents: input.minimumRespondents },
		(filter, query, _report, version) =>
			computeChannels(workspaceId, filter, query, {
				// As on the headline: a defect in the CLV withholds the values, not the counts.
				clv: () =>
					trustedClv(workspaceId, version).catch((error) => {
						console.error(`[insights] CLV for the channels of ${workspaceId} failed`, error);
						return null;
					}),
				events: () => journeyEvents(workspaceId, version)
			}),
		waitMs
	);

/**
 * The four aims of CRM, composed from the headline, the loyalty report (its acquisition cohorts,
 * per month or quarter as the loyalty section asks) and "where the value is" of this period and
 * the one before: the same cached computations as those sections, nothing computed twice.
 */
export async function aimsSection(user: db.User | null, workspaceId: string, input: InsightsInput, waitMs = WAIT_MS): Promise<Answer<CrmAimsReport>> {
	const deadline = Date.now() + waitMs;
	const left = () => Math.max(0, deadline - Date.now());
	const head = await headline(user, workspaceId, input, left());
	if (head.status === 'running') return { status: 'running', progress: head.progress / 4 };
	const { current, previous } = head.result;
	const seriesPeriod = seriesPeriodOf(current.period);
	const cut = { groupId: input.groupId, personaId: input.personaId };
	const loyal = await loyalty(user, workspaceId, cut, { timeUnit: 'week', cohortPeriod: seriesPeriod, minimumRespondents: input.minimumRespondents }, left());
	if (loyal.status === 'running') return { status: 'running', progress: (1 + loyal.progress) / 4 };
	// Asked as the value section asks (its cache entry), not with the period it resolved to.
	const value = await valueWhere(user, workspaceId, input, left());
	if (value.status === 'running') return { status: 'running', progress: (2 + value.progress) / 4 };
	const before = await valueWhere(user, workspaceId, { ...input, ...previous.period }, left());
	if (before.status === 'running') return { status: 'running', progress: (3 + before.progress) / 4 };
	return {
		status: 'done',
		result: composeAims({ minimumRespondents: input.minimumRespondents, seriesPeriod, headline: head.result, loyalty: loyal.result, value: value.result, previousValue: before.result })
	};
}

/** Forgets a deleted workspace's results at once rather than letting them age out. */
export function forgetWorkspace(workspaceId: string): void {
	results.forgetWorkspace(workspaceId);
	profileColumns.forget(workspaceId);
	spans.forget(workspaceId);
}
