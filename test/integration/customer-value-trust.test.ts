import { beforeAll, describe, expect, it } from 'vitest';
import { cdnowWithMargin, tinyShopCsv } from '../value-fixtures';
import { importValid } from './imports';
import { makeUser, makeWorkspace, type Client } from './helpers';

/*
 * Customer values people can trust, through the real server: a fit the data cannot carry is
 * refused with its reasons and no customer values (the formula offered instead), the margin
 * comes from the transactions when they carry one, and potential value only from share of wallet.
 */

let owner: Client;

async function clv(workspaceId: string, query: string) {
	for (let i = 0; i < 100; i++) {
		const response = await owner.get(`/api/v1/workspaces/${workspaceId}/analytics/clv?${query}`);
		if (response.status !== 202) return response;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error('the analysis did not finish');
}

beforeAll(async () => {
	({ client: owner } = await makeUser());
});

describe('a fit the data cannot carry', () => {
	let tiny: string;
	beforeAll(async () => {
		tiny = (await makeWorkspace(owner, 'Trying Waymark')).id;
		await importValid(owner, tiny, tinyShopCsv(), { kind: 'transactions' });
	});

	it('is refused with its reason and what the model needs; no customer values or figures made of them', async () => {
		const response = await clv(tiny, 'model=bgnbd&limit=5');
		expect(response.status, JSON.stringify(response.body)).toBe(200);
		const report = response.body;
		expect(report.verdict.status).toBe('unusable');
		expect(report.bgnbd).toEqual({ fit: null, verdict: { status: 'unusable', reasons: [{ code: 'too-few-repeat-buyers', repeatBuyers: report.summary.repeatBuyers, minimum: 100 }] } });
		expect(report.gammaGamma.verdict.status).toBe('unusable');
		expect(report.summary).toMatchObject({ customers: 30, total: null, mean: null, median: null, top20Share: null, gini: null, expectedActive: null });
		expect(report.customers).toBeNull();
		expect(report.distribution).toBeNull();
		expect(report.pareto).toBeNull();
		expect(report.valueMatrix.counts).toBeNull();
		expect(report.holdout).toBeNull();
		// The simpler estimate to use instead, with its factors on show.
		expect(report.fallback.value).toBeCloseTo(report.fallback.factors.T * report.fallback.factors.A * report.fallback.factors.P - report.fallback.factors.K, 6);
	});

	it('is refused for the discounted model too, while the formula gives every customer a value', async () => {
		expect((await clv(tiny, 'model=discounted')).body.verdict.status).toBe('unusable');
		const formula = (await clv(tiny, 'model=formula&limit=100')).body;
		expect(formula.verdict).toEqual({ status: 'usable', reasons: [] });
		expect(formula.customers.items).toHaveLength(30);
		expect(formula.pooling.rate.groupRate).toBeGreaterThan(0);
		expect(formula.summary.total).toBeGreaterThan(0);
	});

	it('is refused for contractual retention (sBG) too: no curves, lifetimes or values', async () => {
		const response = await owner.get(`/api/v1/workspaces/${tiny}/analytics/retention?period=quarter`);
		expect(response.status, JSON.stringify(response.body)).toBe(200);
		expect(response.body.verdict).toEqual({ status: 'unusable', reasons: [{ code: 'too-few-customers', customers: expect.any(Number), minimum: 100 }] });
		expect(response.body).toMatchObject({ fit: null, survival: null, retention: null, expectedLifetime: null, clvOfNewCustomer: null });
		expect(response.body.cohorts[0].projected).toBeNull();
		expect(response.body.cohorts[0].alive.length).toBeGreaterThan(0);
	});
});

describe('the margin and the potential', () => {
	let shop: string;
	let file: ReturnType<typeof cdnowWithMargin>;
	let share: number;
	beforeAll(async () => {
		shop = (await makeWorkspace(owner, 'CDNOW with margins')).id;
		file = cdnowWithMargin();
		share = file.share;
		await importValid(owner, shop, file.csv, { kind: 'transactions' });
	}, 60_000);

	it('takes the margin from the transactions when they carry one, and an entered margin over it', async () => {
		const fromData = (await clv(shop, 'model=bgnbd&timeUnit=week')).body;
		expect(fromData.verdict.status).toBe('usable');
		expect(fromData.marginSource).toBe('data');
		expect(fromData.margin).toBeCloseTo(share, 10);
		expect(fromData.dataMargin).toMatchObject({ transactions: file.withMargin, ofTransactions: file.rows, plausible: true });
		expect(file.rows).toBe(6919);
		const revenue = (await clv(shop, 'model=bgnbd&timeUnit=week&margin=1')).body;
		expect(revenue.marginSource).toBe('asked');
		expect(fromData.summary.total).toBeCloseTo(revenue.summary.total * share, 4);
	});

	it('has no keep or develop without category spend, and bases them on share of wallet once it is known', async () => {
		const blind = (await clv(shop, 'model=bgnbd&timeUnit=week')).body;
		expect(blind.valueMatrix).toMatchObject({ withShareOfWallet: 0, medianShareOfWallet: null });
		expect(blind.valueMatrix.counts.keep + blind.valueMatrix.counts.develop).toBe(0);
		expect(blind.valueMatrix.counts.unknown).toBeGreaterThan(2000);

		// Two customers' wallets: 0001 spends €400 in the category, €100 of it with us (25%); 0002 €50 of €60.
		await importValid(owner, shop, ['customer_id,category,amount,category_total', '0001,Music,100,400', '0002,Music,50,60'].join('\n'), { kind: 'category_spend' });
		const known = (await clv(shop, 'model=bgnbd&timeUnit=week')).body;
		expect(known.valueMatrix.withShareOfWallet).toBe(2);
		expect(known.valueMatrix.medianShareOfWallet).toBeCloseTo((0.25 + 50 / 60) / 2, 10);
		const { keep, develop, unknown } = known.valueMatrix.counts;
		expect(keep + develop).toBe(2);
		expect(unknown).toBe(blind.valueMatrix.counts.unknown - 2);
	});
});
