import { z } from 'zod';
import type * as db from '../db';
import { permissionsOf, type Permission } from '../auth';
import { roles } from '../db';
import { IMPORT_KINDS } from '$lib/domain/customer-data/kinds';
import type { ImportPreview } from '../imports/preview';

/*
 * What the API sends back. Each shape is a zod schema (so the OpenAPI document describes the
 * very thing the mapper returns: the mappers are typed by these schemas) and a mapper from a
 * database row. Dates leave as ISO-8601 strings; hashes never leave at all.
 */

const isoDate = z.iso.datetime();
const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

const roleShape = z.enum(roles);

export const userShape = z.object({
	id: z.string(),
	email: z.string(),
	name: z.string(),
	locale: z.enum(['en', 'nl']).nullable(),
	createdAt: isoDate
});

export function userJson(user: db.User): z.infer<typeof userShape> {
	return { id: user.id, email: user.email, name: user.name, locale: user.locale, createdAt: iso(user.createdAt) };
}

export const sessionShape = z.object({
	id: z.string().describe('SHA-256 of the cookie token: enough to revoke, not to sign in'),
	current: z.boolean(),
	createdAt: isoDate,
	lastSeenAt: isoDate,
	expiresAt: isoDate,
	userAgent: z.string().nullable(),
	ipAddress: z.string().nullable()
});

export function sessionJson(session: db.Session, currentId: string | null): z.infer<typeof sessionShape> {
	return {
		id: session.id,
		current: session.id === currentId,
		createdAt: iso(session.createdAt),
		lastSeenAt: iso(session.lastSeenAt),
		expiresAt: iso(session.expiresAt),
		userAgent: session.userAgent,
		ipAddress: session.ipAddress
	};
}

export const apiTokenShape = z.object({
	id: z.string(),
	name: z.string(),
	prefix: z.string().describe('The first characters of the token, to recognise it'),
	createdAt: isoDate,
	lastUsedAt: isoDate.nullable()
});

export function apiTokenJson(token: db.ApiTokenSummary): z.infer<typeof apiTokenShape> {
	return {
		id: token.id,
		name: token.name,
		prefix: token.prefix,
		createdAt: iso(token.createdAt),
		lastUsedAt: isoOrNull(token.lastUsedAt)
	};
}

export const createdApiTokenShape = z.object({
	id: z.string(),
	name: z.string(),
	token: z.string().describe('The secret; shown this once and never again'),
	prefix: z.string(),
	createdAt: isoDate
});

export function createdApiTokenJson(
	token: db.ApiTokenSummary & { token: string }
): z.infer<typeof createdApiTokenShape> {
	return { id: token.id, name: token.name, token: token.token, prefix: token.prefix, createdAt: iso(token.createdAt) };
}

export const workspaceShape = z.object({
	id: z.string(),
	name: z.string(),
	viewersMayComment: z.boolean(),
	createdAt: isoDate
});

export function workspaceJson(
	workspace: Pick<db.Workspace, 'id' | 'name' | 'viewersMayComment' | 'createdAt'>
): z.infer<typeof workspaceShape> {
	return {
		id: workspace.id,
		name: workspace.name,
		viewersMayComment: workspace.viewersMayComment,
		createdAt: iso(workspace.createdAt)
	};
}

export const workspaceSummaryShape = workspaceShape.extend({
	role: roleShape,
	memberCount: z.number().int(),
	boardCount: z.number().int().describe('Boards that are not archived')
});

export function workspaceSummaryJson(workspace: db.WorkspaceSummary): z.infer<typeof workspaceSummaryShape> {
	return {
		...workspaceJson(workspace),
		role: workspace.role,
		memberCount: workspace.memberCount,
		boardCount: workspace.boardCount
	};
}

const permissionNames = Object.keys(permissionsOf('owner')) as Permission[];

export const workspaceDetailShape = workspaceShape.extend({
	role: roleShape,
	permissions: z
		.object(Object.fromEntries(permissionNames.map((name) => [name, z.boolean()])))
		.describe('What the caller may do here, for showing or hiding controls')
});

export function workspaceDetailJson(workspace: db.Workspace, role: db.Role): z.infer<typeof workspaceDetailShape> {
	return { ...workspaceJson(workspace), role, permissions: permissionsOf(role) };
}

export const memberShape = z.object({
	userId: z.string(),
	email: z.string(),
	name: z.string(),
	role: roleShape,
	joinedAt: isoDate
});

export function memberJson(member: db.MemberSummary): z.infer<typeof memberShape> {
	return { userId: member.userId, email: member.email, name: member.name, role: member.role, joinedAt: iso(member.createdAt) };
}

export const inviteShape = z.object({
	id: z.string(),
	email: z.string(),
	role: roleShape,
	createdAt: isoDate,
	expiresAt: isoDate
});

export function inviteJson(invite: db.InviteSummary): z.infer<typeof inviteShape> {
	return { id: invite.id, email: invite.email, role: invite.role, createdAt: iso(invite.createdAt), expiresAt: iso(invite.expiresAt) };
}

export const createdInviteShape = z.object({
	id: z.string(),
	email: z.string(),
	role: roleShape,
	url: z.string().describe('The single-use link to pass on; shown this once'),
	expiresAt: isoDate
});

export function createdInviteJson(invite: db.InviteSummary, url: string): z.infer<typeof createdInviteShape> {
	return { id: invite.id, email: invite.email, role: invite.role, url, expiresAt: iso(invite.expiresAt) };
}

export const boardShape = z.object({
	id: z.string(),
	workspaceId: z.string(),
	title: z.string(),
	template: z.string(),
	archived: z.boolean(),
	archivedAt: isoDate.nullable(),
	createdAt: isoDate,
	updatedAt: isoDate
});

export function boardJson(board: db.Board): z.infer<typeof boardShape> {
	return {
		id: board.id,
		workspaceId: board.workspaceId,
		title: board.title,
		template: board.template,
		archived: board.archivedAt !== null,
		archivedAt: isoOrNull(board.archivedAt),
		createdAt: iso(board.createdAt),
		updatedAt: iso(board.updatedAt)
	};
}

export const versionShape = z.object({
	id: z.number().int(),
	label: z.string().nullable(),
	kind: z.enum(['named', 'auto']),
	/** On the automatic version kept before a restore: which version was restored. */
	restoredFrom: z.number().int().nullable(),
	createdBy: z.string().nullable(),
	createdAt: isoDate,
	bytes: z.number().int()
});

export function versionJson(version: db.DocVersionSummary): z.infer<typeof versionShape> {
	return {
		id: version.id,
		label: version.label,
		kind: version.kind,
		restoredFrom: version.restoredFrom,
		createdBy: version.createdBy,
		createdAt: version.createdAt.toISOString(),
		bytes: version.bytes
	};
}

export const versionWithStateShape = versionShape.extend({
	/** The board as it was: a Yjs update, base64-encoded. */
	state: z.string()
});

export function versionWithStateJson(version: db.DocVersion): z.infer<typeof versionWithStateShape> {
	const { state, ...summary } = version;
	return { ...versionJson({ ...summary, bytes: state.byteLength }), state: Buffer.from(state).toString('base64') };
}

export const restoredVersionShape = z.object({ restored: z.number().int(), backup: versionShape });

export const acceptedInviteShape = z.object({ workspaceId: z.string(), role: roleShape });

export const errorShape = z.object({
	error: z.object({
		code: z.string(),
		message: z.string(),
		fields: z.record(z.string(), z.string()).optional().describe('Field name → message, for 400 and some 409')
	})
});

export const pageShape = <T extends z.ZodType>(item: T) =>
	z.object({ items: z.array(item), nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page') });

/** A response with no body. */
export const noContent = () => new Response(null, { status: 204 });

const importKindShape = z.enum(IMPORT_KINDS);

export const rowErrorShape = z.object({
	row: z.number().int().describe('As a spreadsheet shows it (the header is row 1); 0 for the file as a whole'),
	column: z.string().nullable(),
	value: z.string().nullable(),
	message: z.string().describe('What was expected, in English'),
	code: z
		.string()
		.optional()
		.describe('The message as a code, for showing it in another language; a parameter `expected` holds the code of what was expected'),
	params: z.record(z.string(), z.union([z.string(), z.number()])).optional()
});

export const importShape = z.object({
	id: z.string(),
	workspaceId: z.string(),
	kind: importKindShape,
	status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
	progress: z.number().min(0).max(1).describe('Share of the file read so far; 1 when done'),
	rowsTotal: z.number().int().describe('Data rows read (the header and empty lines not counted)'),
	rowsImported: z.number().int().describe('Rows that were new (customers: inserted or updated); repeats of earlier imports are not counted'),
	errors: z
		.array(rowErrorShape)
		.describe('Rows that are not valid: row number as a spreadsheet shows it (header = 1), column, value, what was expected. At most 1,000.'),
	message: z.string().nullable().describe('Why the import failed or was cancelled'),
	fileName: z.string().nullable(),
	bytes: z.number().int(),
	createdAt: isoDate,
	finishedAt: isoDate.nullable()
});

export function importJson(row: db.Import): z.infer<typeof importShape> {
	return {
		id: row.id,
		workspaceId: row.workspaceId,
		kind: row.kind,
		status: row.status,
		progress: row.progress,
		rowsTotal: row.rowsTotal,
		rowsImported: row.rowsImported,
		errors: row.errors,
		message: row.message,
		fileName: row.fileName,
		bytes: row.bytes,
		createdAt: iso(row.createdAt),
		finishedAt: isoOrNull(row.finishedAt)
	};
}

export const importPreviewShape = z.object({
	kind: importKindShape,
	file: z.enum(['text', 'xlsx']).describe('Delimited text, or an Excel workbook'),
	encoding: z.enum(['utf-8', 'windows-1252']).nullable().describe('Of a text file'),
	delimiter: z.enum([',', ';', '\t', '|', 'whitespace']).nullable().describe('Of a text file'),
	header: z.boolean().describe('Whether the first row names the columns (as given, or as the rows suggest)'),
	sheets: z.array(z.string()).describe("A workbook's sheets"),
	sheet: z.string().nullable().describe('The sheet shown'),
	rows: z.array(z.array(z.string())).describe('The first rows (the header row included), empty rows left out'),
	rowNumbers: z.array(z.number().int()).describe('Each row’s number as a spreadsheet shows it'),
	columns: z.array(z.string()).describe('Column names: the header’s, or "column 3"'),
	fields: z.array(z.object({ name: z.string(), required: z.boolean(), type: z.enum(['text', 'number', 'date', 'boolean']) })),
	mapping: z.record(z.string(), z.number().int().nullable()).describe('Field → the 1-based column the import would read it from, or null'),
	problems: z
		.array(z.object({ field: z.string(), message: z.string(), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }))
		.describe('Why the import would not start: a required field without a column, a mapping naming a column the file lacks'),
	errors: z.array(rowErrorShape).describe('What the import would say about the rows shown')
});

export function importPreviewJson(preview: ImportPreview): z.infer<typeof importPreviewShape> {
	return { ...preview };
}

export const columnMappingShape = z.object({
	id: z.string(),
	name: z.string(),
	kind: importKindShape,
	mapping: z.record(z.string(), z.union([z.string(), z.number().int(), z.null()])),
	format: z.object({ delimiter: z.string(), header: z.boolean() }),
	createdAt: isoDate
});

export function columnMappingJson(row: db.ColumnMapping): z.infer<typeof columnMappingShape> {
	const format = row.format as { delimiter?: string; header?: boolean };
	return {
		id: row.id,
		name: row.name,
		kind: row.kind,
		mapping: row.mapping,
		format: { delimiter: format.delimiter ?? 'auto', header: format.header ?? true },
		createdAt: iso(row.createdAt)
	};
}

const epochOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const rangeShape = z.object({ count: z.number().int(), from: isoDate.nullable(), to: isoDate.nullable() });

export const dataSummaryShape = z.object({
	datasetVersion: z.number().int().describe('Goes up by one with every import and erasure'),
	customers: z.object({
		count: z.number().int(),
		imported: z.number().int().describe('Customers with data of their own (others are known only from their rows)')
	}),
	transactions: rangeShape.extend({ amount: z.number().describe('Sum of amounts, in the currency of the files') }),
	events: rangeShape,
	surveys: rangeShape
});

export function dataSummaryJson(summary: db.DataSummary): z.infer<typeof dataSummaryShape> {
	const range = (r: db.KindSummary) => ({ count: r.count, from: epochOrNull(r.from), to: epochOrNull(r.to) });
	return {
		datasetVersion: summary.datasetVersion,
		customers: summary.customers,
		transactions: { ...range(summary.transactions), amount: summary.transactions.amount },
		events: range(summary.events),
		surveys: range(summary.surveys)
	};
}
