import { and, desc, eq, lt, lte, max, sql } from 'drizzle-orm';
import { getDb } from './connection';
import { DEFAULT_PAGE_SIZE, InvalidCursorError, MAX_PAGE_SIZE, type Page, type PageRequest } from './pagination';
import { docUpdates, docVersions, type DocVersion } from './schema';

// Every edit of every board passes here: prepared once per connection, not per call.
const appendStatements = new WeakMap<object, { run(values: { docName: string; update: Buffer }): unknown }>();

/** Appends one update; synchronous, so it is on disk before the caller broadcasts it. */
export function appendDocUpdate(docName: string, update: Uint8Array): void {
	const db = getDb();
	let statement = appendStatements.get(db);
	if (!statement) {
		statement = db
			.insert(docUpdates)
			.values({ docName: sql.placeholder('docName'), update: sql.placeholder('update'), createdAt: sql.placeholder('createdAt') })
			.prepare();
		appendStatements.set(db, statement as never);
	}
	statement.run({ docName, update: Buffer.from(update.buffer, update.byteOffset, update.byteLength), createdAt: new Date() } as never);
}

export function loadDocUpdates(docName: string): Uint8Array[] {
	return getDb()
		.select({ update: docUpdates.update })
		.from(docUpdates)
		.where(eq(docUpdates.docName, docName))
		.orderBy(docUpdates.id)
		.all()
		.map((row) => new Uint8Array(row.update));
}

export function docUpdateStats(docName: string): { count: number; bytes: number } {
	const row = getDb()
		.select({
			count: sql<number>`count(*)`,
			bytes: sql<number>`coalesce(sum(length(${docUpdates.update})), 0)`
		})
		.from(docUpdates)
		.where(eq(docUpdates.docName, docName))
		.get();
	return { count: row?.count ?? 0, bytes: row?.bytes ?? 0 };
}

/**
 * Replaces every stored row of a document by one snapshot of its full state, in one
 * transaction: a crash half-way leaves either the old rows or the snapshot, never neither.
 * `state` must contain every row stored so far (the caller encodes it in the same tick).
 */
export function replaceDocUpdatesWithSnapshot(docName: string, state: Uint8Array): void {
	const db = getDb();
	db.transaction((tx) => {
		const last = tx
			.select({ id: max(docUpdates.id) })
			.from(docUpdates)
			.where(eq(docUpdates.docName, docName))
			.get();
		if (last?.id != null) {
			tx.delete(docUpdates)
				.where(and(eq(docUpdates.docName, docName), lte(docUpdates.id, last.id)))
				.run();
		}
		tx.insert(docUpdates).values({ docName, update: Buffer.from(state) }).run();
	}, { behavior: 'immediate' });
}

export function deleteDocument(docName: string): void {
	const db = getDb();
	db.transaction((tx) => {
		tx.delete(docUpdates).where(eq(docUpdates.docName, docName)).run();
		tx.delete(docVersions).where(eq(docVersions.docName, docName)).run();
	}, { behavior: 'immediate' });
}

export function copyDocument(fromDocName: string, toDocName: string): void {
	const db = getDb();
	db.transaction((tx) => {
		const rows = tx
			.select({ update: docUpdates.update })
			.from(docUpdates)
			.where(eq(docUpdates.docName, fromDocName))
			.orderBy(docUpdates.id)
			.all();
		for (const row of rows) tx.insert(docUpdates).values({ docName: toDocName, update: row.update }).run();
	}, { behavior: 'immediate' });
}

export type DocVersionSummary = Omit<DocVersion, 'state'> & { bytes: number };

export function insertDocVersion(input: {
	docName: string;
	label: string | null;
	kind: 'named' | 'auto';
	state: Uint8Array;
	createdBy: string | null;
	restoredFrom?: number | null;
}): DocVersionSummary {
	const row = getDb()
		.insert(docVersions)
		.values({ ...input, state: Buffer.from(input.state) })
		.returning()
		.get();
	const { state, ...summary } = row;
	return { ...summary, bytes: state.byteLength };
}

/** Newest first; the cursor is the id of the last version on the previous page. */
export function listDocVersions(docName: string, request: PageRequest = {}): Page<DocVersionSummary> {
	const limit = Math.min(Math.max(request.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
	let before: number | null = null;
	if (request.cursor) {
		before = Number(Buffer.from(request.cursor, 'base64url').toString('utf8'));
		if (!Number.isSafeInteger(before)) throw new InvalidCursorError('cursor is not valid');
	}
	const rows = getDb()
		.select({
			id: docVersions.id,
			docName: docVersions.docName,
			label: docVersions.label,
			kind: docVersions.kind,
			restoredFrom: docVersions.restoredFrom,
			createdBy: docVersions.createdBy,
			createdAt: docVersions.createdAt,
			bytes: sql<number>`length(${docVersions.state})`
		})
		.from(docVersions)
		.where(and(eq(docVersions.docName, docName), before === null ? undefined : lt(docVersions.id, before)))
		.orderBy(desc(docVersions.id))
		.limit(limit + 1)
		.all();
	const items = rows.slice(0, limit);
	const nextCursor = rows.length > limit ? Buffer.from(String(items.at(-1)!.id)).toString('base64url') : null;
	return { items, nextCursor };
}

export function findDocVersion(docName: string, id: number): DocVersion | undefined {
	return getDb()
		.select()
		.from(docVersions)
		.where(and(eq(docVersions.docName, docName), eq(docVersions.id, id)))
		.get();
}
