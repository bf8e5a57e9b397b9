import type Database from 'better-sqlite3';
// Relative, not $lib: the measure builder worker is bundled without SvelteKit's aliases.
import { futureFromNow } from '../../domain/customer-data/future-dated';
import { published } from './published';

/*
 * A rebuild of a workspace's customer measures as a sequence of short steps over one connection
 * (the measure builder worker's own, or the server's in `vite dev`): the measures are computed in
 * one read snapshot, which takes no write lock, then written as a new build beside the current
 * one in transactions of a few thousand rows, made current by one tiny transaction, and the old
 * build deleted in chunks. Other writers of the file wait at most one step for the lock, and
 * readers see the old build until the flip. The generator yields after each write transaction:
 * there the caller lets others in (a pause in the worker, the event loop in the server thread).
 * A rebuild that stops half-way leaves rows of a build that never became current; the next one
 * deletes them before it writes.
 */

const DAY_MS = 86_400_000;

/** Rows per write transaction: about 10 ms of inserts. */
export const MEASURE_CHUNK_ROWS = 2_000;

export interface MeasureSet {
	datasetVersion: number;
	/** Recency, tenure and age are measured up to this moment (ms). */
	referenceAt: number;
}

const COLUMNS = [
	'customer_id',
	'workspace_id',
	'build',
	'transactions',
	'revenue',
	'average_order_value',
	'first_purchase_at',
	'last_purchase_at',
	'recency_days',
	'tenure_days',
	'age_years',
	'revenue_rank_percent',
	'r_score',
	'f_score',
	'm_score',
	'nps_score'
] as const;

/**
 * RFM quintiles are computed among customers who bought at least once, on R = date of the last
 * purchase, F = number of transactions, M = revenue; score = 1 + floor(5 × (rank − 1) / buyers),
 * where rank is the 1-based position of the first customer with that value in ascending order:
 * ties share the lower score, and the result does not depend on row order. Rows dated after the
 * reference moment are left out. One row per customer, in the order of COLUMNS after `build`.
 */
const MEASURES_SQL = `with purchases as (
		select customer_id, count(*) as n, sum(amount) as revenue, min(occurred_at) as first_at, max(occurred_at) as last_at
		from customer_transactions where workspace_id = :w and occurred_at <= :ref and ${published('customer_transactions')} group by customer_id
	),
	latest_nps as (
		select customer_id, score from (
			select customer_id, score, row_number() over (partition by customer_id order by occurred_at desc, id desc) as position
			from survey_responses where workspace_id = :w and kind = 'nps' and customer_id is not null and occurred_at <= :ref
				and ${published('survey_responses')}
		) where position = 1
	),
	base as (
		select c.id as customer_id, coalesce(p.n, 0) as n, coalesce(p.revenue, 0) as revenue, p.first_at, p.last_at,
			c.acquired_at, c.birth_date, p.n is not null as bought
		from customers c left join purchases p on p.customer_id = c.id
		where c.workspace_id = :w and ${published('customers', 'c')}
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
	select r.customer_id, r.n, r.revenue,
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
	from ranked r left join latest_nps nps on nps.customer_id = r.customer_id
	order by r.customer_id`;

/**
 * The latest moment in the workspace's data, so that an old export does not make everyone lapsed,
 * but never after today: a row dated next year must not make everyone lapsed either (such rows
 * are left out of the measures and flagged in the data overview).
 * Transactions and events are asked per customer: each one's last moment is the end of its
 * (customer, time) index, where a scan of the workspace's rows would read every row (two seconds
 * for five million events).
 */
function referenceMoment(client: Database.Database, workspaceId: string): number {
	const row = client
		.prepare(
			`select max(
				coalesce((select max((select max(t.occurred_at) from customer_transactions t where t.customer_id = c.id and ${published('customer_transactions', 't')})) from customers c where c.workspace_id = :w and ${published('customers', 'c')}), 0),
				coalesce((select max((select max(e.occurred_at) from customer_events e where e.customer_id = c.id and ${published('customer_events', 'e')})) from customers c where c.workspace_id = :w and ${published('customers', 'c')}), 0),
				coalesce((select max(occurred_at) from survey_responses where workspace_id = :w and ${published('survey_responses')}), 0)
			) as latest`
		)
		.get({ w: workspaceId }) as { latest: number };
	const endOfToday = futureFromNow() - 1;
	return row.latest > 0 ? Math.min(row.latest, endOfToday) : Date.now();
}

/** The measure set a workspace's readers see now, and which build it is; null before the first build. */
export function currentMeasureSet(client: Database.Database, workspaceId: string): (MeasureSet & { build: number }) | null {
	const row = client
		.prepare('select dataset_version as datasetVersion, reference_at as referenceAt, build from measure_sets where workspace_id = ?')
		.get(workspaceId) as (MeasureSet & { build: number }) | undefined;
	return row ?? null;
}

export const datasetVersionOf = (client: Database.Database, workspaceId: string): number =>
	(client.prepare('select version from datasets where workspace_id = ?').pluck().get(workspaceId) as number | undefined) ?? 0;

/** Deletes the workspace's rows of builds in `range` in chunks, one transaction (and one yield) each. */
function* deleteBuilds(client: Database.Database, workspaceId: string, range: 'above' | 'below', build: number): Generator<void, void, void> {
	const chunk = client.prepare(
		`delete from customer_measures where rowid in (
			select rowid from customer_measures where workspace_id = ? and build ${range === 'above' ? '>' : '<'} ? limit ${MEASURE_CHUNK_ROWS}
		)`
	);
	while (client.transaction(() => chunk.run(workspaceId, build).changes).immediate() > 0) yield;
}

/**
 * Rebuilds the workspace's measures (see the file's comment), yielding between transactions;
 * returns the set made current. When the current set is already of the dataset version the
 * snapshot sees, nothing is written.
 */
export function* rebuildMeasures(client: Database.Database, workspaceId: string): Generator<void, MeasureSet, void> {
	// The snapshot: the version, the measures and the reference moment all from one state of the file.
	const snapshot = client.transaction(() => {
		const datasetVersion = datasetVersionOf(client, workspaceId);
		const current = currentMeasureSet(client, workspaceId);
		if (current && current.datasetVersion === datasetVersion) return { current, datasetVersion, referenceAt: current.referenceAt, rows: null };
		const referenceAt = referenceMoment(client, workspaceId);
		const rows = client.prepare(MEASURES_SQL).raw().all({ w: workspaceId, ref: referenceAt }) as unknown[][];
		return { current, datasetVersion, referenceAt, rows };
	}).deferred();
	if (!snapshot.rows) return { datasetVersion: snapshot.datasetVersion, referenceAt: snapshot.referenceAt };
	yield;

	const previous = snapshot.current?.build ?? 0;
	const build = previous + 1;
	// Rows of builds that never became current (a rebuild stopped half-way).
	yield* deleteBuilds(client, workspaceId, 'above', previous);

	// A customer erased since the snapshot is not written back (its foreign key would refuse it).
	const insert = client.prepare(
		`insert into customer_measures (${COLUMNS.join(', ')})
		select ${COLUMNS.map(() => '?').join(', ')} where exists (select 1 from customers where id = ?)`
	);
	const rows = snapshot.rows;
	for (let from = 0; from < rows.length; from += MEASURE_CHUNK_ROWS) {
		client
			.transaction(() => {
				for (let i = from; i < Math.min(rows.length, from + MEASURE_CHUNK_ROWS); i++) {
					const [customerId, ...measures] = rows[i]!;
					insert.run(customerId, workspaceId, build, ...measures, customerId);
				}
			})
			.immediate();
		yield;
	}

	client
		.transaction(() => {
			client
				.prepare(
					`insert into measure_sets (workspace_id, dataset_version, reference_at, build, built_at) values (:w, :version, :ref, :build, :now)
					on conflict (workspace_id) do update set dataset_version = :version, reference_at = :ref, build = :build, built_at = :now`
				)
				.run({ w: workspaceId, version: snapshot.datasetVersion, ref: snapshot.referenceAt, build, now: Date.now() });
		})
		.immediate();
	yield;
	yield* deleteBuilds(client, workspaceId, 'below', build);
	return { datasetVersion: snapshot.datasetVersion, referenceAt: snapshot.referenceAt };
}
