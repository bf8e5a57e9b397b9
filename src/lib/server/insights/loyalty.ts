import {
	behaviouralLoyalty,
	cohortRetentionInSteps,
	loyaltyMatrix,
	nps,
	npsByGroup,
	summarizeTransactionsInSteps,
	type BehaviouralLoyalty,
	type CalendarPeriod,
	type CohortRetention,
	type CustomerSummary,
	type Grouped,
	type LoyaltyMatrix,
	type NpsResult,
	type TimeUnit
} from '../analytics';
import * as db from '../db';
import { finishStepwise, type Stepwise } from '../stepwise';
import { yieldToEventLoop } from './cache';

/*
 * Loyalty of a workspace or group, attitudinal and behavioural (DOMAIN.md: "Satisfaction,
 * bonding, trust, loyalty"): NPS, repeat purchase and frequency, retention per acquisition
 * cohort, and where a customer has both an NPS answer and purchases, the loyalty 2×2 —
 * attitude = their latest NPS answer is a promoter's (9–10), behaviour = they bought again.
 */

export interface LoyaltyQuery {
	timeUnit: TimeUnit;
	cohortPeriod: CalendarPeriod;
	minimumRespondents: number;
}

export interface LoyaltyReport {
	timeUnit: TimeUnit;
	cohortPeriod: CalendarPeriod;
	minimumRespondents: number;
	nps: NpsResult;
	npsByChannel: Grouped<NpsResult>[];
	behavioural: BehaviouralLoyalty;
	/** The latest cohorts first would hide the old ones' long tails: oldest first, at most 36. */
	cohorts: CohortRetention[];
	loyaltyMatrix: LoyaltyMatrix;
}

const MAX_COHORTS = 36;

/** Customers per step of attitudeAndBehaviourInSteps. */
const STEP_CUSTOMERS = 20_000;

/** For each customer (in the summaries' order) with an NPS answer: promoter or not, bought again or not. */
function* attitudeAndBehaviourInSteps(summaries: readonly CustomerSummary[], latest: ReadonlyMap<string, { score: number }>): Stepwise<{ attitudinal: boolean; behavioural: boolean }[]> {
	const both: { attitudinal: boolean; behavioural: boolean }[] = [];
	for (let i = 0; i < summaries.length; i++) {
		const s = summaries[i]!;
		const answer = latest.get(s.customerId);
		if (answer) both.push({ attitudinal: answer.score >= 9, behavioural: s.x > 0 });
		if ((i + 1) % STEP_CUSTOMERS === 0) yield;
	}
	return both;
}

export async function computeLoyalty(workspaceId: string, filter: db.RuleFilter | null, query: LoyaltyQuery): Promise<LoyaltyReport> {
	const options = { minimumRespondents: query.minimumRespondents };
	const { columns, span } = await db.transactionData(workspaceId, filter);
	const answers = db.surveyRows(workspaceId, filter).filter((a) => a.kind === 'nps');

	const log = db.transactionLog(columns);
	const summaries = span ? await finishStepwise(summarizeTransactionsInSteps(log, { calibrationEnd: span.to, timeUnit: query.timeUnit })) : [];
	const cohorts = span
		? await finishStepwise(cohortRetentionInSteps(columns, columns.externalIds.length, { period: query.cohortPeriod, observationEnd: span.to }))
		: [];
	await yieldToEventLoop();

	const latest = new Map<string, { at: number; score: number }>();
	for (const answer of answers) {
		if (!answer.customerId) continue;
		const known = latest.get(answer.customerId);
		if (!known || answer.occurredAt > known.at) latest.set(answer.customerId, { at: answer.occurredAt, score: answer.score });
	}
	const both = await finishStepwise(attitudeAndBehaviourInSteps(summaries, latest));

	return {
		timeUnit: query.timeUnit,
		cohortPeriod: query.cohortPeriod,
		minimumRespondents: query.minimumRespondents,
		nps: nps(answers.map((a) => a.score), options),
		npsByChannel: npsByGroup(answers, (a) => a.channel ?? '', options),
		behavioural: behaviouralLoyalty(summaries),
		cohorts: cohorts.slice(-MAX_COHORTS),
		loyaltyMatrix: loyaltyMatrix(both, options)
	};
}
