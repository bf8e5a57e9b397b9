import { describe, expect, it } from 'vitest';
import { runToEnd } from '../stepwise';
import { channelKind } from '../channel-kind';
import { channelFiguresInSteps, TOP_COMBINATIONS, type ChannelUse } from './channels';

/** Bits of the channels below: web, app, shop (phone is bit 8, used only in the combinations test). */
const WEB = 1;
const APP = 2;
const SHOP = 4;

/** Customers as [contacts, purchases, bought, clv]. */
function use(rows: [number, number, 0 | 1, number][], options: { clv?: boolean; include?: number[] } = {}): ChannelUse {
	const include = options.include ? new Uint8Array(rows.length) : null;
	for (const c of options.include ?? []) include![c] = 1;
	return {
		channels: ['web', 'app', 'shop', 'phone'],
		contacts: Uint32Array.from(rows.map((r) => r[0])),
		purchases: Uint32Array.from(rows.map((r) => r[1])),
		bought: Uint8Array.from(rows.map((r) => r[2])),
		clv: options.clv === false ? null : Float64Array.from(rows.map((r) => r[3])),
		include
	};
}

const figures = (u: ChannelUse, minimum = 2) => runToEnd(channelFiguresInSteps(u, minimum));

describe('channelKind', () => {
	it('calls web, app and e-mail online, shop and phone offline, in English and Dutch, and says unknown when unsure', () => {
		expect(['web', 'Webshop ', 'app', 'e-mail', 'webwinkel'].map(channelKind)).toEqual(['online', 'online', 'online', 'online', 'online']);
		expect(['shop', 'winkel', 'Phone', 'telefoon', 'filiaal'].map(channelKind)).toEqual(['offline', 'offline', 'offline', 'offline', 'offline']);
		expect(['mail', 'partner', ''].map(channelKind)).toEqual(['unknown', 'unknown', 'unknown']);
	});
});

describe('channel figures', () => {
	// c0 browses and buys on the web; c1 browses on the web, buys in the shop; c2 browses the app
	// and leaves; c3 buys in the shop only; c4 browses web and app, buys on the app; c5 bought
	// through a channel the data does not name; c6 did nothing in the period.
	const rows: [number, number, 0 | 1, number][] = [
		[WEB, WEB, 1, 100],
		[WEB, SHOP, 1, 300],
		[APP, 0, 0, 50],
		[0, SHOP, 1, 200],
		[WEB | APP, APP, 1, Number.NaN],
		[0, 0, 1, 40],
		[0, 0, 0, 999]
	];

	it('gives each channel its reach, conversion of the contacted and the mean CLV of its buyers', () => {
		const result = figures(use(rows));
		expect(result.customers).toBe(6);
		const web = result.channels.find((c) => c.channel === 'web')!;
		// Reached: c0, c1, c4; contacted the same three; bought through the web: c0.
		expect(web).toMatchObject({ kind: 'online', reach: 3, contacted: 3, buyers: 1, clv: { mean: 100, n: 1, lowN: true } });
		expect(web.conversion).toBeCloseTo(1 / 3);
		const shop = result.channels.find((c) => c.channel === 'shop')!;
		// Only purchases are recorded in the shop: no conversion to speak of.
		expect(shop).toMatchObject({ kind: 'offline', reach: 2, contacted: 0, buyers: 2, conversion: null, clv: { mean: 250, n: 2, lowN: false } });
		const app = result.channels.find((c) => c.channel === 'app')!;
		// c4 bought on the app but has no known CLV: counted as a buyer, not in the mean.
		expect(app).toMatchObject({ reach: 2, contacted: 2, buyers: 1, conversion: 0.5, clv: { mean: null, n: 0 } });
		expect(result.channels.map((c) => c.channel)).toEqual(['web', 'app', 'shop']);
	});

	it('compares online and offline by reach, buyers and value, and splits buyers by where they bought', () => {
		const result = figures(use(rows));
		expect(result.kinds.map((k) => k.kind)).toEqual(['online', 'offline']);
		expect(result.kinds[0]).toMatchObject({ channels: ['web', 'app'], reach: 4, buyers: 2, clv: { mean: 100, n: 1 } });
		expect(result.kinds[1]).toMatchObject({ channels: ['shop'], reach: 2, buyers: 2, clv: { mean: 250, n: 2 } });
		const mix = Object.fromEntries(result.mix.map((m) => [m.mix, m.customers]));
		expect(mix).toEqual({ online: 2, offline: 2, both: 0, unknown: 1 });
		expect(result.buyers).toMatchObject({ customers: 5, clv: { mean: (100 + 300 + 200 + 40) / 4, n: 4 } });
	});

	it('counts single- and multi-channel customers with their value and names the most common combinations', () => {
		const result = figures(use(rows));
		// Single: c0 (web), c2 (app), c3 (shop); multi: c1 (web+shop), c4 (web+app).
		expect(result.singleChannel).toMatchObject({ customers: 3, clv: { mean: (100 + 50 + 200) / 3, n: 3 } });
		expect(result.multiChannel).toMatchObject({ customers: 2, clv: { mean: 300, n: 1 } });
		expect(result.noChannel).toBe(1);
		expect(result.combinations.map((c) => c.channels.join('+'))).toEqual(['app', 'shop', 'web', 'web+app', 'web+shop']);
		expect(result.otherCombinations).toBe(0);
	});

	it('lists only the top combinations and counts the rest together', () => {
		const many: [number, number, 0 | 1, number][] = [];
		for (let mask = 1; mask < 16; mask++) for (let i = 0; i < mask; i++) many.push([mask, 0, 0, 1]);
		const result = figures(use(many));
		expect(result.combinations).toHaveLength(TOP_COMBINATIONS);
		expect(result.combinations[0]).toMatchObject({ channels: ['web', 'app', 'shop', 'phone'], customers: 15 });
		// Masks 1…7 are left: 1 + 2 + … + 7 customers.
		expect(result.otherCombinations).toBe(28);
	});

	it('withholds every value figure without a trusted CLV, but keeps the counts', () => {
		const result = figures(use(rows, { clv: false }));
		expect(result.channels.every((c) => c.clv === null)).toBe(true);
		expect(result.buyers).toEqual({ customers: 5, lowN: false, clv: null });
		expect(result.singleChannel.clv).toBeNull();
		expect(result.channels[0]!.reach).toBe(3);
	});

	it('counts only the customers in view and marks figures on fewer than the minimum', () => {
		const result = figures(use(rows, { include: [0, 3] }), 5);
		expect(result.customers).toBe(2);
		expect(result.buyers).toMatchObject({ customers: 2, lowN: true });
		expect(result.channels.map((c) => [c.channel, c.reach, c.conversionLowN])).toEqual([
			['shop', 1, true],
			['web', 1, true]
		]);
	});
});
