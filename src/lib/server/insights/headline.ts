import { changeOf, periodBounds, previousPeriod, resolvePeriod, type DayPeriod } from '$lib/domain/insights/period';
import { ces, csat, isLowN, nps, periodActivityInSteps, type CesResult, type CsatResult, type NpsResult } from '../analytics';
import * as db from '../db';
import { finishStepwise } from '../stepwise';
import { yieldToEventLoop } from './cache';
import type { JourneyEvents } from './journey';

/*
 * The headline of the insights page: the customers who bought in a period, their CLV (by the
 * estimate the value page trusts), NPS / CSAT / CES of the answers given in it and the repeat
 * purchase rate — each beside the same figure of the period of the same length before it.
 */

export interface HeadlineQuery {
	/** YYYY-MM-DD; both null: the last 90 days of the workspace's data. */
	from: string | null;
	to: string | null;
	/** Only customers whose first event came through this channel (their entry channel); null = all. */
	channel: string | null;
	minimumRespondents: number;
}

export interface PeriodFigures {
	period: DayPeriod;
	/** Customers with a purchase in the period. */
	customers: number;
	/** Null when no CLV can be trusted (see HeadlineReport.clvModel). */
	clvTotal: number | null;
	clvMean: number | null;
	/** Customers whose CLV is known: the n of the mean. */
	clvN: number;
	clvLowN: boolean;
	nps: NpsResult;
	csat: CsatResult;
	ces: CesResult;
	repeatPurchaseRate: number;
	repeatBuyers: number;
	repeatLowN: boolean;
}

export interface HeadlineChange {
	customers: number | null;
	clvTotal: number | null;
	clvMean: number | null;
	nps: number | null;
	csat: number | null;
	ces: number | null;
	repeatPurchaseRate: number | null;
}

export interface HeadlineReport {
	minimumRespondents: number;
	channel: string | null;
	/** The model the CLV comes from; null when the data carries no trusted estimate (the CLV is then withheld). */
	clvModel: db.PersonaClvModel | null;
	current: PeriodFigures;
	previous: PeriodFigures;
	/** Current minus previous; null where either has no figure (no comparison). */
	change: HeadlineChange;
}

export interface HeadlineSources {
	clv: () => Promise<{ model: db.PersonaClvModel; values: Map<string, number> } | null>;
	/** The indexed events, asked only for an entry-channel cut. */
	events: () => Promise<JourneyEvents>;
	/** The last moment of the workspace's data when its transactions have none (events only). */
	lastEventAt: () => Promise<number | null>;
}

/** External ids of the customers whose first event came through `channel`. */
export function enteredThrough(events: JourneyEvents, channel: string): Set<string> {
	const { log } = events;
	const code = log.channels.indexOf(channel);
	const ids = new Set<string>();
	if (code < 0) return ids;
	for (let c = 0; c + 1 < log.customerStart.length; c++) {
		const first = log.customerStart[c]!;
		if (first < log.customerStart[c + 1]! && log.channel[first] === code) ids.add(events.externalIds[c]!);
	}
	return ids;
}

export async function computeHeadline(workspaceId: string, filter: db.RuleFilter | null, query: HeadlineQuery, sources: HeadlineSources): Promise<HeadlineReport> {
	const { columns, span } = await db.transactionData(workspaceId, filter);
	const lastAt = span?.to ?? (await sources.lastEventAt());
	const current = resolvePeriod(query, lastAt);
	const entered = query.channel ? enteredThrough(await sources.events(), query.channel) : null;
	let include: Uint8Array | null = null;
	if (entered) {
		include = new Uint8Array(columns.externalIds.length);
		columns.externalIds.forEach((id, index) => {
			if (entered.has(id)) include![index] = 1;
		});
	}
	const trusted = await sources.clv();
	const answers = db.surveyRows(workspaceId, filter).filter((a) => !entered || (a.customerId !== null && entered.has(a.customerId)));
	const options = { minimumRespondents: query.minimumRespondents };

	async function figures(period: DayPeriod): Promise<PeriodFigures> {
		const { from, to } = periodBounds(period);
		const activity = await finishStepwise(periodActivityInSteps(columns, columns.externalIds.length, from, to, include));
		const { customers, repeatBuyers } = activity;
		await yieldToEventLoop();
		let clvTotal = 0;
		let clvN = 0;
		if (trusted) {
			for (const c of customers) {
				const value = trusted.values.get(columns.externalIds[c]!);
				if (value !== undefined && Number.isFinite(value)) {
					clvTotal += value;
					clvN++;
				}
			}
		}
		const inPeriod = answers.filter((a) => a.occurredAt >= from && a.occurredAt <= to);
		const scores = (kind: db.SurveyRow['kind']) => inPeriod.filter((a) => a.kind === kind).map((a) => a.score);
		return {
			period,
			customers: customers.length,
			clvTotal: trusted ? clvTotal : null,
			clvMean: trusted && clvN > 0 ? clvTotal / clvN : null,
			clvN,
			clvLowN: isLowN(clvN, options),
			nps: nps(scores('nps'), options),
			csat: csat(scores('csat'), options),
			ces: ces(scores('ces'), options),
			repeatPurchaseRate: customers.length > 0 ? repeatBuyers / customers.length : Number.NaN,
			repeatBuyers,
			repeatLowN: isLowN(customers.length, options)
		};
	}

	const now = await figures(current);
	const before = await figures(previousPeriod(current));
	// A previous period nobody bought or answered in has nothing to compare with.
	const counted = (f: PeriodFigures, value: number | null) => (f.customers > 0 ? value : null);
	return {
		minimumRespondents: query.minimumRespondents,
		channel: query.channel,
		clvModel: trusted?.model ?? null,
		current: now,
		previous: before,
		change: {
			customers: changeOf(now.customers, counted(before, before.customers)),
			clvTotal: changeOf(now.clvTotal, counted(before, before.clvTotal)),
			clvMean: changeOf(now.clvMean, before.clvMean),
			nps: changeOf(now.nps.nps, before.nps.nps),
			csat: changeOf(now.csat.csat, before.csat.csat),
			ces: changeOf(now.ces.ces, before.ces.ces),
			repeatPurchaseRate: changeOf(now.repeatPurchaseRate, before.repeatPurchaseRate)
		}
	};
}
