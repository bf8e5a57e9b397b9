import { beforeAll, describe, expect, it } from 'vitest';
import { importValid } from './imports';
import { finished, makeUser, makeWorkspace, type Client } from './helpers';

/*
 * The four aims of CRM through the real server: customers acquired (first purchase) two in
 * November 2025, two in December, three in January 2026 and six in March; the autumn customers
 * buy again in the first quarter; two March customers cost far more to acquire than they bring.
 */

const Q1 = 'from=2026-01-01&to=2026-03-31';
// The 90 days before the first quarter: 2025-10-03 … 2025-12-31, whole months November and December.
const BEFORE = 'from=2025-10-03&to=2025-12-31';
const FIRST: [string, string][] = [
	['p1', '2025-11-04'], ['p2', '2025-11-18'], ['p3', '2025-12-02'], ['p4', '2025-12-16'],
	['n1', '2026-01-06'], ['n2', '2026-01-13'], ['n3', '2026-01-20'],
	['n4', '2026-03-02'], ['n5', '2026-03-03'], ['n6', '2026-03-04'], ['n7', '2026-03-05'], ['n8', '2026-03-06'], ['n9', '2026-03-09']
];
const AGAIN: [string, string][] = [
	['p1', '2025-12-20'], ['p1', '2026-01-15'], ['p1', '2026-02-15'], ['p2', '2026-01-22'], ['p2', '2026-03-01'], ['p3', '2026-02-10'], ['p4', '2026-01-09'],
	['n1', '2026-02-16'], ['n2', '2026-03-10'], ['n3', '2026-03-17'], ['n6', '2026-03-20'], ['n8', '2026-03-25']
];
const CUSTOMERS = ['customer_id,name,acquisition_cost', ...FIRST.map(([id]) => `${id},Klant ${id},${id === 'n4' || id === 'n5' ? 5000 : 10}`)].join('\n');
const TRANSACTIONS = ['customer_id,date,amount', ...[...FIRST, ...AGAIN].map(([id, day], i) => `${id},${day},${40 + (i % 5) * 15}`)].join('\n');

let owner: Client;
let workspaceId: string;
const ready = (path: string) => finished(owner, path);
const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;

beforeAll(async () => {
	({ client: owner } = await makeUser());
	workspaceId = (await makeWorkspace(owner, 'Aims')).id;
	await importValid(owner, workspaceId, CUSTOMERS, { kind: 'customers' });
	await importValid(owner, workspaceId, TRANSACTIONS, { kind: 'transactions' });
}, 90_000);

describe('the four aims of CRM', () => {
	it('counts new customers per whole month from the loyalty cohorts, against the months before', async () => {
		const response = await ready(api(`/insights/aims?${Q1}`));
		expect(response.status, JSON.stringify(response.body)).toBe(200);
		const { acquisition, period, previousPeriod } = response.body;
		expect(period).toEqual({ from: '2026-01-01', to: '2026-03-31' });
		expect(previousPeriod).toEqual({ from: '2025-10-03', to: '2025-12-31' });
		// (3 + 0 + 6) / 3 months against (2 + 2) / 2 months.
		expect(acquisition).toMatchObject({ seriesPeriod: 'month', periods: ['2026-01', '2026-02', '2026-03'], previousPeriods: ['2025-11', '2025-12'], current: 3, previous: 2, change: 1, n: 9 });
		const loyalty = (await ready(api('/analytics/loyalty?cohortPeriod=month&timeUnit=week'))).body;
		const size = (label: string) => loyalty.cohorts.find((c: { cohort: string }) => c.cohort === label)?.size ?? 0;
		expect(acquisition.current).toBe((size('2026-01') + size('2026-02') + size('2026-03')) / 3);
		expect(acquisition.previous).toBe((size('2025-11') + size('2025-12')) / 2);
	});

	it('takes retention and value growth from the headline and loss-making customers from where the value is', async () => {
		const aims = (await ready(api(`/insights/aims?${Q1}`))).body;
		const head = (await ready(api(`/insights/headline?${Q1}`))).body;
		expect(aims.retention).toMatchObject({ current: head.current.repeatPurchaseRate, previous: head.previous.repeatPurchaseRate, n: head.current.customers });
		expect(aims.retention.change).toBeCloseTo(head.change.repeatPurchaseRate, 12);
		expect(aims.clvModel).toBe(head.clvModel);
		expect(aims.clvModel).not.toBeNull();
		expect(aims.valueGrowth).toMatchObject({ current: head.current.clvMean, previous: head.previous.clvMean, n: head.current.clvN });

		const value = (await ready(api(`/insights/value?${Q1}`))).body.figures;
		const before = (await ready(api(`/insights/value?${BEFORE}`))).body.figures;
		// n4 and n5 cost 5,000 each to acquire: loss-making whatever the model.
		expect(value.actions['loss-making'].customers).toBeGreaterThanOrEqual(2);
		expect(aims.lossMaking.customers).toMatchObject({ current: value.actions['loss-making'].customers, previous: before.actions['loss-making'].customers, n: value.customers });
		expect(aims.lossMaking.cost.current).toBeCloseTo(value.actions.lossCost, 6);
		expect(aims.lossMaking.cost.previous).toBeCloseTo(before.actions.lossCost, 6);
	});

	it('marks figures on fewer customers than the minimum and has no acquisition figure without a whole month', async () => {
		const thin = (await ready(api(`/insights/aims?${Q1}&minimumRespondents=10`))).body;
		expect(thin.acquisition.lowN).toBe(true);
		expect(thin.retention.lowN).toBe(false);
		const short = (await ready(api('/insights/aims?from=2026-03-05&to=2026-03-25'))).body;
		expect(short.acquisition).toMatchObject({ periods: [], current: null, change: null });
		expect(short.retention.current).not.toBeNull();
	});
});
