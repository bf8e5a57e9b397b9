import { futureFromNow } from '$lib/domain/customer-data/future-dated';
import type { TransactionLog } from '../analytics/summary';
import { getDb } from './connection';
import { datasetVersion } from './customer-data';
import type { RuleFilter } from './customer-groups';
import { readEventColumnsFrom, runToEnd, type EventColumns } from './event-read';
import { published } from './published';
import type { FactColumns, TransactionColumns, TransactionReadResult } from './transaction-read';
import { readTransactionsOffLoop } from './transaction-reader';

export type { EventColumns } from './event-read';
export type { FactColumns, TransactionColumns } from './transaction-read';

/*
 * What the analyses read: transactions, survey answers and per-customer facts of a workspace,
 * optionally only of one customer group. The transactions (a million rows) come as typed columns
 * read off the server's thread (transaction-reader.ts), never as a million objects; customers are
 * named by their external id.
 */

/** `and t.customer_id in (…group…)`, or nothing for the whole workspace. */
function scope(column: string, workspaceId: string, filter: RuleFilter | null): { sql: string; params: (string | number)[] } {
	if (!filter) return { sql: '', params: [] };
	return {
		sql: ` and ${column} in (select c.id from customers c join current_customer_measures m on m.customer_id = c.id where c.workspace_id = ? and ${published('customers', 'c')} and ${filter.where})`,
		params: [workspaceId, ...filter.params]
	};
}

export interface SurveyRow {
	customerId: string | null;
	occurredAt: number;
	kind: 'nps' | 'csat' | 'ces';
	score: number;
	eventType: string | null;
	channel: string | null;
	comment: string | null;
}

/** Survey answers; anonymous answers only for the whole workspace (they belong to no group). */
export function surveyRows(workspaceId: string, filter: RuleFilter | null = null): SurveyRow[] {
	const group = scope('s.customer_id', workspaceId, filter);
	return getDb()
		.$client.prepare(
			`select c.external_id as customerId, s.occurred_at as occurredAt, s.kind, s.score, s.event_type as eventType, s.channel, s.comment
			from survey_responses s left join customers c on c.id = s.customer_id
			where s.workspace_id = ? and ${published('survey_responses', 's')}${group.sql}
			order by s.id`
		)
		.all(workspaceId, ...group.params) as SurveyRow[];
}

/**
 * Reads the workspace's events as columns in this thread, yielding between reads so that the
 * caller can let other requests run (event-reader.ts reads in worker threads when it can).
 */
export const readEventColumns = (workspaceId: string): Generator<void, EventColumns, void> => readEventColumnsFrom(getDb().$client, workspaceId);

/** All of readEventColumns at once. */
export const eventColumns = (workspaceId: string): EventColumns => runToEnd(readEventColumns(workspaceId));

/**
 * A workspace's transactions as columns (of a group's customers, or all), with the first and last
 * moments of all the workspace's transactions (null without any) and, when asked, the customers'
 * facts as columns of the same customer numbering (acquisition cost; the category totals they
 * stated and what they spent with us in those categories, from the category-spend import): read in a worker thread, one read transaction, when it can be
 * (transaction-reader.ts), the server's thread free meanwhile. Dated after today: not counted.
 */
export async function transactionData(workspaceId: string, filter: RuleFilter | null, { facts = false } = {}): Promise<TransactionData> {
	const before = futureFromNow();
	if (filter) return readTransactionData(workspaceId, filter, before, facts);
	const key = `${datasetVersion(workspaceId)}:${before}`;
	const kept = wholeWorkspaceReads.get(workspaceId);
	if (kept?.key === key) return kept.data;
	const data = readTransactionData(workspaceId, null, before, true);
	wholeWorkspaceReads.set(workspaceId, { key, data });
	data.catch(() => {
		if (wholeWorkspaceReads.get(workspaceId)?.data === data) wholeWorkspaceReads.delete(workspaceId);
	});
	return data;
}

export interface TransactionData {
	columns: TransactionColumns;
	span: { from: number; to: number } | null;
	facts: FactColumns | null;
}

/*
 * Most sections of the insights page start from the whole workspace's transactions, and they ask
 * at once when the page opens after an import — each read seconds of a worker's time at a million
 * rows. One read, with the facts, serves every ask of the same dataset version and day; its users
 * only read the columns. A group's or persona's read is its own (a persona's members change with
 * a derivation, not with the dataset version).
 */
const wholeWorkspaceReads = new Map<string, { key: string; data: Promise<TransactionData> }>();

async function readTransactionData(workspaceId: string, filter: RuleFilter | null, before: number, facts: boolean): Promise<TransactionData> {
	const read = await readTransactionsOffLoop({
		workspaceId,
		before,
		rows: { group: scope('t.customer_id', workspaceId, filter) },
		span: true,
		...(facts ? { facts: { group: scope('c0.id', workspaceId, filter) } } : {})
	});
	return { columns: read.columns!, span: read.span, facts: read.facts };
}

/** The columns as the summaries read them: customers by their external ids. */
export const transactionLog = (columns: TransactionColumns): TransactionLog => ({
	customer: columns.customer,
	occurredAt: columns.occurredAt,
	amount: columns.amount,
	quantity: columns.quantity,
	customerIds: columns.externalIds
});

/** Revenue per customer (internal id → sum of amounts, every row whatever its date), read off the server's thread: a GROUP BY over a million rows. */
export async function revenueByCustomerOffLoop(workspaceId: string): Promise<Map<number, number>> {
	const { revenue }: TransactionReadResult = await readTransactionsOffLoop({ workspaceId, before: futureFromNow(), revenue: true });
	const byCustomer = new Map<number, number>();
	revenue!.ids.forEach((id, i) => byCustomer.set(id, revenue!.sums[i]!));
	return byCustomer;
}

/** Event types that say a customer complained or needed help (the domain's examples). */
export const COMPLAINT_EVENT_TYPES = ['complaint', 'contact_customer_service'] as const;


/** The first and last moments of a workspace's counted transactions (read off the server's thread); null without any. */
export async function transactionSpan(workspaceId: string): Promise<{ from: number; to: number } | null> {
	return (await readTransactionsOffLoop({ workspaceId, before: futureFromNow(), span: true })).span;
}
