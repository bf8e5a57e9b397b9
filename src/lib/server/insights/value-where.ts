import { actionSplit, segmentValue, type ActionSplit, type SegmentValue } from '$lib/domain/insights/value-where';
import { periodBounds, resolvePeriod, type DayPeriod } from '$lib/domain/insights/period';
import { concentrationInSteps, isLowN, periodActivityInSteps, quantileSorted, type CurvePoint } from '../analytics';
import * as db from '../db';
import { finishStepwise } from '../stepwise';
import { yieldToEventLoop } from './cache';
import type { ClvCustomer } from './customer-value';
import { enteredThrough, type HeadlineQuery } from './headline';
import type { JourneyEvents } from './journey';

/*
 * "Where is our value?" on the insights page: the trusted CLV of the customers who bought in the
 * period (of the cut, and entered through the channel) by customer group and persona, how it is
 * concentrated (the 20/80 curve), and by value action — keep, develop, loss-making — with what
 * the loss-making customers cost and current against potential value where share of wallet is known.
 */

/** The headline's filters, and the workspace's fewest customers a group or persona needs to show figures. */
export type ValueWhereQuery = HeadlineQuery & { minimumSegmentCustomers: number };

/** A customer group or persona whose members the value is split by. */
export interface ValueSegmentSource {
	kind: 'group' | 'persona';
	id: string;
	name: string;
	/** The group of a persona. */
	groupId: string;
	/** A persona's latest derivation (its members change with it); null for a group or a hand-made persona. */
	derivationId?: string | null;
	filter: db.RuleFilter;
}

export interface ValueSegment extends Omit<ValueSegmentSource, 'filter'> {
	value: SegmentValue;
}

export interface ValueWhereFigures {
	/** Customers with a purchase in the period whose CLV is known: the n of every figure. */
	customers: number;
	/** Fewer customers than the page's minimum: every figure is marked as resting on few. */
	lowN: boolean;
	total: number;
	mean: number | null;
	segments: ValueSegment[];
	/** Share of customers (largest first) against share of value; empty when the total is not positive. */
	pareto: CurvePoint[];
	topFraction: number;
	/** Share of the value held by the top `topFraction` of customers; null when the total is not positive. */
	topShare: number | null;
	actions: ActionSplit;
	/** Current and potential value of the customers whose potential rests on their share of wallet; null without any. */
	wallet: { customers: number; current: number; potential: number; medianShare: number | null } | null;
}

export interface ValueWhereReport {
	period: DayPeriod;
	channel: string | null;
	minimumSegmentCustomers: number;
	/** Null: no CLV can be trusted, and `figures` is null with it. */
	clvModel: db.PersonaClvModel | null;
	figures: ValueWhereFigures | null;
}

export interface ValueWhereSources {
	/** The customers of the trusted CLV report, or null when neither model is usable. */
	clv: () => Promise<{ model: db.PersonaClvModel; customers: readonly ClvCustomer[] } | null>;
	events: () => Promise<JourneyEvents>;
	lastEventAt: () => Promise<number | null>;
	segments: readonly ValueSegmentSource[];
}

/** External ids of the customers with a row in the columns (the numbering covers more customers than the rows of a group). */
async function buyersOf(columns: db.TransactionColumns): Promise<Set<string>> {
	const ids = new Set<string>();
	for (let row = 0; row < columns.customer.length; row++) {
		ids.add(columns.externalIds[columns.customer[row]!]!);
		if ((row + 1) % STEP_ROWS === 0) await yieldToEventLoop();
	}
	return ids;
}

/** Rows per step of buyersOf: well under the server's ~100 ms a step. */
const STEP_ROWS = 100_000;

export async function computeValueWhere(workspaceId: string, filter: db.RuleFilter | null, query: ValueWhereQuery, sources: ValueWhereSources): Promise<ValueWhereReport> {
	const { columns, span } = await db.transactionData(workspaceId, filter);
	const period = resolvePeriod(query, span?.to ?? (await sources.lastEventAt()));
	const base = { period, channel: query.channel, minimumSegmentCustomers: query.minimumSegmentCustomers };
	const trusted = await sources.clv();
	if (!trusted) return { ...base, clvModel: null, figures: null };

	const entered = query.channel ? enteredThrough(await sources.events(), query.channel) : null;
	let include: Uint8Array | null = null;
	if (entered) {
		include = new Uint8Array(columns.externalIds.length);
		columns.externalIds.forEach((id, index) => {
			if (entered.has(id)) include![index] = 1;
		});
	}
	const { from, to } = periodBounds(period);
	const activity = await finishStepwise(periodActivityInSteps(columns, columns.externalIds.length, from, to, include));
	await yieldToEventLoop();
	const inPeriod = new Set(activity.customers.map((c) => columns.externalIds[c]!));
	const chosen = trusted.customers.filter((c) => inPeriod.has(c.externalId) && Number.isFinite(c.clv));
	const values = new Map(chosen.map((c) => [c.externalId, c.clv]));
	const total = chosen.reduce((sum, c) => sum + c.clv, 0);
	await yieldToEventLoop();

	const segments: ValueSegment[] = [];
	for (const { filter: segmentFilter, derivationId: _derivation, ...segment } of sources.segments) {
		segments.push({ ...segment, value: segmentValue(await buyersOf((await db.transactionData(workspaceId, segmentFilter)).columns), values, total, query.minimumSegmentCustomers) });
		await yieldToEventLoop();
	}

	const spread = await finishStepwise(concentrationInSteps(chosen.map((c) => c.clv)));
	const actions = actionSplit(chosen.map((c) => ({ currentValue: c.currentValue, potentialValue: c.potentialValue, action: c.action, fromShareOfWallet: c.potentialValue !== null && c.currentValue > 0 })));
	let wallet: ValueWhereFigures['wallet'] = null;
	const shares: number[] = [];
	for (const c of chosen) {
		if (c.potentialValue === null || !(c.currentValue > 0)) continue;
		wallet ??= { customers: 0, current: 0, potential: 0, medianShare: null };
		wallet.customers++;
		wallet.current += c.currentValue;
		wallet.potential += c.potentialValue;
		if (c.shareOfWallet !== null) shares.push(c.shareOfWallet);
	}
	if (wallet && shares.length > 0) wallet.medianShare = quantileSorted(shares.sort((a, b) => a - b), 0.5);
	return {
		...base,
		clvModel: trusted.model,
		figures: {
			customers: chosen.length,
			lowN: isLowN(chosen.length, { minimumRespondents: query.minimumRespondents }),
			total,
			mean: chosen.length > 0 ? total / chosen.length : null,
			segments,
			pareto: spread.pareto,
			topFraction: spread.topFraction,
			topShare: Number.isFinite(spread.topShare) ? spread.topShare : null,
			actions,
			wallet
		}
	};
}
