import { normalChannel } from '$lib/domain/channel-kind';
import { channelFiguresInSteps, MAX_CHANNELS, type ChannelsFigures } from '$lib/domain/insights/channels';
import { periodBounds, resolvePeriod, type DayPeriod } from '$lib/domain/insights/period';
import * as db from '../db';
import { finishStepwise } from '../stepwise';
import { yieldToEventLoop } from './cache';
import { enteredThrough, type HeadlineQuery } from './headline';
import type { JourneyEvents } from './journey';

/*
 * "Do our channels work together?" on the insights page: which channels the period's customers
 * (of the cut, entered through the entry channel) had contacts (events) and purchases
 * (transactions) through, valued by the CLV the value page trusts. Channel names of events and
 * transactions are compared trimmed and in lower case: "Web" in one and "web" in the other are one channel.
 */

export type ChannelsQuery = HeadlineQuery;

export interface ChannelsReport {
	period: DayPeriod;
	channel: string | null;
	minimumRespondents: number;
	/** Null: no CLV can be trusted, and every value figure is null. */
	clvModel: db.PersonaClvModel | null;
	figures: ChannelsFigures;
	/** Channels beyond the MAX_CHANNELS most used, left out of the figures. */
	omittedChannels: string[];
}

export interface ChannelsSources {
	clv: () => Promise<{ model: db.PersonaClvModel; values: Map<string, number> } | null>;
	events: () => Promise<JourneyEvents>;
}

/** Events per step of the contact walk: a few ms. */
const STEP_EVENTS = 200_000;

const externalIndexOf = new WeakMap<JourneyEvents, Map<string, number>>();

function externalIndex(events: JourneyEvents): Map<string, number> {
	let found = externalIndexOf.get(events);
	if (!found) {
		found = new Map(events.externalIds.map((id, index) => [id, index]));
		externalIndexOf.set(events, found);
	}
	return found;
}

/** The channels named in the events and purchases, the most used first, at most MAX_CHANNELS. */
function channelList(events: JourneyEvents, purchased: db.PurchaseChannels): { channels: string[]; omitted: string[] } {
	const uses = new Map<string, number>();
	for (const name of events.log.channels) uses.set(normalChannel(name), 0);
	for (const channel of purchased.channels) if (channel !== null) uses.set(channel, (uses.get(channel) ?? 0) + 1);
	const ranked = [...uses.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
	return { channels: ranked.slice(0, MAX_CHANNELS).sort(), omitted: ranked.slice(MAX_CHANNELS) };
}

export async function computeChannels(workspaceId: string, filter: db.RuleFilter | null, query: ChannelsQuery, sources: ChannelsSources): Promise<ChannelsReport> {
	const events = await sources.events();
	const span = await db.transactionSpan(workspaceId);
	const period = resolvePeriod(query, span?.to ?? events.lastEventAt);
	const { from, to } = periodBounds(period);
	const purchased = await db.purchaseChannels(workspaceId, filter, from, to);
	const { log } = events;
	const customerCount = log.customerCount;

	let include: Uint8Array | null = null;
	if (filter || query.channel) {
		include = new Uint8Array(customerCount);
		const entered = query.channel ? enteredThrough(events, query.channel) : null;
		const members = filter ? await db.groupMemberIds(workspaceId, filter) : null;
		if (members) {
			for (const id of members) {
				const index = events.indexOf.get(id);
				if (index !== undefined && (!entered || entered.has(events.externalIds[index]!))) include[index] = 1;
			}
		} else {
			events.externalIds.forEach((id, index) => {
				if (entered!.has(id)) include![index] = 1;
			});
		}
	}
	await yieldToEventLoop();

	const { channels, omitted } = channelList(events, purchased);
	const bitOf = new Map(channels.map((name, k) => [name, 1 << k]));
	const eventBit = Int32Array.from(log.channels, (name) => bitOf.get(normalChannel(name)) ?? 0);

	const contacts = new Uint32Array(customerCount);
	let walked = 0;
	for (let c = 0; c < customerCount; c++) {
		const end = log.customerStart[c + 1]!;
		if (include && !include[c]) {
			walked += end - log.customerStart[c]!;
		} else {
			for (let i = log.customerStart[c]!; i < end; i++) {
				const at = log.at[i]!;
				const code = log.channel[i]!;
				if (at >= from && at <= to && code >= 0) contacts[c]! |= eventBit[code]!;
			}
			walked += end - log.customerStart[c]!;
		}
		if (walked >= STEP_EVENTS) {
			walked = 0;
			await yieldToEventLoop();
		}
	}

	const indexOf = externalIndex(events);
	const purchases = new Uint32Array(customerCount);
	const bought = new Uint8Array(customerCount);
	for (let row = 0; row < purchased.externalIds.length; row++) {
		const index = indexOf.get(purchased.externalIds[row]!);
		if (index === undefined) continue;
		bought[index] = 1;
		const channel = purchased.channels[row];
		if (channel !== null && channel !== undefined) purchases[index]! |= bitOf.get(channel) ?? 0;
		if ((row + 1) % STEP_EVENTS === 0) await yieldToEventLoop();
	}

	const trusted = await sources.clv();
	let clv: Float64Array | null = null;
	if (trusted) {
		clv = new Float64Array(customerCount).fill(Number.NaN);
		events.externalIds.forEach((id, index) => {
			const value = trusted.values.get(id);
			if (value !== undefined) clv![index] = value;
		});
		await yieldToEventLoop();
	}

	const figures = await finishStepwise(channelFiguresInSteps({ channels, contacts, purchases, bought, clv, include }, query.minimumRespondents));
	return { period, channel: query.channel, minimumRespondents: query.minimumRespondents, clvModel: trusted?.model ?? null, figures, omittedChannels: omitted };
}
