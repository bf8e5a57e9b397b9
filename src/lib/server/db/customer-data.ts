import { and, desc, eq, inArray } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { getDb } from './connection';
import { beginMove, discardMove, discardMovesNotIn, inChunks, newFigures, publishMove, type MoveTable } from './import-move';
import { published } from './published';
import { keyset, toPage, type Page, type PageRequest } from './pagination';
import {
	columnMappings,
	customers,
	imports,
	type ColumnMapping,
	type Import,
	type ImportKind,
	type ImportRowError,
	importKinds
} from './schema';

/*
 * Storage of customer data. Imports go through a staging table: a TEMP table on the importing
 * connection (the import worker's own, or the server's when there is no worker), filled batch
 * by batch, then moved into the real tables: transactions, events and answers in chunks of
 * short transactions that readers do not see until the last one (import-move.ts, published.ts),
 * customers and category spend in one. A crash loses the TEMP table with the connection, and
 * what a chunked move had written is deleted at the next start, so nothing half-imported
 * remains. Everything that can be done before the move (ordering, repeat numbers, the
 * customers referred to) is done in TEMP tables first, because while a transaction holds the
 * write lock every other write waits for it.
 */

type SqlValue = string | number | null;

interface StageSpec {
	/** Columns of the staging table besides `seq` (order of the rows in the file). */
	columns: string[];
	/** Kinds whose rows are deduplicated by a hash of their content (+ occurrence in the file). */
	hashed: boolean;
}

export const STAGE_COLUMNS: Record<ImportKind, StageSpec> = {
	customers: {
		columns: [
			'external_id', 'name', 'email', 'gender', 'postcode', 'city', 'opt_in', 'birth_date', 'interests',
			'preferences', 'education', 'occupation', 'income_band', 'household_size', 'children_count',
			'loyalty_member', 'attributes', 'acquired_at', 'acquisition_channel', 'acquisition_cost'
		],
		hashed: false
	},
	transactions: {
		columns: ['external_id', 'occurred_at', 'amount', 'quantity', 'product', 'category', 'channel', 'margin'],
		hashed: true
	},
	events: { columns: ['external_id', 'occurred_at', 'event_type', 'channel', 'properties'], hashed: true },
	surveys: {
		columns: ['external_id', 'occurred_at', 'kind', 'score', 'event_type', 'channel', 'comment'],
		hashed: true
	},
	category_spend: { columns: ['external_id', 'category', 'amount', 'category_total'], hashed: false }
};

const stageTable = (importId: string) => {
	if (!/^[a-z0-9]+$/.test(importId)) throw new Error('unexpected import id');
	return `import_stage_${importId}`;
};

export interface Stage {
	importId: string;
	kind: ImportKind;
	/** Rows staged so far (written or queued). */
	count: number;
	/** Queues a row: its values in the order of STAGE_COLUMNS, and its content hash for hashed kinds. */
	add(values: SqlValue[], contentHash: string | null): void;
	/** Writes the queued rows, in one transaction on the TEMP database only. */
	flush(): void;
}

/** Rows per INSERT: one statement binding many rows costs far less per row than one per row. */
const ROWS_PER_STATEMENT = 100;

export function createStage(importId: string, kind: ImportKind): Stage {
	const client = getDb().$client;
	const table = `temp.${stageTable(importId)}`;
	const spec = STAGE_COLUMNS[kind];
	client.exec(`drop table if exists ${table}`);
	const columns = [...spec.columns, ...(spec.hashed ? ['content_hash'] : [])];
	client.exec(
		`create table ${table} (seq integer primary key, ${columns.join(', ')})`
	);
	const tuple = `(${columns.map(() => '?').join(', ')})`;
	const insertOf = (rows: number) =>
		client.prepare(`insert into ${table} (${columns.join(', ')}) values ${Array(rows).fill(tuple).join(', ')}`);
	const full = insertOf(ROWS_PER_STATEMENT);
	const width = columns.length;
	let queued: SqlValue[] = [];
	const write = client.transaction((values: SqlValue[]) => {
		const step = ROWS_PER_STATEMENT * width;
		let at = 0;
		for (; at + step <= values.length; at += step) full.run(values.slice(at, at + step));
		if (at < values.length) insertOf((values.length - at) / width).run(values.slice(at));
	});
	const stage: Stage = {
		importId,
		kind,
		count: 0,
		add(values, contentHash) {
			for (const value of values) queued.push(value);
			if (spec.hashed) queued.push(contentHash);
			stage.count++;
		},
		flush() {
			if (queued.length) write(queued);
			queued = [];
		}
	};
	return stage;
}

export function dropStage(importId: string): void {
	const client = getDb().$client;
	const stage = stageTable(importId);
	for (const table of [stage, `${stage}_sorted`, `${stage}_customers`, `${stage}_bare`]) client.exec(`drop table if exists temp.${table}`);
}

const CUSTOMER_COLUMN_OF: Record<string, string> = {
	name: 'name', email: 'email', gender: 'gender', postcode: 'postcode', city: 'city', optIn: 'opt_in',
	birthDate: 'birth_date', interests: 'interests', preferences: 'preferences', education: 'education',
	occupation: 'occupation', incomeBand: 'income_band', householdSize: 'household_size',
	childrenCount: 'children_count', loyaltyMember: 'loyalty_member', acquiredAt: 'acquired_at',
	acquisitionChannel: 'acquisition_channel', acquisitionCost: 'acquisition_cost'
};

export interface CommitOptions {
	workspaceId: string;
	/** Fields the file maps: only these are overwritten when a customer (or category spend) exists. */
	mappedFields?: string[];
	withAttributes?: boolean;
	rowsTotal: number;
	errors: ImportRowError[];
	/** Asked between the chunks of a move: a cancelled move is undone. */
	cancelled?: () => boolean;
}

export interface Committed {
	/** Rows that were new (or, for customers, inserted or updated). */
	imported: number;
	/** The longest the move held the database's write lock at once (every other write waited meanwhile), ms. */
	lockMs: number;
	/** The write lock held by all its transactions together, ms. */
	lockedMs: number;
	/** Readying the staged rows for the move (no lock held), ms. */
	prepareMs: number;
	/** The transactions it took. */
	chunks: number;
}

/** The workspace was deleted while its import ran. */
export class WorkspaceGone extends Error {}

/**
 * Readies a staged import for its move, in TEMP tables only (no lock on the database): the
 * customers the rows refer to that the workspace does not have yet, in order of their external
 * id, and, for hashed kinds, the rows again in the order of their row hash, each with its hash.
 * Then the move only reads its rows one after the other.
 */
function prepareMove(client: Database.Database, stage: Stage, workspaceId: string): void {
	const table = stageTable(stage.importId);
	const spec = STAGE_COLUMNS[stage.kind];
	if (stage.kind !== 'customers') {
		// Each customer the rows refer to, with the place its rows take in the move: the id of a
		// customer the workspace has, or (after all of those) the rank of a customer created bare,
		// whose ids the move hands out in that same order.
		client.exec(`create table temp.${table}_customers (external_id text primary key, sort_key integer) without rowid`);
		client
			.prepare(
				`insert into temp.${table}_customers
				 select s.external_id, c.id from (select distinct external_id from temp.${table} where external_id is not null) s
				 left join customers c on c.workspace_id = ? and c.external_id = s.external_id`
			)
			.run(workspaceId);
		// Read, not written: the customers created bare are found before the move, outside its lock.
		// A customer erased from here on is not created again (the move's join leaves its rows out).
		client.exec(`create table temp.${table}_bare as select external_id from temp.${table}_customers where sort_key is null order by external_id`);
		client.exec(
			`update temp.${table}_customers set sort_key = ranked.sort_key
			 from (select external_id, ${BARE_SORT_KEYS} + row_number() over (order by external_id) as sort_key
			       from temp.${table}_customers where sort_key is null) ranked
			 where ${table}_customers.external_id = ranked.external_id`
		);
	}
	if (spec.hashed) {
		// The n-th identical row of a file gets hash "<content>:n": genuine repeats in one file stay
		// (CDNOW has 19), while importing the same file again adds nothing. The rows go in the order
		// of their customer: both indexes the move writes begin with the customer, so that each chunk
		// writes a few neighbouring pages of them instead of pages all over (which every chunk's
		// commit wrote to the WAL again: 45 s for a million rows instead of a few). One sort gives the
		// repeat numbers and the order.
		const selected = spec.columns.map((c) => `s.${c}`).join(', ');
		client.exec(
			`create table temp.${table}_sorted as
			 select ${selected}, s.content_hash || ':' || (row_number() over (partition by k.sort_key, s.content_hash order by s.seq) - 1) as row_hash
			 from temp.${table} s left join temp.${table}_customers k on k.external_id = s.external_id
			 order by k.sort_key, s.content_hash, s.seq`
		);
		client.exec(`drop table temp.${table}`);
	}
}

/** Above every customer id: the sort keys of customers a move creates. */
const BARE_SORT_KEYS = 1e12;

type Moved = Omit<Committed, 'prepareMs'>;

type HashedKind = Exclude<ImportKind, 'customers' | 'category_spend'>;

const MOVE_TARGETS: Record<HashedKind, [MoveTable, string]> = {
	transactions: ['customer_transactions', 'occurred_at, amount, quantity, product, category, channel, margin'],
	events: ['customer_events', 'occurred_at, event_type, channel, properties'],
	surveys: ['survey_responses', 'occurred_at, kind, score, event_type, channel, comment']
};

/**
 * Moves the staged rows into the workspace's data, marks the import done and raises the dataset
 * version. Transactions, events and survey answers go in chunks, each a short transaction of
 * its own, that readers do not see until the last (import-move.ts); a failure on the way deletes
 * what the chunks wrote. Customers and category spend update rows that exist, which readers
 * would see at once: they go in one transaction.
 */
export async function commitStage(stage: Stage, options: CommitOptions): Promise<Committed> {
	const client = getDb().$client;
	stage.flush();
	const prepared = performance.now();
	prepareMove(client, stage, options.workspaceId);
	const prepareMs = performance.now() - prepared;
	// The customer index takes random keys: with the default page cache a million rows thrash
	// it. A bigger cache for the length of the move: at a million rows 32 MB moved as fast as 64
	// or 256 MB, and keeps the server (with the import worker) under 400 MB.
	const cacheSize = client.pragma('cache_size', { simple: true }) as number;
	client.pragma(`cache_size = ${COMMIT_CACHE_KIB}`);
	// Every chunk commits the pages it touched of the customer index (random keys) again; a
	// checkpoint after every chunk (at the default 1000 pages) would copy them back to the file each
	// time. Fewer, larger checkpoints copy each page once for many chunks.
	const autocheckpoint = client.pragma('wal_autocheckpoint', { simple: true }) as number;
	client.pragma(`wal_autocheckpoint = ${MOVE_CHECKPOINT_PAGES}`);
	try {
		const moved = stage.kind === 'customers' || stage.kind === 'category_spend'
			? inOneTransaction(client, stage, options)
			: await inChunksOf(client, stage, stage.kind, options);
		return { ...moved, prepareMs };
	} finally {
		client.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
		client.pragma(`cache_size = ${cacheSize}`);
	}
}

const workspaceCheck = (client: Database.Database, workspaceId: string) => {
	const exists = client.prepare('select 1 from workspaces where id = ?');
	return () => {
		if (!exists.get(workspaceId)) throw new WorkspaceGone();
	};
};

/** The end of every move, in its last transaction. */
function finishImport(stage: Stage, options: CommitOptions, imported: number, now: number): void {
	bumpDatasetVersion(options.workspaceId, now);
	getDb()
		.$client.prepare(
			`update imports set status = 'done', progress = 1, rows_total = ?, rows_imported = ?, errors = ?, finished_at = ? where id = ?`
		)
		.run(options.rowsTotal, imported, JSON.stringify(options.errors), now, stage.importId);
}

async function inChunksOf(client: Database.Database, stage: Stage, kind: HashedKind, options: CommitOptions): Promise<Moved> {
	const table = `temp.${stageTable(stage.importId)}`;
	const ws = options.workspaceId;
	const now = Date.now();
	const check = workspaceCheck(client, ws);
	const [name, columns] = MOVE_TARGETS[kind];
	const figures = newFigures();
	await beginMove(client, stage.importId, name, check);
	try {
		// Customers that rows refer to but that were never imported are created bare, first: the
		// rows need their ids. Until the end readers leave them out with the rows.
		const bare = client.prepare(
			`insert into customers (workspace_id, external_id, created_at)
			 select ?, external_id, ? from ${table}_bare where rowid > ? and rowid <= ? order by rowid
			 on conflict (workspace_id, external_id) do nothing`
		);
		const bareCount = client.prepare(`select count(*) from ${table}_bare`).pluck().get() as number;
		let at = 0;
		await inChunks(
			client,
			(rows) => {
				const changes = bare.run(ws, now, at, at + rows).changes;
				at += rows;
				return { changes, done: at >= bareCount };
			},
			{ check, cancelled: options.cancelled, withoutForeignKeys: true, figures }
		);
		// In the order of the sorted stage (by customer). A row whose customer is gone (erased during
		// the move) is left out, an answer too: it is not anonymous. Survey answers may have no
		// customer: their row hash is unique in the workspace.
		const selected = columns.split(', ').map((c) => `s.${c}`).join(', ');
		const join = `${kind === 'surveys' ? 'left ' : ''}join customers c on c.workspace_id = ? and c.external_id = s.external_id`;
		const move = client.prepare(
			`insert into ${name} (workspace_id, customer_id, ${columns}, row_hash)
			 select ?, c.id, ${selected}, s.row_hash from ${table}_sorted s ${join}
			 where s.rowid > ? and s.rowid <= ?${kind === 'surveys' ? ' and (s.external_id is null or c.id is not null)' : ''}
			 order by s.rowid
			 on conflict (workspace_id, ${kind === 'surveys' ? '' : 'customer_id, '}row_hash) do nothing`
		);
		const staged = client.prepare(`select count(*) from ${table}_sorted`).pluck().get() as number;
		const rowFigures = newFigures();
		at = 0;
		await inChunks(
			client,
			(rows) => {
				const changes = move.run(ws, ws, at, at + rows).changes;
				at += rows;
				return { changes, done: at >= staged };
			},
			{ check, cancelled: options.cancelled, withoutForeignKeys: true, figures: rowFigures }
		);
		const imported = rowFigures.changes;
		const lastMs = publishMove(client, stage.importId, () => {
			check();
			finishImport(stage, options, imported, now);
		});
		return {
			imported,
			lockMs: Math.max(figures.longestLockMs, rowFigures.longestLockMs, lastMs),
			lockedMs: figures.lockedMs + rowFigures.lockedMs + lastMs,
			chunks: figures.chunks + rowFigures.chunks + 1
		};
	} catch (error) {
		try {
			await discardMove(client, stage.importId);
		} catch (cleanup) {
			// Left for the next start (or the next import) to clean up; readers leave it out meanwhile.
			console.error(`[imports] ${stage.importId}: its partial move could not be removed yet`, cleanup);
		}
		throw error;
	}
}

/** Customers and category spend: one transaction, as their rows may update rows readers see. */
function inOneTransaction(client: Database.Database, stage: Stage, options: CommitOptions): Moved {
	const table = `temp.${stageTable(stage.importId)}`;
	const now = Date.now();
	const ws = options.workspaceId;
	const check = workspaceCheck(client, ws);
	let locked = 0;
	const move = client.transaction((): number => {
		locked = performance.now();
		// Foreign keys are not checked row by row (see inChunks): the workspace is, once, under the lock.
		check();
		let imported: number;
		if (stage.kind === 'customers') {
			const mapped = (options.mappedFields ?? []).map((field) => CUSTOMER_COLUMN_OF[field]).filter(Boolean) as string[];
			const columns = [...mapped, ...(options.withAttributes ? ['attributes'] : [])];
			const updates = [
				...mapped.map((c) => `${c} = excluded.${c}`),
				...(options.withAttributes
					? ['attributes = case when excluded.attributes is null then customers.attributes else json_patch(coalesce(customers.attributes, \'{}\'), excluded.attributes) end']
					: [])
			];
			imported = client
				.prepare(
					`insert into customers (workspace_id, external_id, ${[...columns, 'created_at'].join(', ')})
					 select ?, external_id, ${[...columns, '?'].join(', ')} from ${table} where true order by seq
					 on conflict (workspace_id, external_id) do ${updates.length ? `update set ${updates.join(', ')}` : 'nothing'}`
				)
				.run(ws, now).changes;
		} else {
			client
				.prepare(
					`insert into customers (workspace_id, external_id, created_at)
					 select ?, external_id, ? from ${table}_bare where true order by rowid
					 on conflict (workspace_id, external_id) do nothing`
				)
				.run(ws, now);
			// One row per customer and category: a later file (or row) replaces the amount.
			const total = options.mappedFields?.includes('categoryTotal') ? ', category_total = excluded.category_total' : '';
			imported = client
				.prepare(
					`insert into category_spend (customer_id, category, amount, category_total)
					 select c.id, s.category, s.amount, s.category_total from ${table} s
					 join customers c on c.workspace_id = ? and c.external_id = s.external_id where true order by s.seq
					 on conflict (customer_id, category) do update set amount = excluded.amount${total}`
				)
				.run(ws).changes;
		}
		finishImport(stage, options, imported, now);
		return imported;
	});
	client.pragma('foreign_keys = off');
	try {
		const imported = move.immediate();
		const lockMs = performance.now() - locked;
		return { imported, lockMs, lockedMs: lockMs, chunks: 1 };
	} finally {
		client.pragma('foreign_keys = on');
	}
}

/** Removes what the move of an import that will not finish wrote (nothing when it left nothing). */
export const discardImportMove = (importId: string): Promise<void> => discardMove(getDb().$client, importId);

/** Removes what moves of imports other than `keep` left behind (a process stopped mid-move); their ids. */
export const discardMovesOtherThan = (keep: string[]): Promise<string[]> => discardMovesNotIn(getDb().$client, keep);

/** Pages of WAL (4 KiB) between two checkpoints of a move: 64 MB. */
const MOVE_CHECKPOINT_PAGES = 16_384;

/** Negative: KiB, as SQLite's cache_size pragma reads it. */
const COMMIT_CACHE_KIB = -32 * 1024;

/** The workspace's dataset version: moves on with every change to its customer data. */
export function datasetVersion(workspaceId: string): number {
	const row = getDb().$client.prepare('select version from datasets where workspace_id = ?').get(workspaceId) as
		| { version: number }
		| undefined;
	return row?.version ?? 0;
}

function bumpDatasetVersion(workspaceId: string, now = Date.now()): void {
	getDb()
		.$client.prepare(
			`insert into datasets (workspace_id, version, updated_at) values (?, 1, ?)
			 on conflict (workspace_id) do update set version = version + 1, updated_at = excluded.updated_at`
		)
		.run(workspaceId, now);
}

// ── imports ────────────────────────────────────────────────────────────────────────────────

export function insertImport(row: {
	id: string;
	workspaceId: string;
	kind: ImportKind;
	fileName: string | null;
	bytes: number;
	createdBy: string;
}): Import {
	return getDb()
		.insert(imports)
		.values({ ...row, status: 'queued', errors: [] })
		.returning()
		.get();
}

/** A workspace's imports, newest first; the error lists stay out (fetch one import for them). */
export function listImports(workspaceId: string, request: PageRequest): Page<Import> {
	const { where, limit } = keyset(imports.createdAt, imports.id, request, 'desc');
	const rows = getDb()
		.select()
		.from(imports)
		.where(and(eq(imports.workspaceId, workspaceId), where))
		.orderBy(desc(imports.createdAt), desc(imports.id))
		.limit(limit)
		.all();
	return toPage(rows, limit, (row) => ({ time: row.createdAt, id: row.id }));
}

/** A workspace's imports that are queued or running, oldest first. */
export function listUnfinishedImports(workspaceId: string): Import[] {
	return getDb()
		.select()
		.from(imports)
		.where(and(eq(imports.workspaceId, workspaceId), inArray(imports.status, ['queued', 'running'])))
		.orderBy(imports.createdAt, imports.id)
		.all();
}

/** The imports of `ids` that exist, in no particular order. */
export function findImports(ids: string[]): Import[] {
	if (ids.length === 0) return [];
	return getDb().select().from(imports).where(inArray(imports.id, ids)).all();
}

export function findImport(id: string): Import | undefined {
	return getDb().select().from(imports).where(eq(imports.id, id)).get();
}

export function updateImport(
	id: string,
	values: Partial<ImportOutcome & Pick<Import, 'status' | 'progress' | 'rowsTotal' | 'rowsImported' | 'errors' | 'finishedAt'>>
): void {
	getDb().update(imports).set(values).where(eq(imports.id, id)).run();
}

/**
 * A running import's progress. Only while it runs: the import worker reports through messages the
 * server thread handles later, and a report read after the worker's move committed (status done,
 * progress 1) must not write the figures of before it.
 */
export function reportImportProgress(id: string, values: Partial<Pick<Import, 'progress' | 'rowsTotal' | 'errors'>>): void {
	getDb()
		.update(imports)
		.set(values)
		.where(and(eq(imports.id, id), eq(imports.status, 'running')))
		.run();
}

/** Why an import failed or was cancelled: English text (for scripts) and a code (for the reader's language). */
export type ImportOutcome = Pick<Import, 'message' | 'messageCode' | 'messageParams'>;

/**
 * Imports that were queued or running in a process that is gone (crash, restart) failed:
 * their staging tables went with that process.
 */
export function failImportsNotIn(activeIds: string[], outcome: ImportOutcome): string[] {
	const db = getDb();
	const stale = db
		.select({ id: imports.id })
		.from(imports)
		.where(inArray(imports.status, ['queued', 'running']))
		.all()
		.map((row) => row.id)
		.filter((id) => !activeIds.includes(id));
	if (stale.length) {
		db.update(imports)
			.set({ status: 'failed', ...outcome, finishedAt: new Date() })
			.where(inArray(imports.id, stale))
			.run();
	}
	return stale;
}

// ── saved column mappings ──────────────────────────────────────────────────────────────────

export function insertColumnMapping(row: Omit<ColumnMapping, 'createdAt'>): ColumnMapping | null {
	const result = getDb().insert(columnMappings).values(row).onConflictDoNothing().returning().get();
	return result ?? null;
}

export function listColumnMappings(workspaceId: string): ColumnMapping[] {
	return getDb()
		.select()
		.from(columnMappings)
		.where(eq(columnMappings.workspaceId, workspaceId))
		.orderBy(desc(columnMappings.createdAt))
		.all();
}

export function findColumnMapping(workspaceId: string, id: string): ColumnMapping | undefined {
	return getDb()
		.select()
		.from(columnMappings)
		.where(and(eq(columnMappings.workspaceId, workspaceId), eq(columnMappings.id, id)))
		.get();
}

// ── reading and erasing ────────────────────────────────────────────────────────────────────

/**
 * Optional columns whose fill rate the data overview reports, per kind: the import's field name
 * (see imports/mapping FIELDS) → the SQL column. Required fields are always filled and left out.
 */
export const COMPLETENESS_FIELDS = {
	customers: {
		name: 'name', email: 'email', gender: 'gender', postcode: 'postcode', city: 'city', optIn: 'opt_in',
		birthDate: 'birth_date', interests: 'interests', preferences: 'preferences', education: 'education',
		occupation: 'occupation', incomeBand: 'income_band', householdSize: 'household_size',
		childrenCount: 'children_count', loyaltyMember: 'loyalty_member', acquiredAt: 'acquired_at',
		acquisitionChannel: 'acquisition_channel', acquisitionCost: 'acquisition_cost'
	},
	transactions: { quantity: 'quantity', product: 'product', category: 'category', channel: 'channel', margin: 'margin' },
	events: { channel: 'channel', properties: 'properties' },
	surveys: { customerId: 'customer_id', eventType: 'event_type', channel: 'channel', comment: 'comment' }
} as const satisfies Record<Exclude<ImportKind, 'category_spend'>, Record<string, string>>;

/** Rows of a kind that have a value, per field of COMPLETENESS_FIELDS (in its order). */
export type FieldCounts = { field: string; filled: number }[];

export interface KindSummary {
	count: number;
	from: number | null;
	to: number | null;
	filled: FieldCounts;
	/**
	 * Rows that repeat an earlier row of the same file exactly: their row hash ends in ":1",
	 * ":2"… (the first occurrence has ":0"). They are kept, being possibly genuine repeats.
	 */
	repeatedRows: number;
	/** Rows dated at or after the summary's `futureFrom`: kept, but left out of figures. */
	futureRows: number;
	/** The newest row before `futureFrom`. */
	latestBeforeFuture: number | null;
}

export interface LastImport {
	id: string;
	fileName: string | null;
	finishedAt: number;
}

export interface DuplicateEmailGroup {
	/** Customers in the group. */
	count: number;
	/** Their external ids, sorted; at most DUPLICATE_IDS_PER_GROUP. */
	externalIds: string[];
}

export interface DataSummary {
	datasetVersion: number;
	/** Epoch ms: the first moment after the server's today when the summary was made. */
	futureFrom: number;
	customers: {
		count: number;
		imported: number;
		/** The newest acquisition date (epoch ms). */
		latestAcquiredAt: number | null;
		filled: FieldCounts;
	};
	transactions: KindSummary & { amount: number };
	events: KindSummary;
	surveys: KindSummary;
	/** The newest import of each kind that completed. */
	lastImports: Record<ImportKind, LastImport | null>;
	/** Customers under different external ids with the same e-mail address (trimmed, any case). */
	duplicateEmails: { groups: number; customers: number; largest: DuplicateEmailGroup[] };
}

/** How many duplicate e-mail groups (largest first) and ids per group the summary lists. */
export const DUPLICATE_GROUPS_LISTED = 20;
export const DUPLICATE_IDS_PER_GROUP = 10;

const fillCounts = (columns: Record<string, string>) =>
	Object.entries(columns)
		.map(([field, column]) => `count(${column}) as "fill:${field}"`)
		.join(', ');

const fillsOf = (row: Record<string, unknown>): FieldCounts =>
	Object.entries(row)
		.filter(([key]) => key.startsWith('fill:'))
		.map(([key, value]) => ({ field: key.slice(5), filled: value as number }));

/*
 * One pass over each table gives its count, date range, sum and fill counts together: on a
 * million transactions one scan costs about what a count and a sum cost apart. The repeat
 * count reads only the row-hash index.
 */
function computeDataSummary(workspaceId: string, datasetVersion: number, futureFrom: number): DataSummary {
	const client = getDb().$client;
	const behaviour = (table: MoveTable, kind: Exclude<ImportKind, 'customers' | 'category_spend'>, extra = '') => {
		const row = client
			.prepare(
				`select count(*) as count, min(occurred_at) as "from", max(occurred_at) as "to"${extra}, ${fillCounts(COMPLETENESS_FIELDS[kind])},
				   count(*) filter (where occurred_at >= ?) as future, max(occurred_at) filter (where occurred_at < ?) as "beforeFuture"
				 from ${table} where workspace_id = ? and ${published(table)}`
			)
			.get(futureFrom, futureFrom, workspaceId) as Record<string, number | null>;
		const repeated = client
			.prepare(`select count(*) as n from ${table} where workspace_id = ? and row_hash not like '%:0' and ${published(table)}`)
			.get(workspaceId) as { n: number };
		return {
			row,
			summary: {
				count: row.count!,
				from: row.from ?? null,
				to: row.to ?? null,
				filled: fillsOf(row),
				repeatedRows: repeated.n,
				futureRows: row.future!,
				latestBeforeFuture: row.beforeFuture ?? null
			}
		};
	};
	const transactions = behaviour('customer_transactions', 'transactions', ', coalesce(sum(amount), 0) as amount');
	const customerRow = client
		.prepare(
			// Customers known only from other rows have no data of their own.
			`select count(*) as count,
			   count(*) filter (where name is not null or email is not null or acquired_at is not null or attributes is not null) as imported,
			   max(acquired_at) as latest, ${fillCounts(COMPLETENESS_FIELDS.customers)}
			 from customers where workspace_id = ? and ${published('customers')}`
		)
		.get(workspaceId) as Record<string, number | null>;
	const lastImports = Object.fromEntries(importKinds.map((kind) => [kind, null])) as DataSummary['lastImports'];
	const finished = client
		.prepare(
			`select kind, id, file_name as fileName, finished_at as finishedAt from (
			   select kind, id, file_name, finished_at,
			     row_number() over (partition by kind order by finished_at desc, id desc) as n
			   from imports where workspace_id = ? and status = 'done' and finished_at is not null
			 ) where n = 1`
		)
		.all(workspaceId) as (LastImport & { kind: ImportKind })[];
	for (const { kind, ...last } of finished) lastImports[kind] = last;
	return {
		datasetVersion,
		futureFrom,
		customers: {
			count: customerRow.count!,
			imported: customerRow.imported!,
			latestAcquiredAt: customerRow.latest ?? null,
			filled: fillsOf(customerRow)
		},
		transactions: { ...transactions.summary, amount: transactions.row.amount! },
		events: behaviour('customer_events', 'events').summary,
		surveys: behaviour('survey_responses', 'surveys').summary,
		lastImports,
		duplicateEmails: duplicateEmails(workspaceId)
	};
}

function duplicateEmails(workspaceId: string): DataSummary['duplicateEmails'] {
	const client = getDb().$client;
	const groups = `select count(*) as n, group_concat(external_id, char(31) order by external_id) as ids
		from customers where workspace_id = ? and trim(email) <> '' and ${published('customers')}
		group by lower(trim(email)) having count(*) > 1`;
	const totals = client
		.prepare(`select count(*) as groups, coalesce(sum(n), 0) as customers from (${groups})`)
		.get(workspaceId) as { groups: number; customers: number };
	const largest = (
		client.prepare(`${groups} order by n desc, ids limit ?`).all(workspaceId, DUPLICATE_GROUPS_LISTED) as {
			n: number;
			ids: string;
		}[]
	).map((group) => ({ count: group.n, externalIds: group.ids.split('\u001f').slice(0, DUPLICATE_IDS_PER_GROUP) }));
	return { ...totals, largest };
}

/*
 * The summary scans every row of the workspace (about a second for a couple of million rows),
 * so it is kept per workspace until the dataset version changes: every import and erasure
 * raises it, and nothing else writes customer data.
 */
const SUMMARY_CACHE_SIZE = 50;
const summaryCache = new Map<string, DataSummary>();

/** `futureFrom`: rows from this moment on (after the server's today) are counted as dated in the future. */
export function dataSummary(workspaceId: string, futureFrom: number): DataSummary {
	const client = getDb().$client;
	// One read transaction: the version and the figures belong to the same state of the data.
	return client.transaction(() => {
		const version = datasetVersion(workspaceId);
		const cached = summaryCache.get(workspaceId);
		// A new day can turn yesterday's future rows into today's.
		if (cached && cached.datasetVersion === version && cached.futureFrom === futureFrom) return cached;
		const summary = computeDataSummary(workspaceId, version, futureFrom);
		summaryCache.delete(workspaceId);
		if (summaryCache.size >= SUMMARY_CACHE_SIZE) summaryCache.delete(summaryCache.keys().next().value!);
		summaryCache.set(workspaceId, summary);
		return summary;
	})();
}

/** Erases a customer and, by cascade, every row about them (GDPR art. 17). */
export function deleteCustomer(workspaceId: string, externalId: string): boolean {
	return getDb().transaction((tx) => {
		const deleted = tx
			.delete(customers)
			.where(and(eq(customers.workspaceId, workspaceId), eq(customers.externalId, externalId)))
			.run().changes;
		if (deleted) bumpDatasetVersion(workspaceId);
		return deleted > 0;
	}, { behavior: 'immediate' });
}
