import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importValid, sharedData } from './imports';
import { inviteAndJoin, makeUser, makeWorkspace, type Client } from './helpers';

/*
 * Customer value through the real server: the CDNOW sample imported like any upload, then
 * BG/NBD and Gamma-Gamma fitted on what SQL holds must give the published parameters
 * (Fader, Hardie & Lee 2005), and the report must behave as an API: paginated, cached,
 * scoped to groups, hiding customer rows from viewers.
 */

let owner: Client;
let workspaceId: string;

async function clv(query: string, client = owner) {
	// A first computation may answer 202 while it runs: ask again, as a client would.
	for (let i = 0; i < 100; i++) {
		const response = await client.get(`/api/v1/workspaces/${workspaceId}/analytics/clv?${query}`);
		if (response.status !== 202) return response;
		expect(response.body).toMatchObject({ status: 'running' });
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error('the analysis did not finish');
}

beforeAll(async () => {
	({ client: owner } = await makeUser());
	workspaceId = (await makeWorkspace(owner, 'CDNOW')).id;
	await importValid(owner, workspaceId, readFileSync(sharedData('cdnow/CDNOW_sample.txt')), {
		kind: 'transactions',
		mapping: { customerId: 1, occurredAt: 3, quantity: 4, amount: 5 },
		format: { delimiter: 'whitespace', header: false }
	});
}, 60_000);

describe('customer lifetime value', () => {
	it('fits BG/NBD and Gamma-Gamma on the CDNOW sample to the published parameters', async () => {
		const response = await clv('model=bgnbd&calibrationEnd=1997-09-30&timeUnit=week&horizon=39&limit=5');
		expect(response.status, JSON.stringify(response.body)).toBe(200);
		const report = response.body;
		expect(report.verdict).toEqual({ status: 'usable', reasons: [] });
		const { r, alpha, a, b } = report.bgnbd.fit.params;
		expect(r).toBeCloseTo(0.2426, 2);
		expect(Math.abs(alpha / 4.4135 - 1)).toBeLessThan(0.01);
		expect(Math.abs(a / 0.7929 - 1)).toBeLessThan(0.01);
		expect(Math.abs(b / 2.4258 - 1)).toBeLessThan(0.01);
		expect(report.bgnbd.fit.logLikelihood).toBeCloseTo(-9582.43, 1);
		expect(report.bgnbd.fit.converged).toBe(true);
		expect(report.bgnbd.verdict.status).toBe('usable');
		const { p, q, gamma } = report.gammaGamma.fit.params;
		expect(Math.abs(p / 6.2488 - 1)).toBeLessThan(0.01);
		expect(Math.abs(q / 3.7446 - 1)).toBeLessThan(0.01);
		expect(Math.abs(gamma / 15.4477 - 1)).toBeLessThan(0.01);
		expect(report.gammaGamma.fit.customers).toBe(946);
		// CDNOW's q is about 3.7: spend varies, but within what the model handles.
		expect(report.warnings).toEqual([]);

		expect(report.summary.customers).toBe(2357);
		expect(report.calibrationEnd).toBe('1997-09-30T00:00:00.000Z');
		expect(report.holdoutEnd).toBe('1998-06-30T00:00:00.000Z');
		// The holdout check: per calibration frequency, predicted and actual repeat purchases are close.
		expect(report.holdout.map((bin: { repeatPurchases: string }) => bin.repeatPurchases)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
		expect(report.holdout.reduce((n: number, bin: { customers: number }) => n + bin.customers, 0)).toBe(2357);
		expect(report.holdout[0].customers).toBe(1411); // one-time buyers in calibration: 2,357 − 946 repeat buyers
		for (const bin of report.holdout) expect(Math.abs(bin.predicted - bin.actual)).toBeLessThan(Math.max(0.6, bin.actual * 0.35));

		expect(report.summary.top20Share).toBeGreaterThan(0.5);
		expect(report.pareto[0]).toEqual({ customers: 0, value: 0 });
		expect(report.distribution.reduce((n: number, bin: { count: number }) => n + bin.count, 0)).toBe(2357);
		// No category spend: no basis for potential value, so no keep or develop.
		const counts = report.valueMatrix.counts;
		expect(counts).toEqual({ keep: 0, develop: 0, 'loss-making': 0, unknown: 2357 });
		// CDNOW carries no margin: the values are revenue.
		expect(report).toMatchObject({ margin: 1, marginSource: 'revenue', dataMargin: null });

		const first = report.customers.items;
		expect(first).toHaveLength(5);
		for (let i = 1; i < first.length; i++) expect(first[i - 1].clv).toBeGreaterThanOrEqual(first[i].clv);
		const next = await clv(`model=bgnbd&calibrationEnd=1997-09-30&timeUnit=week&horizon=39&limit=5&cursor=${report.customers.nextCursor}`);
		expect(next.body.customers.items[0].clv).toBeLessThanOrEqual(first[4].clv);
		expect(next.body.customers.items.map((c: { externalId: string }) => c.externalId)).not.toContain(first[4].externalId);
	});

	it('gives the conditional expectation the paper gives for x = 2, t_x = 30.43, T = 38.86', async () => {
		// Customer 1516 of the sample has exactly this profile; 39 weeks ahead the paper expects 1.226.
		let cursor: string | null = null;
		let found: { x: number; tx: number; T: number; expectedTransactions: number } | undefined;
		do {
			const page: { body: any } = await clv(`model=bgnbd&calibrationEnd=1997-09-30&timeUnit=week&horizon=39&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
			found = page.body.customers.items.find((c: { x: number; tx: number; T: number }) => c.x === 2 && Math.abs(c.tx - 30.43) < 0.01 && Math.abs(c.T - 38.86) < 0.01);
			cursor = page.body.customers.nextCursor;
		} while (!found && cursor);
		expect(found, 'a customer with x = 2, t_x = 30.43, T = 38.86').toBeDefined();
		expect(found!.expectedTransactions).toBeCloseTo(1.226, 3);
	});

	it('derives every factor of the taught formula KW = (T × A × P) − K', async () => {
		const response = await clv('model=formula&timeUnit=week');
		expect(response.status).toBe(200);
		const { factors, sources, value } = response.body.formula;
		expect(value).toBeCloseTo(factors.T * factors.A * factors.P - factors.K, 6);
		// T: the first purchase, then repeats at the pooled rate over the relationship.
		expect(factors.T).toBeCloseTo(1 + factors.purchaseRate * factors.relationshipLength, 6);
		expect(response.body.pooling.rate.shape).toBeGreaterThan(0);
		expect(factors.A).toBeGreaterThan(1);
		expect(sources.A).toBe('data');
		expect(response.body.bgnbd).toBeNull();
	});

	it('discounts: the same horizon is worth less with a discount rate', async () => {
		const plain = await clv('model=bgnbd&timeUnit=month&horizon=24&margin=0.3');
		const discounted = await clv('model=discounted&timeUnit=month&horizon=24&margin=0.3&discountRate=0.02');
		expect(discounted.body.discountRate).toBe(0.02);
		expect(discounted.body.summary.total).toBeLessThan(plain.body.summary.total);
		expect(discounted.body.summary.total).toBeGreaterThan(plain.body.summary.total * 0.6);
	});

	it('is cut by customer group', async () => {
		const group = await owner.post(`/api/v1/workspaces/${workspaceId}/groups`, {
			name: 'Repeat buyers',
			rule: { match: 'all', conditions: [{ field: 'transactions', op: 'gte', value: 2 }] }
		});
		const all = await clv('model=bgnbd');
		const cut = await clv(`model=bgnbd&groupId=${group.body.id}`);
		expect(cut.body.summary.customers).toBe(group.body.figures.customers);
		expect(cut.body.summary.customers).toBeLessThan(all.body.summary.customers);
		const other = await makeWorkspace(owner, 'Elsewhere');
		const foreign = await owner.get(`/api/v1/workspaces/${other.id}/analytics/clv?groupId=${group.body.id}`);
		expect(foreign.status).toBe(404);
	});

	it('shows viewers the figures but no customer rows; refuses bad parameters and empty data clearly', async () => {
		const { client: viewer } = await inviteAndJoin(owner, workspaceId, 'viewer');
		const seen = await clv('model=bgnbd', viewer);
		expect(seen.status).toBe(200);
		expect(seen.body.summary.customers).toBe(2357);
		expect(seen.body.customers).toBeNull();

		const bad = await owner.get(`/api/v1/workspaces/${workspaceId}/analytics/clv?model=magic&timeUnit=year&calibrationEnd=30-09-1997`);
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.body.error.fields).sort()).toEqual(['calibrationEnd', 'model', 'timeUnit']);

		const empty = await makeWorkspace(owner, 'Empty');
		const none = await owner.get(`/api/v1/workspaces/${empty.id}/analytics/clv`);
		expect(none.status).toBe(422);
		expect(none.body.error.code).toBe('insufficient_data');
	});
});

describe('assumptions for the formula', () => {
	it('replace factors of the group figure, are shown as set by hand, and belong to one group', async () => {
		const path = `/api/v1/workspaces/${workspaceId}/analytics/assumptions`;
		expect((await owner.get(path)).body).toMatchObject({ groupId: null, overrides: {}, note: '', updatedAt: null });
		const before = (await clv('model=formula&timeUnit=week')).body.formula;
		expect(before.sources.relationshipLength).toBe('data');

		const saved = await owner.put(path, { overrides: { relationshipLength: 104, P: 20 }, note: 'Two years, list price' });
		expect(saved.status, JSON.stringify(saved.body)).toBe(200);
		expect(saved.body).toMatchObject({ overrides: { relationshipLength: 104, P: 20 }, note: 'Two years, list price' });
		expect(saved.body.updatedBy).toBeTruthy();

		const after = (await clv('model=formula&timeUnit=week')).body.formula;
		expect(after.factors).toMatchObject({ relationshipLength: 104, P: 20, A: before.factors.A, purchaseRate: before.factors.purchaseRate });
		expect(after.sources).toMatchObject({ relationshipLength: 'override', P: 'override', A: 'data', T: 'override' });
		expect(after.factors.T).toBeCloseTo(1 + after.factors.purchaseRate * 104, 10);
		expect(after.value).toBeCloseTo(after.factors.T * after.factors.A * 20 - after.factors.K, 8);

		// Another group keeps the data's figures; deleting a group takes its assumptions along.
		const group = await owner.post(`/api/v1/workspaces/${workspaceId}/groups`, { name: 'Assumed', rule: { match: 'all', conditions: [] } });
		const ofGroup = (await clv(`model=formula&timeUnit=week&groupId=${group.body.id}`)).body.formula;
		expect(ofGroup.sources.P).toBe('data');
		await owner.put(path, { groupId: group.body.id, overrides: { K: 5 } });
		expect((await clv(`model=formula&timeUnit=week&groupId=${group.body.id}`)).body.formula.factors.K).toBe(5);
		await owner.delete(`/api/v1/groups/${group.body.id}`);
		expect((await owner.get(`${path}?groupId=${group.body.id}`)).status).toBe(404);

		// Viewers read them, cannot set them; nonsense is refused; empty overrides remove them.
		const { client: viewer } = await inviteAndJoin(owner, workspaceId, 'viewer');
		expect((await viewer.get(path)).body.overrides).toEqual({ relationshipLength: 104, P: 20 });
		expect((await viewer.put(path, { overrides: {} })).status).toBe(403);
		const bad = await owner.put(path, { overrides: { P: -3, A: 'many' } });
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.body.error.fields).sort()).toEqual(['overrides.A', 'overrides.P']);
		await owner.put(path, { overrides: {} });
		expect((await owner.get(path)).body.updatedAt).toBeNull();
		expect((await clv('model=formula&timeUnit=week')).body.formula.sources.P).toBe('data');
	});
});

describe('loyalty, satisfaction and retention', () => {
	let shop: string;
	const answers = [
		'customer_id,date,kind,score,step,channel',
		// NPS: 3 promoters, 1 passive, 2 detractors → (3 − 2) / 6 = 16.7
		'a,2026-01-05,nps,10,,web',
		'b,2026-01-06,nps,9,,web',
		'c,2026-02-07,nps,9,,app',
		'd,2026-02-08,nps,8,,app',
		'e,2026-02-09,nps,3,,app',
		'f,2026-03-10,nps,6,,web',
		// CSAT on checkout: 2 of 3 satisfied; CES on delivery: mean 5
		'a,2026-01-05,csat,5,checkout,web',
		'b,2026-01-06,csat,4,checkout,web',
		'c,2026-02-07,csat,2,checkout,app',
		'd,2026-02-08,ces,6,delivery,app',
		'e,2026-03-09,ces,4,delivery,app'
	].join('\n');
	const purchases = [
		'customer_id,date,amount',
		// Q1 cohort: a, b, c, d; Q2 cohort: e, f. Data ends in Q3 2026.
		'a,2026-01-10,10', 'a,2026-04-10,10', 'a,2026-07-10,10',
		'b,2026-02-10,10', 'b,2026-05-10,10',
		'c,2026-03-10,10',
		'd,2026-03-20,10', 'd,2026-03-25,10',
		'e,2026-04-02,10', 'e,2026-08-02,10',
		'f,2026-05-02,10'
	].join('\n');

	beforeAll(async () => {
		shop = (await makeWorkspace(owner, 'Shop')).id;
		await importValid(owner, shop, purchases, { kind: 'transactions' });
		await importValid(owner, shop, answers, { kind: 'surveys' });
	});

	it('computes NPS, CSAT and CES with their n, per channel and step, flagging thin figures', async () => {
		const response = await owner.get(`/api/v1/workspaces/${shop}/analytics/satisfaction?minimumRespondents=3`);
		expect(response.status, JSON.stringify(response.body)).toBe(200);
		const { overall, byStep, byChannel, overTime } = response.body;
		expect(overall.nps).toMatchObject({ nps: expect.closeTo(100 / 6, 6), n: 6, promoters: 3, passives: 1, detractors: 2, lowN: false });
		expect(overall.csat).toMatchObject({ csat: expect.closeTo(200 / 3, 6), n: 3, lowN: false });
		expect(overall.ces).toMatchObject({ ces: 5, n: 2, lowN: true });
		const checkout = byStep.find((c: { key: string }) => c.key === 'checkout');
		expect(checkout.csat.n).toBe(3);
		expect(checkout.nps).toMatchObject({ nps: null, n: 0, lowN: true });
		expect(byChannel.map((c: { key: string }) => c.key)).toEqual(['app', 'web']);
		expect(overTime.map((c: { key: string }) => c.key)).toEqual(['2026-01', '2026-02', '2026-03']);
	});

	it('measures behavioural loyalty, cohorts and the loyalty 2×2', async () => {
		const response = await owner.get(`/api/v1/workspaces/${shop}/analytics/loyalty?cohortPeriod=quarter&minimumRespondents=3`);
		expect(response.status, JSON.stringify(response.body)).toBe(200);
		const report = response.body;
		// Repeat buyers (another purchase day): a, b, d, e of 6.
		expect(report.behavioural).toMatchObject({ customers: 6, repeatBuyers: 4 });
		expect(report.behavioural.repeatPurchaseRate).toBeCloseTo(4 / 6, 10);
		expect(report.cohorts).toEqual([
			{ cohort: '2026-Q1', size: 4, active: [4, 2, 1], retention: [1, 0.5, 0.25], churn: [0, 0.5, 0.75] },
			{ cohort: '2026-Q2', size: 2, active: [2, 1], retention: [1, 0.5], churn: [0, 0.5] }
		]);
		// Promoters a, b (repeat) → true; c (no repeat) → latent; d, e (repeat, not promoters) → spurious; f → none.
		expect(report.loyaltyMatrix.counts).toEqual({ true: 2, latent: 1, spurious: 2, none: 1 });
	});

	it('builds cohort survival for the shifted-beta-geometric model, and refuses a fit six customers cannot carry', async () => {
		const response = await owner.get(`/api/v1/workspaces/${shop}/analytics/retention?period=quarter&periods=4`);
		expect(response.status, JSON.stringify(response.body)).toBe(200);
		const report = response.body;
		// Q1 cohort (observed 2 quarters): a alive to the end, b cancelled after 2, c and d after 1 → alive [2, 1].
		expect(report.cohorts[0]).toMatchObject({ cohort: '2026-Q1', initial: 4, alive: [2, 1] });
		expect(report.cohorts[1]).toMatchObject({ cohort: '2026-Q2', initial: 2, alive: [1] });
		// Six customers cannot tell the spread of churn rates: the fit is refused, the cohorts stay.
		expect(report.verdict.reasons.map((r: { code: string }) => r.code)).toEqual(['too-few-customers', 'too-few-periods']);
		expect(report).toMatchObject({ fit: null, survival: null, retention: null, clvOfNewCustomer: null });
		expect(report.cohorts[0].projected).toBeNull();

		// CDNOW's 2,357 customers over six quarters carry it.
		const cdnow = (await owner.get(`/api/v1/workspaces/${workspaceId}/analytics/retention?period=quarter&periods=4`)).body;
		expect(cdnow.verdict, JSON.stringify(cdnow.fit)).toEqual({ status: 'usable', reasons: [] });
		expect(cdnow.survival).toHaveLength(5);
		expect(cdnow.survival[0]).toBe(1);
		expect(cdnow.clvOfNewCustomer).toBeCloseTo(cdnow.revenuePerPeriod * cdnow.discountedExpectedLifetime, 6);
	});
});
