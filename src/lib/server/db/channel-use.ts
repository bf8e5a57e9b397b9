import { futureFromNow } from '$lib/domain/customer-data/future-dated';
import type { RuleFilter } from './customer-groups';
import { readOffLoop } from './off-loop-read';
import { published } from './published';

/** Through which channels each customer bought in a period: one row per customer and channel. */
export interface PurchaseChannels {
	externalIds: string[];
	/** Trimmed and lower case as channel-kind.ts compares names; null: the row names no channel. */
	channels: (string | null)[];
}

/**
 * The channels each customer (of a group, or all) bought through between `from` and `to` (epoch
 * ms, both included; rows dated after today are not counted, as in every transaction read), read
 * off the server's thread: a GROUP BY over a million rows. Two columns of one statement order,
 * read in one transaction, so that row k of each belongs together.
 */
export async function purchaseChannels(workspaceId: string, filter: RuleFilter | null, from: number, to: number): Promise<PurchaseChannels> {
	const sql = (column: string) => `select ${column}
		from customer_transactions t join customers c on c.id = t.customer_id
		${filter ? 'join current_customer_measures m on m.customer_id = c.id' : ''}
		where t.workspace_id = ? and t.occurred_at between ? and ? and t.occurred_at < ?
			and ${published('customer_transactions', 't')} and ${published('customers', 'c')}${filter ? ` and ${filter.where}` : ''}
		group by t.customer_id, lower(trim(t.channel))
		order by t.customer_id, lower(trim(t.channel))`;
	const params = [workspaceId, from, to, futureFromNow(), ...(filter?.params ?? [])];
	const [externalIds, channels] = await readOffLoop([
		{ sql: sql('c.external_id'), params, shape: 'pluck' },
		{ sql: sql(`nullif(lower(trim(t.channel)), '')`), params, shape: 'pluck' }
	]);
	return { externalIds: externalIds as string[], channels: channels as (string | null)[] };
}
