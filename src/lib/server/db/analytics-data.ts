import { getDb } from './connection';
import type { RuleFilter } from './customer-groups';

/*
 * What the analyses read: transactions, survey answers and per-customer facts of a workspace,
 * optionally only of one customer group. Rows stream from SQLite (an iterator, no arrays of a
 * million objects); customers are named by their external id.
 */

/** `and t.customer_id in (…group…)`, or nothing for the whole workspace. */
function scope(column: string, workspaceId: string, filter: RuleFilter | null): { sql: string; params: (string | number)[] } {
	if (!filter) return { sql: '', params: [] };
	return {
		sql: ` and ${column} in (select c.id from customers c join customer_measures m on m.customer_id = c.id where c.workspace_id = ? and ${filter.where})`,
		params: [workspaceId, ...filter.params]
	};
}

export interface TransactionRow {
	customerId: string;
	occurredAt: number;
	amount: number;
	quantity: number;
}

export function* transactionRows(workspaceId: string, filter: RuleFilter | null = null): Generator<TransactionRow> {
	const group = scope('t.customer_id', workspaceId, filter);
	const rows = getDb()
		.$client.prepare(
			`select c.external_id, t.occurred_at, t.amount, coalesce(t.quantity, 1)
			from customer_transactions t join customers c on c.id = t.customer_id
			where t.workspace_id = ?${group.sql}`
		)
		.raw()
		.iterate(workspaceId, ...group.params) as IterableIterator<[string, number, number, number]>;
	for (const [customerId, occurredAt, amount, quantity] of rows) yield { customerId, occurredAt, amount, quantity };
}

export interface SurveyRow {
	customerId: string | null;
	occurredAt: number;
	kind: 'nps' | 'csat' | 'ces';
	score: number;
	eventType: string | null;
	channel: string | null;
}

/** Survey answers; anonymous answers only for the whole workspace (they belong to no group). */
export function surveyRows(workspaceId: string, filter: RuleFilter | null = null): SurveyRow[] {
	const group = scope('s.customer_id', workspaceId, filter);
	return getDb()
		.$client.prepare(
			`select c.external_id as customerId, s.occurred_at as occurredAt, s.kind, s.score, s.event_type as eventType, s.channel
			from survey_responses s left join customers c on c.id = s.customer_id
			where s.workspace_id = ?${group.sql}`
		)
		.all(workspaceId, ...group.params) as SurveyRow[];
}

export interface CustomerFacts {
	customerId: string;
	acquisitionCost: number | null;
	/** Sum of the stated category totals (spend at all suppliers) over the customer's categories, when known. */
	categoryTotal: number | null;
	/** Sum of what the customer spent with us in those same categories (the category-spend import). */
	categoryOwnSpend: number | null;
}

export function customerFacts(workspaceId: string, filter: RuleFilter | null = null): CustomerFacts[] {
	const group = scope('c0.id', workspaceId, filter);
	return getDb()
		.$client.prepare(
			`select c0.external_id as customerId, c0.acquisition_cost as acquisitionCost,
				(select sum(cs.category_total) from category_spend cs where cs.customer_id = c0.id and cs.category_total is not null) as categoryTotal,
				(select sum(cs.amount) from category_spend cs where cs.customer_id = c0.id and cs.category_total is not null) as categoryOwnSpend
			from customers c0 where c0.workspace_id = ?${group.sql}`
		)
		.all(workspaceId, ...group.params) as CustomerFacts[];
}

/** First and last transaction moments of the workspace (ms), or null without transactions. */
export function transactionSpan(workspaceId: string): { from: number; to: number } | null {
	const row = getDb()
		.$client.prepare('select min(occurred_at) as "from", max(occurred_at) as "to" from customer_transactions where workspace_id = ?')
		.get(workspaceId) as { from: number | null; to: number | null };
	return row.from === null || row.to === null ? null : { from: row.from, to: row.to };
}
