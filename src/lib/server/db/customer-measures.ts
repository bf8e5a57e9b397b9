import { eq } from 'drizzle-orm';
import { futureFromNow } from '$lib/domain/customer-data/future-dated';
import { getDb } from './connection';
import { datasets, measureSets } from './schema';

const DAY_MS = 86_400_000;

export interface MeasureSet {
	datasetVersion: number;
	/** Recency, tenure and age are measured up to this moment (ms). */
	referenceAt: number;
}

/**
 * The measures group rules test, kept per workspace and rebuilt (in one transaction) when an
 * import or an erasure has moved the dataset version on since they were built.
 *
 * RFM quintiles are computed among customers who bought at least once, on R = date of the last
 * purchase, F = number of transactions, M = revenue; score = 1 + floor(5 × (rank − 1) / buyers),
 * where rank is the 1-based position of the first customer with that value in ascending order:
 * ties share the lower score, and the result does not depend on row order.
 */
export function ensureMeasures(workspaceId: string): MeasureSet {
	const db = getDb();
	// Most calls find the measures current: a plain read, no write lock.
	const current = db.select({ version: datasets.version }).from(datasets).where(eq(datasets.workspaceId, workspaceId)).get()?.version ?? 0;
	const known = db.select().from(measureSets).where(eq(measureSets.workspaceId, workspaceId)).get();
	if (known && known.datasetVersion === current) return { datasetVersion: current, referenceAt: known.referenceAt };
	return db.transaction(
		(tx) => {
			const version = tx.select({ version: datasets.version }).from(datasets).where(eq(datasets.workspaceId, workspaceId)).get()?.version ?? 0;
			const built = tx.select().from(measureSets).where(eq(measureSets.workspaceId, workspaceId)).get();
			if (built && built.datasetVersion === version) {
				return { datasetVersion: version, referenceAt: built.referenceAt };
			}
			const referenceAt = referenceMoment(workspaceId);
			rebuild(workspaceId, referenceAt);
			tx.insert(measureSets)
				.values({ workspaceId, datasetVersion: version, referenceAt, builtAt: new Date() })
				.onConflictDoUpdate({
					target: measureSets.workspaceId,
					set: { datasetVersion: version, referenceAt, builtAt: new Date() }
				})
				.run();
			return { datasetVersion: version, referenceAt };
		},
		{ behavior: 'immediate' }
	);
}

/**
 * The latest moment in the workspace's data, so that an old export does not make everyone lapsed,
 * but never after today: a row dated next year must not make everyone lapsed either (such rows
 * are left out of the measures, see `rebuild`, and flagged in the data overview).
 * Transactions and events are asked per customer: each one's last moment is the end of its
 * (customer, time) index, where a scan of the workspace's rows would read every row (two seconds
 * for five million events).
 */
function referenceMoment(workspaceId: string): number {
	const row = getDb()
		.$client.prepare(
			`select max(
				coalesce((select max((select max(t.occurred_at) from customer_transactions t where t.customer_id = c.id)) from customers c where c.workspace_id = :w), 0),
				coalesce((select max((select max(e.occurred_at) from customer_events e where e.customer_id = c.id)) from customers c where c.workspace_id = :w), 0),
				coalesce((select max(occurred_at) from survey_responses where workspace_id = :w), 0)
			) as latest`
		)
		.get({ w: workspaceId }) as { latest: number };
	const endOfToday = futureFromNow() - 1;
	return row.latest > 0 ? Math.min(row.latest, endOfToday) : Date.now();
}

function rebuild(workspaceId: string, referenceAt: number): void {
	const client = getDb().$client;
	client.prepare('delete from customer_measures where workspace_id = ?').run(workspaceId);
	client
		.prepare(
			`insert into customer_measures (customer_id, workspace_id, transactions, revenue, average_order_value,
				first_purchase_at, last_purchase_at, recency_days, tenure_days, age_years, revenue_rank_percent,
				r_score, f_score, m_score, nps_score)
			with purchases as (
				select customer_id, count(*) as n, sum(amount) as revenue, min(occurred_at) as first_at, max(occurred_at) as last_at
				from customer_transactions where workspace_id = :w and occurred_at <= :ref group by customer_id
			),
			latest_nps as (
				select customer_id, score from (
					select customer_id, score, row_number() over (partition by customer_id order by occurred_at desc, id desc) as position
					from survey_responses where workspace_id = :w and kind = 'nps' and customer_id is not null and occurred_at <= :ref
				) where position = 1
			),
			base as (
				select c.id as customer_id, coalesce(p.n, 0) as n, coalesce(p.revenue, 0) as revenue, p.first_at, p.last_at,
					c.acquired_at, c.birth_date, p.n is not null as bought
				from customers c left join purchases p on p.customer_id = c.id
				where c.workspace_id = :w
			),
			ranked as (
				select base.*,
					rank() over (order by revenue desc) as revenue_rank,
					count(*) over () as everyone,
					count(*) over (partition by bought) as peers,
					rank() over (partition by bought order by last_at) as r_rank,
					rank() over (partition by bought order by n) as f_rank,
					rank() over (partition by bought order by revenue) as m_rank
				from base
			)
			select r.customer_id, :w, r.n, r.revenue,
				case when r.n > 0 then r.revenue / r.n end,
				r.first_at, r.last_at,
				case when r.last_at is not null then (:ref - r.last_at) / ${DAY_MS}.0 end,
				case when coalesce(r.acquired_at, r.first_at) is not null then (:ref - coalesce(r.acquired_at, r.first_at)) / ${DAY_MS}.0 end,
				case when r.birth_date is not null then cast((julianday(:ref / 1000, 'unixepoch') - julianday(r.birth_date)) / 365.2425 as integer) end,
				100.0 * (r.revenue_rank - 1) / r.everyone,
				case when r.bought then 1 + (5 * (r.r_rank - 1)) / r.peers end,
				case when r.bought then 1 + (5 * (r.f_rank - 1)) / r.peers end,
				case when r.bought then 1 + (5 * (r.m_rank - 1)) / r.peers end,
				nps.score
			from ranked r left join latest_nps nps on nps.customer_id = r.customer_id`
		)
		.run({ w: workspaceId, ref: referenceAt });
}
