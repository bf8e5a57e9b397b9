import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from './connection';
import { keyset, toPage, type Page, type PageRequest } from './pagination';
import {
	columnMappings,
	customerEvents,
	customerTransactions,
	customers,
	datasets,
	imports,
	surveyResponses,
	type ColumnMapping,
	type Import,
	type ImportKind,
	type ImportRowError
} from './schema';

/*
 * Storage of customer data. Imports go through a staging table: a TEMP table on the process's
 * own connection, filled batch by batch (each batch a short transaction, with the event loop
 * free in between), then moved into the real tables in ONE transaction. A crash loses the TEMP
 * table with the connection, so nothing half-imported can remain.
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

const stageName = (importId: string) => {
	if (!/^[a-z0-9]+$/.test(importId)) throw new Error('unexpected import id');
	return `temp.import_stage_${importId}`;
};

export interface Stage {
	importId: string;
	kind: ImportKind;
	/** Rows staged so far. */
	count: number;
	insert(rows: { values: SqlValue[]; contentHash: string | null }[]): void;
}

export function createStage(importId: string, kind: ImportKind): Stage {
	const client = getDb().$client;
	const table = stageName(importId);
	const spec = STAGE_COLUMNS[kind];
	client.exec(`drop table if exists ${table}`);
	client.exec(
		`create table ${table} (seq integer primary key, ${spec.columns.join(', ')}${spec.hashed ? ', content_hash text not null, row_hash text not null' : ''})`
	);
	if (spec.hashed) client.exec(`create index ${table}_content on import_stage_${importId} (content_hash)`);
	const placeholders = spec.columns.map(() => '?').join(', ');
	// The n-th identical row of a file gets hash "<content>:n": genuine repeats in one file stay
	// (CDNOW has 19), while importing the same file again adds nothing.
	const statement = spec.hashed
		? client.prepare(
				`insert into ${table} (${spec.columns.join(', ')}, content_hash, row_hash) values (${placeholders}, ?, ? || ':' || (select count(*) from ${table} where content_hash = ?))`
			)
		: client.prepare(`insert into ${table} (${spec.columns.join(', ')}) values (${placeholders})`);
	const insertMany = client.transaction((rows: { values: SqlValue[]; contentHash: string | null }[]) => {
		for (const row of rows) {
			if (spec.hashed) statement.run(...row.values, row.contentHash, row.contentHash, row.contentHash);
			else statement.run(...row.values);
		}
	});
	const stage: Stage = {
		importId,
		kind,
		count: 0,
		insert(rows) {
			insertMany(rows);
			stage.count += rows.length;
		}
	};
	return stage;
}

export function dropStage(importId: string): void {
	getDb().$client.exec(`drop table if exists ${stageName(importId)}`);
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
}

/**
 * Moves the staged rows into the workspace's data in one transaction, marks the import done
 * and raises the dataset version. Returns the number of rows that were new (or, for
 * customers, inserted or updated).
 */
export function commitStage(stage: Stage, options: CommitOptions): number {
	const client = getDb().$client;
	const table = stageName(stage.importId);
	const now = Date.now();
	const ws = options.workspaceId;
	const move = client.transaction((): number => {
		let imported = 0;
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
			// Customers that rows refer to but that were never imported are created bare.
			client
				.prepare(
					`insert into customers (workspace_id, external_id, created_at)
					 select distinct ?, external_id, ? from ${table} where external_id is not null
					 on conflict (workspace_id, external_id) do nothing`
				)
				.run(ws, now);
			const join = `${stage.kind === 'surveys' ? 'left ' : ''}join customers c on c.workspace_id = ? and c.external_id = s.external_id`;
			if (stage.kind === 'category_spend') {
				// One row per customer and category: a later file (or row) replaces the amount.
				const total = options.mappedFields?.includes('categoryTotal') ? ', category_total = excluded.category_total' : '';
				imported = client
					.prepare(
						`insert into category_spend (customer_id, category, amount, category_total)
						 select c.id, s.category, s.amount, s.category_total from ${table} s ${join} where true order by s.seq
						 on conflict (customer_id, category) do update set amount = excluded.amount${total}`
					)
					.run(ws).changes;
				return finish(imported);
			}
			const targets: Record<Exclude<ImportKind, 'customers' | 'category_spend'>, [string, string]> = {
				transactions: ['customer_transactions', 'occurred_at, amount, quantity, product, category, channel, margin'],
				events: ['customer_events', 'occurred_at, event_type, channel, properties'],
				surveys: ['survey_responses', 'occurred_at, kind, score, event_type, channel, comment']
			};
			const [name, columns] = targets[stage.kind];
			// In hash order (the staging index gives it without a sort) the unique row-hash index
			// grows at its end instead of at random pages: the move takes about half as long.
			const selected = columns.split(', ').map((c) => `s.${c}`).join(', ');
			imported = client
				.prepare(
					`insert into ${name} (workspace_id, customer_id, ${columns}, row_hash)
					 select ?, c.id, ${selected}, s.row_hash from ${table} s ${join} where true order by s.content_hash
					 on conflict (workspace_id, row_hash) do nothing`
				)
				.run(ws, ws).changes;
		}
		return finish(imported);
	});
	const finish = (imported: number): number => {
		bumpDatasetVersion(ws, now);
		client
			.prepare(
				`update imports set status = 'done', progress = 1, rows_total = ?, rows_imported = ?, errors = ?, finished_at = ? where id = ?`
			)
			.run(options.rowsTotal, imported, JSON.stringify(options.errors), now, stage.importId);
		return imported;
	};
	// The unique row-hash index takes random keys: with the default 16 MB page cache a million
	// rows thrash it. A bigger cache for the length of the move roughly halves its time.
	const cacheSize = client.pragma('cache_size', { simple: true }) as number;
	client.pragma(`cache_size = ${COMMIT_CACHE_KIB}`);
	try {
		return move();
	} finally {
		client.pragma(`cache_size = ${cacheSize}`);
	}
}

/** Negative: KiB, as SQLite's cache_size pragma reads it. */
const COMMIT_CACHE_KIB = -64 * 1024;

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

export function findImport(id: string): Import | undefined {
	return getDb().select().from(imports).where(eq(imports.id, id)).get();
}

export function updateImport(
	id: string,
	values: Partial<Pick<Import, 'status' | 'progress' | 'rowsTotal' | 'rowsImported' | 'errors' | 'message' | 'finishedAt'>>
): void {
	getDb().update(imports).set(values).where(eq(imports.id, id)).run();
}

/**
 * Imports that were queued or running in a process that is gone (crash, restart) failed:
 * their staging tables went with that process.
 */
export function failImportsNotIn(activeIds: string[], message: string): string[] {
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
			.set({ status: 'failed', message, finishedAt: new Date() })
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

export interface KindSummary {
	count: number;
	from: number | null;
	to: number | null;
}

export interface DataSummary {
	datasetVersion: number;
	customers: { count: number; imported: number };
	transactions: KindSummary & { amount: number };
	events: KindSummary;
	surveys: KindSummary;
}

export function dataSummary(workspaceId: string): DataSummary {
	const db = getDb();
	const range = (table: typeof customerTransactions | typeof customerEvents | typeof surveyResponses) =>
		db
			.select({
				count: sql<number>`count(*)`,
				from: sql<number | null>`min(${table.occurredAt})`,
				to: sql<number | null>`max(${table.occurredAt})`
			})
			.from(table)
			.where(eq(table.workspaceId, workspaceId))
			.get()!;
	const customerCounts = db
		.select({
			count: sql<number>`count(*)`,
			// Customers known only from other rows have no data of their own.
			imported: sql<number>`count(*) filter (where ${customers.name} is not null or ${customers.email} is not null or ${customers.acquiredAt} is not null or ${customers.attributes} is not null)`
		})
		.from(customers)
		.where(eq(customers.workspaceId, workspaceId))
		.get()!;
	const amount = db
		.select({ amount: sql<number>`coalesce(sum(${customerTransactions.amount}), 0)` })
		.from(customerTransactions)
		.where(eq(customerTransactions.workspaceId, workspaceId))
		.get()!.amount;
	const version = db.select({ version: datasets.version }).from(datasets).where(eq(datasets.workspaceId, workspaceId)).get();
	return {
		datasetVersion: version?.version ?? 0,
		customers: customerCounts,
		transactions: { ...range(customerTransactions), amount },
		events: range(customerEvents),
		surveys: range(surveyResponses)
	};
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
	});
}
