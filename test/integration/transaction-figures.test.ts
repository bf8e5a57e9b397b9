import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { periodIndex } from '../../src/lib/server/analytics/calendar-period';
import { behaviouralLoyalty, cohortRetention } from '../../src/lib/server/analytics/loyalty';
import { summarizeTransactions, type CustomerSummary, type Transaction } from '../../src/lib/server/analytics/summary';
import type { GroupRule } from '../../src/lib/domain/groups';
import { published } from '../../src/lib/server/db/published';
import { compileRule } from '../../src/lib/server/groups/compile';
import { makeUser, makeWorkspace, withDatabase, type Client } from './helpers';
import { importValid, sharedData } from './imports';

/*
 * The figures the server gives now that it reads the transactions as columns in a worker thread
 * and summarises them stepwise, against the computation as it ran before: the rows streamed
 * from SQLite (db.transactionRows's statement, read here from the server's file) into the
 * one-go summary, cohorts and retention tallies. Per customer, for the workspace and a group.
 */

let owner: Client;
let workspaceId: string;
let groupId: string;
const REPEAT_BUYERS: GroupRule = { match: 'all', conditions: [{ field: 'transactions', op: 'gte', value: 2 }] };

async function analysis(path: string) {
	for (let i = 0; i < 100; i++) {
		const response = await owner.get(`/api/v1/workspaces/${workspaceId}/analytics/${path}`);
		if (response.status !== 202) {
			expect(response.status, JSON.stringify(response.body)).toBe(200);
			return response.body;
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error('the analysis did not finish');
}

/** The rows as the analyses read them before, in that statement's order; and the workspace's span. */
function previousRead(group: string | null): { rows: Transaction[]; spanTo: number } {
	return withDatabase((db) => {
		const rule = compileRule(REPEAT_BUYERS);
		const scope = group ? ` and t.customer_id in (select c.id from customers c join current_customer_measures m on m.customer_id = c.id where c.workspace_id = ? and ${published('customers', 'c')} and ${rule.where})` : '';
		const rows = (
			db
				.prepare(
					`select c.external_id, t.occurred_at, t.amount, coalesce(t.quantity, 1), t.margin
					from customer_transactions t join customers c on c.id = t.customer_id
					where t.workspace_id = ? and t.occurred_at < ? and ${published('customer_transactions', 't')}${scope}`
				)
				.raw()
				.all(workspaceId, Date.now() + 86_400_000, ...(group ? [workspaceId, ...rule.params] : [])) as [string, number, number, number][]
		).map(([customerId, occurredAt, amount, quantity]) => ({ customerId, occurredAt, amount, quantity }));
		const spanTo = db.prepare('select max(occurred_at) from customer_transactions where workspace_id = ?').pluck().get(workspaceId) as number;
		return { rows, spanTo };
	});
}

beforeAll(async () => {
	({ client: owner } = await makeUser());
	workspaceId = (await makeWorkspace(owner, 'CDNOW figures')).id;
	await importValid(owner, workspaceId, readFileSync(sharedData('cdnow/CDNOW_sample.txt')), {
		kind: 'transactions',
		mapping: { customerId: 1, occurredAt: 3, quantity: 4, amount: 5 },
		format: { delimiter: 'whitespace', header: false }
	});
	const group = await owner.post(`/api/v1/workspaces/${workspaceId}/groups`, {
		name: 'Repeat buyers',
		rule: REPEAT_BUYERS
	});
	groupId = group.body.id;
}, 60_000);

describe('figures read from the transaction columns', () => {
	it.each([null, 'group'])('give every customer the summary of the previous read (%s)', async (cut) => {
		const { rows, spanTo } = previousRead(cut);
		const calibrationEnd = Date.UTC(1997, 8, 30);
		const expected = summarizeTransactions(rows, { calibrationEnd, timeUnit: 'week', holdoutEnd: spanTo });
		const query = `clv?model=bgnbd&calibrationEnd=1997-09-30&timeUnit=week${cut ? `&groupId=${groupId}` : ''}`;
		const first = await analysis(`${query}&limit=100`);
		expect(first.summary.customers).toBe(expected.length);
		expect(first.summary.repeatBuyers).toBe(expected.filter((s) => s.x > 0).length);
		const listed: { externalId: string; x: number; tx: number; T: number }[] = [];
		for (let page = first; ; ) {
			listed.push(...page.customers.items);
			if (!page.customers.nextCursor) break;
			page = await analysis(`${query}&limit=100&cursor=${page.customers.nextCursor}`);
		}
		const byId = new Map<string, CustomerSummary>(expected.map((s) => [s.customerId, s]));
		expect(listed.length).toBe(expected.length);
		for (const customer of listed) {
			const summary = byId.get(customer.externalId)!;
			expect({ x: customer.x, tx: customer.tx, T: customer.T }, customer.externalId).toEqual({ x: summary.x, tx: summary.tx, T: summary.T });
		}
	});

	it('give the loyalty figures of the previous read', async () => {
		const { rows, spanTo } = previousRead(null);
		const report = await analysis('loyalty?timeUnit=week&cohortPeriod=month');
		const behavioural = behaviouralLoyalty(summarizeTransactions(rows, { calibrationEnd: spanTo, timeUnit: 'week' }));
		expect(report.behavioural).toEqual(behavioural);
		expect(report.cohorts).toEqual(cohortRetention(rows, { period: 'month', observationEnd: spanTo }).slice(-36));
	});

	it('give the retention figures of the previous read', async () => {
		const { rows, spanTo } = previousRead('group');
		const report = await analysis(`retention?period=month&groupId=${groupId}`);
		// The tally as it ran before: revenue added up in the rows' order, over distinct customer-periods.
		let revenue = 0;
		const active = new Set<string>();
		const first = new Map<string, number>();
		for (const row of rows) {
			const index = periodIndex(row.occurredAt, 'month');
			revenue += row.amount;
			active.add(`${row.customerId}|${index}`);
			first.set(row.customerId, Math.min(first.get(row.customerId) ?? index, index));
		}
		expect(report.revenuePerPeriod).toBe(revenue / active.size);
		const lastPeriod = periodIndex(spanTo, 'month');
		const initial = new Map<number, number>();
		for (const start of first.values()) if (start < lastPeriod) initial.set(start, (initial.get(start) ?? 0) + 1);
		expect(report.cohorts.map((c: { initial: number }) => c.initial)).toEqual([...initial.keys()].sort((a, b) => a - b).map((start) => initial.get(start)));
	});
});
