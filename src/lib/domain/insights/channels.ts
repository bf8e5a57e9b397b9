import { channelKind, type ChannelKind } from '../channel-kind';
import type { Stepwise } from '../stepwise';

/*
 * "Do our channels work together?" (the strategy phase's channel synergy): per channel its reach,
 * conversion and the CLV of the customers who bought through it; online against offline; and
 * which combinations of channels customers use, with the value of single- and multi-channel
 * customers. Pure: the server gives every customer's channel use in the period as bit masks.
 */

/** Channels a mask can hold (bits of an unsigned 32-bit number, with room to spare). */
export const MAX_CHANNELS = 30;
/** Combinations listed by name; the rest are counted together. */
export const TOP_COMBINATIONS = 8;
/** Customers per step of channelFiguresInSteps: a few ms each. */
const STEP_CUSTOMERS = 20_000;

/** Each customer's use of the channels in the period; bit k of a mask is channel k of `channels`. */
export interface ChannelUse {
	channels: readonly string[];
	/** Contacts (events) through each channel. */
	contacts: Uint32Array;
	/** Purchases through each channel. */
	purchases: Uint32Array;
	/** 1: bought in the period, through any channel (also one the data does not name). */
	bought: Uint8Array;
	/** Per customer CLV, NaN where unknown; null when no CLV can be trusted (every value figure is null then). */
	clv: Float64Array | null;
	/** 1 for the customers in view (the cut, the entry channel); null: every customer. */
	include: Uint8Array | null;
}

/** The mean CLV of some customers; n: those whose CLV is known. */
export interface ValueFigure {
	mean: number | null;
	n: number;
	lowN: boolean;
}

export interface ChannelFigure {
	channel: string;
	kind: ChannelKind;
	/** Customers with a contact or a purchase through the channel. */
	reach: number;
	/** Customers with a contact (event) through it: the n of the conversion. */
	contacted: number;
	/** Customers with a purchase through it. */
	buyers: number;
	/** Share of the contacted who bought through the channel; null when none was contacted there (only purchases recorded). */
	conversion: number | null;
	conversionLowN: boolean;
	/** Of its buyers; null without a trusted CLV. */
	clv: ValueFigure | null;
}

export interface KindFigure {
	kind: ChannelKind;
	channels: string[];
	reach: number;
	buyers: number;
	clv: ValueFigure | null;
}

/** Where a buyer bought: online only, offline only, both, or only through channels of unknown kind or none named. */
export const BUYER_MIXES = ['online', 'offline', 'both', 'unknown'] as const;
export type BuyerMix = (typeof BUYER_MIXES)[number];

export interface CustomerCount {
	customers: number;
	lowN: boolean;
	clv: ValueFigure | null;
}

export interface CombinationFigure extends CustomerCount {
	channels: string[];
}

export interface ChannelsFigures {
	/** Customers in view with a contact or purchase in the period. */
	customers: number;
	/** Customers who bought in the period (whatever the channel). */
	buyers: CustomerCount;
	/** Largest reach first. */
	channels: ChannelFigure[];
	/** Online, offline and unknown, each with a channel. */
	kinds: KindFigure[];
	mix: ({ mix: BuyerMix } & CustomerCount)[];
	/** Customers by the number of channels they used (contacts or purchases). */
	singleChannel: CustomerCount;
	multiChannel: CustomerCount;
	/** Customers who bought in the period without any channel named. */
	noChannel: number;
	/** The most used combinations, most customers first. */
	combinations: CombinationFigure[];
	/** Customers in the combinations not listed. */
	otherCombinations: number;
}

class ValueTally {
	customers = 0;
	sum = 0;
	n = 0;

	add(clv: number): void {
		this.customers++;
		if (Number.isFinite(clv)) {
			this.sum += clv;
			this.n++;
		}
	}

	value(withClv: boolean, minimum: number): ValueFigure | null {
		return withClv ? { mean: this.n > 0 ? this.sum / this.n : null, n: this.n, lowN: this.n < minimum } : null;
	}

	count(withClv: boolean, minimum: number): CustomerCount {
		return { customers: this.customers, lowN: this.customers < minimum, clv: this.value(withClv, minimum) };
	}
}

function bitCount(mask: number): number {
	let count = 0;
	for (let m = mask; m !== 0; m >>>= 1) count += m & 1;
	return count;
}

const namesOf = (channels: readonly string[], mask: number) => channels.filter((_, k) => (mask >>> k) & 1);

export function* channelFiguresInSteps(use: ChannelUse, minimum: number): Stepwise<ChannelsFigures> {
	const { channels, contacts, purchases, bought, clv, include } = use;
	if (channels.length > MAX_CHANNELS) throw new RangeError(`at most ${MAX_CHANNELS} channels, got ${channels.length}`);
	const kinds = channels.map(channelKind);
	const maskOf = (kind: ChannelKind) => kinds.reduce((mask, k, bit) => (k === kind ? mask | (1 << bit) : mask), 0) >>> 0;
	const online = maskOf('online');
	const offline = maskOf('offline');
	const reach = channels.map(() => 0);
	const contacted = channels.map(() => 0);
	const converted = channels.map(() => 0);
	const buyersOf = channels.map(() => new ValueTally());
	const kindReach = new Map<ChannelKind, number>();
	const kindBuyers = new Map<ChannelKind, ValueTally>();
	const mix = new Map<BuyerMix, ValueTally>(BUYER_MIXES.map((m) => [m, new ValueTally()]));
	const buyers = new ValueTally();
	const single = new ValueTally();
	const multi = new ValueTally();
	const combinations = new Map<number, ValueTally>();
	let customers = 0;
	let noChannel = 0;

	for (let c = 0; c < contacts.length; c++) {
		if (c > 0 && c % STEP_CUSTOMERS === 0) yield;
		if (include && !include[c]) continue;
		const contact = contacts[c]!;
		const purchase = purchases[c]!;
		const used = (contact | purchase) >>> 0;
		const didBuy = bought[c] === 1;
		if (used === 0 && !didBuy) continue;
		customers++;
		const value = clv ? clv[c]! : Number.NaN;
		if (didBuy) {
			buyers.add(value);
			const where: BuyerMix = purchase & online ? (purchase & offline ? 'both' : 'online') : purchase & offline ? 'offline' : 'unknown';
			mix.get(where)!.add(value);
		}
		if (used === 0) {
			noChannel++;
			continue;
		}
		const reachedKinds = new Set<ChannelKind>();
		const boughtKinds = new Set<ChannelKind>();
		for (let k = 0; k < channels.length; k++) {
			const bit = 1 << k;
			if (!(used & bit)) continue;
			reach[k]!++;
			reachedKinds.add(kinds[k]!);
			if (contact & bit) {
				contacted[k]!++;
				if (purchase & bit) converted[k]!++;
			}
			if (purchase & bit) {
				buyersOf[k]!.add(value);
				boughtKinds.add(kinds[k]!);
			}
		}
		for (const kind of reachedKinds) kindReach.set(kind, (kindReach.get(kind) ?? 0) + 1);
		for (const kind of boughtKinds) {
			if (!kindBuyers.has(kind)) kindBuyers.set(kind, new ValueTally());
			kindBuyers.get(kind)!.add(value);
		}
		(bitCount(used) === 1 ? single : multi).add(value);
		if (!combinations.has(used)) combinations.set(used, new ValueTally());
		combinations.get(used)!.add(value);
	}

	const withClv = clv !== null;
	const ranked = [...combinations.entries()]
		.map(([mask, tally]) => ({ names: namesOf(channels, mask), tally }))
		.sort((a, b) => b.tally.customers - a.tally.customers || a.names.length - b.names.length || a.names.join('+').localeCompare(b.names.join('+')));
	const listed = ranked.slice(0, TOP_COMBINATIONS);
	return {
		customers,
		buyers: buyers.count(withClv, minimum),
		channels: channels
			.map((channel, k) => ({
				channel,
				kind: kinds[k]!,
				reach: reach[k]!,
				contacted: contacted[k]!,
				buyers: buyersOf[k]!.customers,
				conversion: contacted[k]! > 0 ? converted[k]! / contacted[k]! : null,
				conversionLowN: contacted[k]! < minimum,
				clv: buyersOf[k]!.value(withClv, minimum)
			}))
			.filter((figure) => figure.reach > 0)
			.sort((a, b) => b.reach - a.reach || a.channel.localeCompare(b.channel)),
		kinds: (['online', 'offline', 'unknown'] as const)
			.filter((kind) => kinds.includes(kind) && (kindReach.get(kind) ?? 0) > 0)
			.map((kind) => ({
				kind,
				channels: channels.filter((_, k) => kinds[k] === kind && reach[k]! > 0),
				reach: kindReach.get(kind) ?? 0,
				buyers: kindBuyers.get(kind)?.customers ?? 0,
				clv: (kindBuyers.get(kind) ?? new ValueTally()).value(withClv, minimum)
			})),
		mix: BUYER_MIXES.map((m) => ({ mix: m, ...mix.get(m)!.count(withClv, minimum) })),
		singleChannel: single.count(withClv, minimum),
		multiChannel: multi.count(withClv, minimum),
		noChannel,
		combinations: listed.map(({ names, tally }) => ({ channels: names, ...tally.count(withClv, minimum) })),
		otherCombinations: ranked.slice(TOP_COMBINATIONS).reduce((sum, { tally }) => sum + tally.customers, 0)
	};
}
