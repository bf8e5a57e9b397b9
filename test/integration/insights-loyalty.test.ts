import { beforeAll, describe, expect, it } from 'vitest';
import { finished, makeUser, makeWorkspace, type Client } from './helpers';
import { importValid } from './imports';

/*
 * The loyalty and satisfaction section through the real server: a handful of customers buying
 * from January to April 2026 and answering NPS, CSAT and CES — too few for the sBG model.
 */

const PURCHASES = [
	'customer_id,date,amount',
	'a,2026-01-05,100', 'a,2026-02-07,50', 'a,2026-03-09,70',
	'b,2026-01-10,300', 'b,2026-03-11,20',
	'c,2026-02-03,40',
	'd,2026-02-20,60', 'd,2026-04-02,30',
	'e,2026-03-15,90'
].join('\n');
const ANSWERS = [
	'customer_id,date,kind,score,step,comment',
	'a,2026-01-06,nps,10,,', 'b,2026-01-11,nps,9,,', 'c,2026-02-04,nps,3,,', 'd,2026-02-21,nps,7,,', 'e,2026-03-16,nps,10,,',
	'a,2026-02-08,csat,5,purchase,', 'c,2026-02-04,csat,2,purchase,', 'e,2026-03-16,ces,6,purchase,'
].join('\n');

const PERIOD = 'from=2026-02-01&to=2026-03-31&minimumRespondents=2';

let owner: Client;
const ready = (path: string) => finished(owner, path);
let workspaceId: string;


beforeAll(async () => {
	({ client: owner } = await makeUser());
	workspaceId = (await makeWorkspace(owner, 'Loyalty')).id;
	await importValid(owner, workspaceId, PURCHASES, { kind: 'transactions' });
	await importValid(owner, workspaceId, ANSWERS, { kind: 'surveys' });
}, 90_000);

const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;

describe('loyalty and satisfaction', () => {
	it('gives the figures of /analytics/satisfaction, loyalty and retention for the same cut, per month for a short period', async () => {
		const section = await ready(api(`/insights/loyalty?${PERIOD}`));
		expect(section.status, JSON.stringify(section.body)).toBe(200);
		const body = section.body;
		expect(body).toMatchObject({ seriesPeriod: 'month', period: { from: '2026-02-01', to: '2026-03-31' }, channel: null, minimumRespondents: 2 });

		const satisfaction = (await ready(api('/analytics/satisfaction?period=month&minimumRespondents=2'))).body;
		const loyalty = (await ready(api('/analytics/loyalty?cohortPeriod=month&timeUnit=week&minimumRespondents=2'))).body;
		const retention = (await ready(api('/analytics/retention?period=month'))).body;
		const { status: _s, overTime, ...satisfactionRest } = satisfaction;
		expect(body.satisfaction).toEqual(satisfactionRest);
		expect(body.loyalty).toEqual({ ...loyalty, status: undefined });
		expect(body.retention).toEqual({ ...retention, status: undefined });
		// Only the months of the period, with the analytics' own figures.
		expect(body.series).toEqual(overTime.filter((cut: { key: string }) => cut.key === '2026-02' || cut.key === '2026-03'));
		expect(body.series.map((cut: { key: string }) => cut.key)).toEqual(['2026-02', '2026-03']);
	});

	it('reads NPS and the 2×2 from the answers and purchases', async () => {
		const body = (await ready(api(`/insights/loyalty?${PERIOD}`))).body;
		// Promoters a, b, e; passive d; detractor c: (3 − 1) / 5 = 40.
		expect(body.loyalty.nps).toMatchObject({ nps: 40, n: 5, promoters: 3, passives: 1, detractors: 1, lowN: false });
		// a, b bought again and are promoters; e promoter bought once; d bought again, not a promoter; c neither.
		expect(body.loyalty.loyaltyMatrix.counts).toEqual({ true: 2, latent: 1, spurious: 1, none: 1 });
		expect(body.loyalty.behavioural).toMatchObject({ customers: 5, repeatBuyers: 3 });
	});

	it('builds the cohort matrix from the loyalty cohorts', async () => {
		const body = (await ready(api(`/insights/loyalty?${PERIOD}`))).body;
		const january = body.cohortMatrix.rows.find((row: { cohort: string }) => row.cohort === '2026-01');
		// a and b joined in January; in February only a bought, in March both.
		expect(january).toEqual({ cohort: '2026-01', size: 2, lowN: false, retention: [1, 0.5, 1, 0] });
		const march = body.cohortMatrix.rows.find((row: { cohort: string }) => row.cohort === '2026-03');
		expect(march).toMatchObject({ size: 1, lowN: true, retention: [1, 0, null, null] });
	});

	it('gives no sBG curve when its verdict is unusable, and says why', async () => {
		const body = (await ready(api(`/insights/loyalty?${PERIOD}`))).body;
		if (body.retention === null) {
			expect(body.retentionProblem).toMatch(/Not enough data/);
			return;
		}
		expect(body.retention.verdict.status).toBe('unusable');
		expect(body.retention.verdict.reasons.length).toBeGreaterThan(0);
		expect(body.retention.survival).toBeNull();
		expect(body.retention.retention).toBeNull();
		expect(body.retention.cohorts.every((c: { projected: unknown }) => c.projected === null)).toBe(true);
		// The observed survival stays: it is data, not the model.
		expect(body.observedSurvival[0]).toEqual({ t: 0, survival: 1, n: expect.any(Number) });
	});

	it('uses quarters for a period of several years', async () => {
		const body = (await ready(api('/insights/loyalty?from=2024-01-01&to=2026-06-30'))).body;
		expect(body.seriesPeriod).toBe('quarter');
		expect(body.series.map((cut: { key: string }) => cut.key)).toEqual(['2026-Q1']);
	});
});
