import { futureFromNow } from '$lib/domain/customer-data/future-dated';
import type { StepVoices } from '$lib/domain/metrics';
import { getDb } from './connection';
import type { RuleFilter } from './customer-groups';
import { readEventColumnsFrom, runToEnd, type EventColumns } from './event-read';
import { published } from './published';
import type { FactColumns, TransactionColumns, TransactionReadResult } from './transaction-read';
import { readTransactionsOffLoop } from './transaction-reader';

export type { EventColumns } from './event-read';
export type { FactColumns, TransactionColumns } from './transaction-read';

/*
 * What the analyses read: transactions, survey answers and per-customer facts of a workspace,
 * optionally only of one customer group. Rows stream from SQLite (an iterator, no arrays of a
 * million objects); customers are named by their external id.
 */

/** `and t.customer_id in (…group…)`, or nothing for the whole workspace. */
function scope(column: string, workspaceId: string, filter: RuleFilter | null): { sql: string; params: (string | number)[] } {
	if (!filter) return { sql: '', params: [] };
	return {
		sql: ` and ${column} in (select c.id from customers c join current_customer_measures m on m.customer_id = c.id where c.workspace_id = ? and ${published('customers', 'c')} and ${filter.where})`,
		params: [workspaceId, ...filter.params]
	};
}

export interface TransactionRow {
	customerId: string;
	occurredAt: number;
	amount: number;
	quantity: number;
	/** Gross margin in money (amount minus cost of goods), when the import carried it. */
	margin: number | null;
}

export function* transactionRows(workspaceId: string, filter: RuleFilter | null = null): Generator<TransactionRow> {
	const group = scope('t.customer_id', workspaceId, filter);
	// Transactions dated after today are kept and flagged (the data overview), not counted.
	const rows = getDb()
		.$client.prepare(
			`select c.external_id, t.occurred_at, t.amount, coalesce(t.quantity, 1), t.margin
			from customer_transactions t join customers c on c.id = t.customer_id
			where t.workspace_id = ? and t.occurred_at < ? and ${published('customer_transactions', 't')}${group.sql}`
		)
		.raw()
		.iterate(workspaceId, futureFromNow(), ...group.params) as IterableIterator<[string, number, number, number, number | null]>;
	for (const [customerId, occurredAt, amount, quantity, margin] of rows) yield { customerId, occurredAt, amount, quantity, margin };
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
			where s.workspace_id = ? and ${published('survey_responses', 's')}${group.sql}`
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
			from customers c0 where c0.workspace_id = ? and ${published('customers', 'c0')}${group.sql}`
		)
		.all(workspaceId, ...group.params) as CustomerFacts[];
}

/**
 * First and last transaction moments of the workspace (ms), or null without transactions; as
 * `transactionRows`, of those not dated after today, so that one row dated next year does not
 * make every customer look lapsed.
 */
export function transactionSpan(workspaceId: string): { from: number; to: number } | null {
	const row = getDb()
		.$client.prepare(
			`select min(occurred_at) as "from", max(occurred_at) as "to" from customer_transactions
			where workspace_id = ? and occurred_at < ? and ${published('customer_transactions')}`
		)
		.get(workspaceId, futureFromNow()) as { from: number | null; to: number | null };
	return row.from === null || row.to === null ? null : { from: row.from, to: row.to };
}

/**
 * Reads the workspace's events as columns in this thread, yielding between reads so that the
 * caller can let other requests run (event-reader.ts reads in worker threads when it can).
 */
export const readEventColumns = (workspaceId: string): Generator<void, EventColumns, void> => readEventColumnsFrom(getDb().$client, workspaceId);

/** All of readEventColumns at once. */
export const eventColumns = (workspaceId: string): EventColumns => runToEnd(readEventColumns(workspaceId));

/**
 * A workspace's transactions as columns (of a group's customers, or all), with the workspace's
 * span (as transactionSpan) and, when asked, the customers' facts (as customerFacts) as columns
 * of the same customer numbering: read in a worker thread, one read transaction, when it can be
 * (transaction-reader.ts), the server's thread free meanwhile. Dated after today: not counted.
 */
export async function transactionData(
	workspaceId: string,
	filter: RuleFilter | null,
	{ facts = false } = {}
): Promise<{ columns: TransactionColumns; span: { from: number; to: number } | null; facts: FactColumns | null }> {
	const read = await readTransactionsOffLoop({
		workspaceId,
		before: futureFromNow(),
		rows: { group: scope('t.customer_id', workspaceId, filter) },
		span: true,
		...(facts ? { facts: { group: scope('c0.id', workspaceId, filter) } } : {})
	});
	return { columns: read.columns!, span: read.span, facts: read.facts };
}

/** revenueByCustomer read off the server's thread (its GROUP BY over a million rows takes a few hundred ms). */
export async function revenueByCustomerOffLoop(workspaceId: string): Promise<Map<number, number>> {
	const { revenue }: TransactionReadResult = await readTransactionsOffLoop({ workspaceId, before: futureFromNow(), revenue: true });
	const byCustomer = new Map<number, number>();
	revenue!.ids.forEach((id, i) => byCustomer.set(id, revenue!.sums[i]!));
	return byCustomer;
}

/** Revenue per customer (internal id → sum of amounts). */
export function revenueByCustomer(workspaceId: string): Map<number, number> {
	const rows = getDb()
		.$client.prepare(`select customer_id, sum(amount) from customer_transactions where workspace_id = ? and ${published('customer_transactions')} group by customer_id`)
		.raw()
		.all(workspaceId) as [number, number][];
	return new Map(rows);
}

/** Event types that say a customer complained or needed help (the domain's examples). */
export const COMPLAINT_EVENT_TYPES = ['complaint', 'contact_customer_service'] as const;

export type { StepVoices } from '$lib/domain/metrics';

/**
 * What customers said near a journey step: comments on answers tagged with its event types, and
 * how many complained or called within `windowMs` of their first event of the step.
 */
export function stepVoices(
	workspaceId: string,
	filter: RuleFilter | null,
	eventTypes: readonly string[],
	options: { windowMs: number; from: number | null; to: number | null; limit?: number }
): StepVoices {
	const client = getDb().$client;
	const types = eventTypes.map(() => '?').join(', ');
	const from = options.from ?? -8.64e15;
	const to = options.to ?? 8.64e15;
	const answers = scope('s.customer_id', workspaceId, filter);
	const comments = client
		.prepare(
			`select s.kind, s.score, s.comment, s.occurred_at as at from survey_responses s
			where s.workspace_id = ? and s.event_type in (${types}) and s.comment is not null and trim(s.comment) <> ''
				and s.occurred_at between ? and ? and ${published('survey_responses', 's')}${answers.sql}
			order by s.occurred_at desc, s.id desc limit ?`
		)
		.all(workspaceId, ...eventTypes, from, to, ...answers.params, options.limit ?? 5) as StepVoices['comments'];
	const reached = scope('e.customer_id', workspaceId, filter);
	const complaints = COMPLAINT_EVENT_TYPES.map(() => '?').join(', ');
	const complainants = client
		.prepare(
			`select count(distinct c.customer_id) from customer_events c
			join (
				select e.customer_id, min(e.occurred_at) as at from customer_events e
				where e.workspace_id = ? and e.event_type in (${types}) and e.occurred_at between ? and ? and ${published('customer_events', 'e')}${reached.sql}
				group by e.customer_id
			) s on s.customer_id = c.customer_id
			where c.workspace_id = ? and c.event_type in (${complaints}) and c.occurred_at >= s.at and c.occurred_at <= s.at + ?
				and ${published('customer_events', 'c')}`
		)
		.pluck()
		.get(workspaceId, ...eventTypes, from, to, ...reached.params, workspaceId, ...COMPLAINT_EVENT_TYPES, options.windowMs) as number;
	return { comments, complainants };
}
