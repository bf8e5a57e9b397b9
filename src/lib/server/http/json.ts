import { z } from 'zod';
import type * as db from '../db';
import { permissionsOf, type Permission } from '../auth';
import { roles } from '../db';
import { TRUSTED_CLV_MODELS } from '$lib/domain/metrics';
import { GROUP_BASES, groupRuleSchema, type GroupRule } from '$lib/domain/groups';
import type { GroupFigures, GroupWithFigures } from '../groups';
import type { ClvReport, JourneyReport, JourneyWhatIf, LoyaltyReport, RetentionReport, SatisfactionReport, ValueAssumptionView } from '../insights';
import { DEFAULT_PAGE_SIZE, InvalidCursorError, MAX_PAGE_SIZE } from '../db/pagination';
import type { DataOverview } from '../imports';
import { IMPORT_KINDS } from '$lib/domain/customer-data/kinds';
import { readableEventType } from '$lib/domain/customer-data/event-types';
import type { DataUnderWay } from '$lib/domain/customer-data/under-way';
import type { ImportPreview } from '../imports/preview';
import { englishText, type FeatureDifference } from '$lib/domain/personas';
import { NARRATIVE_FIELDS, personaPhotoUrl, type NarrativeField } from '$lib/domain/persona';
import type { GroupPersonas, PersonaDetail, PersonaPhotoInfo, PersonaWithPhoto } from '../personas';

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
	currency: z
		.string()
		.describe("ISO 4217 code of the workspace's money (EUR unless set): the amounts of every analysis are in it. Setting it changes how amounts are shown, never converts them"),
	minimumSegmentCustomers: z.number().int().describe('Groups and personas with fewer customers show no figures on the insights page'),
	createdAt: isoDate
});

export function workspaceJson(
	workspace: Pick<db.Workspace, 'id' | 'name' | 'viewersMayComment' | 'currency' | 'minimumSegmentCustomers' | 'createdAt'>
): z.infer<typeof workspaceShape> {
	return {
		id: workspace.id,
		name: workspace.name,
		viewersMayComment: workspace.viewersMayComment,
		currency: workspace.currency,
		minimumSegmentCustomers: workspace.minimumSegmentCustomers,
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

export const dataUnderWayShape = z
	.object({
		progress: z.number().min(0).max(1).describe('Over all steps, each counting alike'),
		steps: z.array(
			z.object({
				kind: z.enum([...IMPORT_KINDS, 'demo_files']).describe('`demo_files`: the demo data being generated, before its imports start'),
				status: z.enum(['queued', 'running', 'done', 'failed']),
				progress: z.number().min(0).max(1),
				importId: z.string().nullable(),
				fileName: z.string().nullable(),
				rowsRead: z.number().int()
			})
		)
	})
	.nullable()
	.describe('Customer data on its way into the workspace (imports queued or running, the demo data while it is prepared); null when none: figures until then are incomplete')
	.meta({ id: 'DataUnderWay' });

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
		.describe('Rows that are not valid: row number as a spreadsheet shows it (header = 1), column, value, what was expected. At most 1,000. Empty in lists.'),
	errorCount: z.number().int().describe('How many errors the import holds (also in lists); `GET /api/v1/imports/{id}/errors.csv` gives them as a file'),
	message: z.string().nullable().describe('Why the import failed or was cancelled, in English'),
	messageCode: z.string().nullable().describe('The message as a code (with `messageParams`), for showing it in another language'),
	messageParams: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
	fileName: z.string().nullable(),
	bytes: z.number().int(),
	createdAt: isoDate,
	finishedAt: isoDate.nullable()
});

/** In lists the row errors stay out (`withErrors: false`); their count stays in. */
export function importJson(row: db.Import, { withErrors = true } = {}): z.infer<typeof importShape> {
	return {
		id: row.id,
		workspaceId: row.workspaceId,
		kind: row.kind,
		status: row.status,
		progress: row.progress,
		rowsTotal: row.rowsTotal,
		rowsImported: row.rowsImported,
		errors: withErrors ? row.errors : [],
		errorCount: row.errors.length,
		message: row.message,
		messageCode: row.messageCode,
		messageParams: row.messageParams,
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
	errors: z.array(rowErrorShape).describe('What the import would say about the rows shown'),
	today: z.string().describe("The server's date (YYYY-MM-DD): rows dated after it are imported but flagged, and figures are computed up to it"),
	futureDated: z
		.array(z.object({ row: z.number().int(), occurredAt: isoDate }))
		.describe('Valid rows shown that are dated after `today`')
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

const completenessShape = z
	.object({
		lowBelow: z.number().describe('Columns filled for less than this share of their rows are `low`'),
		kinds: z.array(
			z.object({
				kind: importKindShape,
				rows: z.number().int().describe('Customers: all of them, also those known only from their rows'),
				columns: z.array(
					z.object({
						field: z.string().describe('The field name, as in an import mapping'),
						filled: z.number().int().describe('Rows with a value'),
						share: z.number().min(0).max(1).nullable().describe('filled / rows; null without rows'),
						low: z.boolean()
					})
				)
			})
		)
	})
	.describe('How full each optional column is (required columns are always filled)');

const stalenessShape = z
	.object({
		staleAfterDays: z.number().int().describe('WAYMARK_DATA_STALE_DAYS'),
		kinds: z.array(
			z.object({
				kind: importKindShape,
				lastImport: z
					.object({ id: z.string(), fileName: z.string().nullable(), finishedAt: isoDate })
					.nullable()
					.describe('The newest import of this kind that completed'),
				latestDataAt: isoDate
					.nullable()
					.describe('The newest transaction, event or answer not dated after today (see futureDated); for customers the newest acquisition date'),
				ageDays: z
					.number()
					.int()
					.nullable()
					.describe('Days since the newest row (transactions, events, surveys) or since the last import (customers, whose profiles carry no date)'),
				stale: z.boolean().describe('There is data and ageDays is over staleAfterDays')
			})
		)
	})
	.describe('How current each kind of data is');

const futureDatedShape = z
	.object({
		today: z.string().describe("The server's date (YYYY-MM-DD)"),
		kinds: z.array(
			z.object({
				kind: z.enum(['transactions', 'events', 'surveys']),
				count: z.number().int().describe('Rows dated after today'),
				latest: isoDate.nullable().describe('The latest of them; null without any')
			})
		)
	})
	.describe('Rows dated after the server’s today: imported and kept, but customer measures and customer value are computed up to today and leave them out');

const duplicatesShape = z.object({
	emailGroups: z.number().int().describe('E-mail addresses (trimmed, any case) shared by customers under different external ids'),
	emailCustomers: z.number().int().describe('Customers in those groups'),
	emailGroupIds: z
		.array(z.object({ count: z.number().int(), externalIds: z.array(z.string()).describe('Sorted; at most 10') }))
		.nullable()
		.describe('The 20 largest groups; null for viewers, who see counts only'),
	repeatedRows: z
		.object({ transactions: z.number().int(), events: z.number().int(), surveys: z.number().int() })
		.describe('Rows identical to an earlier row of the same file; kept, as they may be genuine repeats')
});

export const dataSummaryShape = z.object({
	datasetVersion: z.number().int().describe('Goes up by one with every import and erasure'),
	customers: z.object({
		count: z.number().int(),
		imported: z.number().int().describe('Customers with data of their own (others are known only from their rows)')
	}),
	transactions: rangeShape.extend({ amount: z.number().describe('Sum of amounts, in the currency of the files') }),
	events: rangeShape,
	surveys: rangeShape,
	completeness: completenessShape,
	staleness: stalenessShape,
	futureDated: futureDatedShape,
	duplicates: duplicatesShape
});

export function dataSummaryJson(summary: DataOverview): z.infer<typeof dataSummaryShape> {
	const range = (r: db.KindSummary) => ({ count: r.count, from: epochOrNull(r.from), to: epochOrNull(r.to) });
	return {
		datasetVersion: summary.datasetVersion,
		customers: { count: summary.customers.count, imported: summary.customers.imported },
		transactions: { ...range(summary.transactions), amount: summary.transactions.amount },
		events: range(summary.events),
		surveys: range(summary.surveys),
		completeness: summary.completeness,
		staleness: {
			staleAfterDays: summary.staleness.staleAfterDays,
			kinds: summary.staleness.kinds.map((kind) => ({
				...kind,
				lastImport: kind.lastImport && { ...kind.lastImport, finishedAt: new Date(kind.lastImport.finishedAt).toISOString() },
				latestDataAt: epochOrNull(kind.latestDataAt)
			}))
		},
		futureDated: {
			today: summary.futureDated.today,
			kinds: summary.futureDated.kinds.map((kind) => ({ ...kind, latest: epochOrNull(kind.latest) }))
		},
		duplicates: summary.duplicates
	};
}

// ── customer groups ──────────────────────────────────────────────────────────────────────

export const groupFiguresShape = z
	.object({
		customers: z.number().int(),
		share: z.number().min(0).max(1).describe("Share of the workspace's customers"),
		revenue: z.number(),
		revenueShare: z.number().describe("Share of the workspace's revenue (0 without revenue)"),
		datasetVersion: z.number().int(),
		referenceAt: isoDate.describe('Recency, tenure and age are measured up to this moment: the latest date in the data')
	})
	.meta({ id: 'GroupFigures' });

export function groupFiguresJson(figures: GroupFigures): z.infer<typeof groupFiguresShape> {
	return { ...figures, referenceAt: new Date(figures.referenceAt).toISOString() };
}

export const groupShape = z.object({
	id: z.string(),
	workspaceId: z.string(),
	name: z.string(),
	description: z.string(),
	basis: z.enum(GROUP_BASES),
	rule: groupRuleSchema,
	figures: groupFiguresShape,
	createdAt: isoDate,
	updatedAt: isoDate
});

export function groupJson({ group, figures }: GroupWithFigures): z.infer<typeof groupShape> {
	return {
		id: group.id,
		workspaceId: group.workspaceId,
		name: group.name,
		description: group.description,
		basis: group.basis,
		rule: group.rule as GroupRule,
		figures: groupFiguresJson(figures),
		createdAt: iso(group.createdAt),
		updatedAt: iso(group.updatedAt)
	};
}

export const groupMemberShape = z.object({
	externalId: z.string(),
	name: z.string().nullable(),
	email: z.string().nullable(),
	city: z.string().nullable(),
	transactions: z.number().int(),
	revenue: z.number(),
	recencyDays: z.number().nullable().describe('Days from the last purchase to the reference date'),
	rScore: z.number().int().nullable(),
	fScore: z.number().int().nullable(),
	mScore: z.number().int().nullable()
});

export function groupMemberJson(member: db.GroupMember): z.infer<typeof groupMemberShape> {
	const { id: _internal, ...rest } = member;
	return rest;
}

// ── analyses ─────────────────────────────────────────────────────────────────────────────

export const pendingShape = z
	.object({
		status: z.literal('running'),
		progress: z.number().min(0).max(1).describe('Share of the computation done; ask again after Retry-After seconds')
	})
	.meta({ id: 'AnalysisRunning' });

export const pendingJson = (pending: { progress: number }): z.infer<typeof pendingShape> => ({
	status: 'running',
	progress: pending.progress
});

/** NaN (no answers) and Infinity leave as null: JSON has neither. */
export const figure = z.number().nullable();
export const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);

const fitReasonShape = z
	.discriminatedUnion('code', [
		z.object({ code: z.literal('too-few-repeat-buyers'), repeatBuyers: z.number().int(), minimum: z.number().int() }),
		z.object({ code: z.literal('too-few-customers'), customers: z.number().int(), minimum: z.number().int() }),
		z.object({ code: z.literal('too-few-periods'), periods: z.number().int(), minimum: z.number().int() }),
		z.object({ code: z.literal('not-converged'), iterations: z.number().int() }),
		z.object({ code: z.literal('parameter-at-bound'), parameter: z.string(), value: z.number(), limit: z.number() }),
		z.object({ code: z.literal('identical-predictions'), customers: z.number().int() })
	])
	.meta({ id: 'FitReason' });

export const fitVerdictShape = z
	.object({
		status: z.enum(['usable', 'unusable']).describe('unusable: the figures that depend on the fit are withheld (null)'),
		reasons: z
			.array(fitReasonShape)
			.describe(
				'Why, most basic first: too few repeat buyers / customers / periods (with the minimum), not converged, a parameter at a boundary of the search (the model degenerates to "all customers alike"), identical predictions for customers who bought differently'
			)
	})
	.meta({ id: 'FitVerdict' });

const modelShape = <P extends z.ZodRawShape>(params: P) =>
	z
		.object({
			fit: z.object({ params: z.object(params), logLikelihood: z.number(), converged: z.boolean(), customers: z.number().int() }).nullable().describe('Null when the data was refused before fitting'),
			verdict: fitVerdictShape
		})
		.nullable();

const clvCustomerShape = z.object({
	externalId: z.string(),
	x: z.number().int().describe('Repeat purchase days in the calibration period'),
	tx: z.number().describe('First to last purchase, in time units'),
	T: z.number().describe('First purchase to calibration end, in time units'),
	pAlive: z.number().nullable().describe('Probability the customer is still active (BG/NBD)'),
	expectedTransactions: z.number().nullable().describe('Expected transactions over the horizon'),
	expectedSpend: z.number().nullable().describe('Expected spend per transaction (Gamma-Gamma)'),
	clv: z.number(),
	currentValue: z.number().describe('Value if today\'s behaviour continues (= clv)'),
	potentialValue: z.number().nullable().describe('Value at full share of wallet; null without the customer\'s category spend (no basis)'),
	shareOfWallet: z.number().nullable().describe('The firm\'s share of the customer\'s category spend (0–1); null when the category spend is not known'),
	action: z.enum(['keep', 'develop', 'loss-making']).nullable().describe('Null when the potential is unknown')
});

const formulaShape = z.object({
	value: z.number().describe('KW = (T × A × P) − K for the average customer of the group'),
	factors: z.object({
		T: z.number().describe('1 + purchaseRate × relationshipLength: the first purchase and the repeats over the relationship'),
		A: z.number(),
		P: z.number(),
		K: z.number(),
		purchaseRate: z.number().describe('Repeat purchases per time unit'),
		relationshipLength: z.number()
	}),
	sources: z.record(z.string(), z.enum(['data', 'assumption', 'override']))
});

export const clvReportShape = z
	.object({
		status: z.literal('done'),
		model: z.enum(['formula', 'discounted', 'bgnbd']),
		timeUnit: z.enum(['day', 'week', 'month']),
		calibrationEnd: isoDate,
		holdoutEnd: isoDate.nullable().describe('End of the holdout period when the calibration ends before the data'),
		horizon: z.number().describe('In time units'),
		discountRate: z.number().describe('Per time unit (0 for the undiscounted models)'),
		margin: z.number().describe('The margin applied to the values (1: revenue)'),
		marginSource: z.enum(['asked', 'data', 'revenue']).describe('asked: the `margin` parameter; data: the transactions\' margin column; revenue: neither'),
		dataMargin: z
			.object({ share: figure, transactions: z.number().int(), ofTransactions: z.number().int(), plausible: z.boolean() })
			.nullable()
			.describe('Σ margin / Σ amount of the transactions that carry a margin; null when none does'),
		verdict: fitVerdictShape.describe('Whether the chosen model\'s customer values may be used; the formula is always usable'),
		bgnbd: modelShape({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number() }),
		gammaGamma: modelShape({ p: z.number(), q: z.number(), gamma: z.number() }),
		formula: formulaShape.nullable(),
		pooling: z
			.object({
				rate: z.object({ shape: figure, scale: figure, groupRate: z.number() }).describe('Gamma prior of the purchase rates: a customer\'s rate is (x + shape) / (t + scale); null shape: rates do not differ, everyone gets groupRate'),
				spend: z.object({ mean: z.number(), k: figure }).describe('Credibility: a customer\'s own mean spend counts n / (n + k); null k: everyone gets the mean')
			})
			.nullable()
			.describe('How the formula pooled each customer\'s figures with the group\'s'),
		fallback: formulaShape.nullable().describe('When the verdict is unusable: the formula\'s figure, the estimate to use instead (ask for model=formula for its customers)'),
		summary: z.object({
			customers: z.number().int(),
			repeatBuyers: z.number().int(),
			total: figure,
			mean: figure,
			median: figure,
			top20Share: figure.describe('Share of the total CLV held by the top 20% of customers'),
			gini: figure,
			expectedActive: figure.describe('Sum of P(alive)')
		}).describe('Figures computed from the customer values are null when the verdict is unusable'),
		distribution: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })).nullable().describe('CLV histogram between the 1st and 99th percentile'),
		pareto: z.array(z.object({ customers: z.number(), value: z.number() })).nullable().describe('Share of CLV held by the top x of customers'),
		valueMatrix: z.object({
			counts: z
				.object({ keep: z.number().int(), develop: z.number().int(), 'loss-making': z.number().int(), unknown: z.number().int() })
				.nullable()
				.describe('unknown: a positive value but no category spend, so no basis for the potential'),
			withShareOfWallet: z.number().int().describe('Customers whose potential comes from their known category spend'),
			medianShareOfWallet: figure
		}),
		holdout: z
			.array(z.object({ repeatPurchases: z.string(), customers: z.number().int(), actual: z.number(), predicted: z.number() }))
			.nullable()
			.describe('Mean repeat purchases in the holdout period, actual against predicted, per calibration frequency'),
		warnings: z
			.array(z.enum(['spend-heavy-tail', 'margin-implausible']))
			.describe('spend-heavy-tail: Gamma-Gamma q ≤ 2 — spend varies so much that expected spend of customers without repeat purchases is unstable; margin-implausible: the margin column does not read as money beside the amounts, so it is not used'),
		customers: z
			.object({ items: z.array(clvCustomerShape), nextCursor: z.string().nullable() })
			.nullable()
			.describe('Highest CLV first, paginated with `limit` and `cursor`; null for viewers (no customer rows) and when the verdict is unusable')
	})
	.meta({ id: 'CustomerValueReport' });

function offsetOf(cursor: string | undefined): number {
	if (!cursor) return 0;
	const offset = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
	if (!Number.isSafeInteger(offset) || offset < 0) throw new InvalidCursorError('cursor is not valid');
	return offset;
}

export function clvReportJson(
	report: ClvReport,
	page: { limit?: number; cursor?: string } | null
): z.infer<typeof clvReportShape> {
	const { customers, dataMargin, pooling, ...rest } = report;
	let listed: z.infer<typeof clvReportShape>['customers'] = null;
	if (page && report.verdict.status === 'usable') {
		const offset = offsetOf(page.cursor);
		const limit = Math.min(page.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
		const end = offset + limit;
		listed = {
			items: customers.slice(offset, end),
			nextCursor: end < customers.length ? Buffer.from(String(end)).toString('base64url') : null
		};
	}
	return {
		status: 'done',
		...rest,
		dataMargin: dataMargin && { ...dataMargin, share: finite(dataMargin.share) },
		pooling: pooling && {
			rate: { shape: finite(pooling.rate.shape), scale: finite(pooling.rate.scale), groupRate: pooling.rate.groupRate },
			spend: { mean: pooling.spend.mean, k: finite(pooling.spend.k) }
		},
		customers: listed
	};
}


export const npsShape = z
	.object({
		nps: figure.describe('% promoters (9–10) − % detractors (0–6), −100…100; null without answers'),
		n: z.number().int(),
		promoters: z.number().int(),
		passives: z.number().int(),
		detractors: z.number().int(),
		lowN: z.boolean().describe('Fewer respondents than the minimum: do not read much into it')
	})
	.meta({ id: 'Nps' });
export const csatShape = z
	.object({ csat: figure.describe('% of answers 4–5 on 1–5'), n: z.number().int(), lowN: z.boolean() })
	.meta({ id: 'Csat' });
export const cesShape = z.object({ ces: figure.describe('Mean answer on 1–7'), n: z.number().int(), lowN: z.boolean() }).meta({ id: 'Ces' });

export const npsJson = (r: LoyaltyReport['nps']): z.infer<typeof npsShape> => ({
	nps: finite(r.nps),
	n: r.n,
	promoters: r.promoters,
	passives: r.passives,
	detractors: r.detractors,
	lowN: r.lowN
});
export const csatJson = (r: SatisfactionReport['overall']['csat']): z.infer<typeof csatShape> => ({ csat: finite(r.csat), n: r.n, lowN: r.lowN });
export const cesJson = (r: SatisfactionReport['overall']['ces']): z.infer<typeof cesShape> => ({ ces: finite(r.ces), n: r.n, lowN: r.lowN });

export const loyaltyReportShape = z
	.object({
		status: z.literal('done'),
		timeUnit: z.enum(['day', 'week', 'month']),
		cohortPeriod: z.enum(['day', 'week', 'month', 'quarter']),
		minimumRespondents: z.number().int(),
		nps: npsShape,
		npsByChannel: z.array(z.object({ channel: z.string(), nps: npsShape })),
		behavioural: z.object({
			customers: z.number().int(),
			repeatBuyers: z.number().int(),
			repeatPurchaseRate: figure,
			meanPurchases: figure,
			purchaseFrequency: figure.describe('Repeat purchases per time unit of customer time'),
			meanRelationshipLength: figure.describe('First to last purchase, in time units')
		}),
		cohorts: z
			.array(z.object({ cohort: z.string(), size: z.number().int(), active: z.array(z.number().int()), retention: z.array(z.number()), churn: z.array(z.number()) }))
			.describe('Per acquisition cohort: customers buying in each later period (index 0 = the first)'),
		loyaltyMatrix: z.object({
			n: z.number().int(),
			counts: z.object({ true: z.number().int(), latent: z.number().int(), spurious: z.number().int(), none: z.number().int() }),
			lowN: z.boolean()
		})
	})
	.meta({ id: 'LoyaltyReport' });

export function loyaltyReportJson(report: LoyaltyReport): z.infer<typeof loyaltyReportShape> {
	const b = report.behavioural;
	return {
		status: 'done',
		timeUnit: report.timeUnit,
		cohortPeriod: report.cohortPeriod,
		minimumRespondents: report.minimumRespondents,
		nps: npsJson(report.nps),
		npsByChannel: report.npsByChannel.map(({ key, result }) => ({ channel: key, nps: npsJson(result) })),
		behavioural: {
			customers: b.customers,
			repeatBuyers: b.repeatBuyers,
			repeatPurchaseRate: finite(b.repeatPurchaseRate),
			meanPurchases: finite(b.meanPurchases),
			purchaseFrequency: finite(b.purchaseFrequency),
			meanRelationshipLength: finite(b.meanRelationshipLength)
		},
		cohorts: report.cohorts,
		loyaltyMatrix: { n: report.loyaltyMatrix.n, counts: report.loyaltyMatrix.counts, lowN: report.loyaltyMatrix.lowN }
	};
}

const satisfactionCutShape = z.object({ key: z.string(), csat: csatShape, ces: cesShape, nps: npsShape });

export const satisfactionReportShape = z
	.object({
		status: z.literal('done'),
		period: z.enum(['day', 'week', 'month', 'quarter']),
		minimumRespondents: z.number().int(),
		overall: satisfactionCutShape.omit({ key: true }),
		byChannel: z.array(satisfactionCutShape).describe('Key: the channel ("" = not recorded)'),
		byStep: z.array(satisfactionCutShape).describe('Key: the event type (journey step) the answer is about ("" = none)'),
		overTime: z.array(satisfactionCutShape).describe('Key: the calendar period')
	})
	.meta({ id: 'SatisfactionReport' });

export function satisfactionReportJson(report: SatisfactionReport): z.infer<typeof satisfactionReportShape> {
	const cut = (c: SatisfactionReport['byChannel'][number]) => ({ key: c.key, csat: csatJson(c.csat), ces: cesJson(c.ces), nps: npsJson(c.nps) });
	return {
		status: 'done',
		period: report.period,
		minimumRespondents: report.minimumRespondents,
		overall: { csat: csatJson(report.overall.csat), ces: cesJson(report.overall.ces), nps: npsJson(report.overall.nps) },
		byChannel: report.byChannel.map(cut),
		byStep: report.byStep.map(cut),
		overTime: report.overTime.map(cut)
	};
}

export const retentionReportShape = z
	.object({
		status: z.literal('done'),
		period: z.enum(['day', 'week', 'month', 'quarter']),
		fit: z
			.object({ params: z.object({ alpha: z.number(), beta: z.number() }), logLikelihood: z.number(), converged: z.boolean(), customers: z.number().int() })
			.nullable()
			.describe('Null when the data was refused before fitting'),
		verdict: fitVerdictShape,
		cohorts: z.array(
			z.object({
				cohort: z.string(),
				initial: z.number().int(),
				alive: z.array(z.number().int()),
				projected: z.array(z.number()).nullable().describe('The fit\'s projection; null when the verdict is unusable')
			})
		),
		survival: z.array(z.number()).nullable().describe('Share of a new cohort still active after t = 0… periods; null when the verdict is unusable'),
		retention: z.array(z.number()).nullable().describe('Retention rate in period t = 1…; null when the verdict is unusable'),
		expectedLifetime: figure.describe('Expected periods active (null when infinite: α ≤ 1, or when the verdict is unusable)'),
		expectedLifetimeWithinHorizon: figure,
		discountRate: z.number(),
		discountedExpectedLifetime: figure,
		revenuePerPeriod: z.number(),
		clvOfNewCustomer: figure
	})
	.meta({ id: 'RetentionReport' });

export const retentionReportJson = (report: RetentionReport): z.infer<typeof retentionReportShape> => ({ status: 'done', ...report });

export const valueAssumptionShape = z
	.object({
		groupId: z.string().nullable().describe('null: all customers of the workspace'),
		overrides: z
			.object({
				purchaseRate: z.number().optional(),
				relationshipLength: z.number().optional(),
				T: z.number().optional(),
				A: z.number().optional(),
				P: z.number().optional(),
				K: z.number().optional()
			})
			.describe('Factors set by hand; the rest come from the data'),
		note: z.string(),
		updatedAt: isoDate.nullable(),
		updatedBy: z.string().nullable().describe('Name of who set them')
	})
	.meta({ id: 'ValueAssumption' });

export const valueAssumptionJson = (view: ValueAssumptionView): z.infer<typeof valueAssumptionShape> => ({
	...view,
	updatedAt: isoOrNull(view.updatedAt)
});

export const eventTypeShape = z
	.object({
		eventType: z.string().describe('The id in the events (what steps are bound to)'),
		label: z.string().describe("What people see: the workspace's name for it, else the id made readable"),
		customLabel: z.string().nullable().describe("The workspace's own name; null: the readable id is shown"),
		events: z.number().int(),
		customers: z.number().int(),
		channels: z.array(z.object({ channel: z.string().describe('"" = not recorded'), events: z.number().int() }))
	})
	.meta({ id: 'EventType' });

const respondentFigure = z.object({ value: figure, n: z.number().int(), lowN: z.boolean() });

export const stepMetricsShape = z
	.object({
		cardId: z.string(),
		stage: z.number().int().describe('Position among the measured stages (0 = first)'),
		eventTypes: z.array(z.string()),
		reached: z.number().int().describe('Customers who reached the step after the previous stage (strict ordered funnel)'),
		converted: z.number().int().nullable().describe('Of those, who reached the next stage; null at the last stage'),
		conversion: figure.describe('converted / reached'),
		dropOff: figure.describe('1 − conversion'),
		dropOffCount: z.number().int().nullable(),
		medianHoursToNext: figure,
		clvMean: figure.describe('Mean CLV (BG/NBD expected revenue over a year) of the customers who reached it'),
		valueAtRisk: figure.describe('Summed CLV of the customers who dropped off here'),
		revenueMean: figure.describe('Mean revenue to date of the customers who reached it'),
		csat: respondentFigure.describe('CSAT (% 4–5) of answers tagged with the step\'s event types'),
		ces: respondentFigure,
		nps: respondentFigure,
		channelSwitches: z.array(z.object({ from: z.string(), to: z.string(), customers: z.number().int() })),
		byChannel: z.array(z.object({ channel: z.string(), reached: z.number().int(), converted: z.number().int(), conversion: figure })),
		voices: z
			.object({
				comments: z.array(z.object({ kind: z.enum(['nps', 'csat', 'ces']), score: z.number().int(), comment: z.string(), at: z.number().describe('Epoch ms') })),
				complainants: z.number().int().describe('Customers with a complaint or service-contact event within the conversion window after reaching the step')
			})
			.describe('What customers said near the step: the latest survey comments tagged with it (no customer named)'),
		sharedBindings: z
			.array(
				z.object({
					eventType: z.string(),
					cardId: z.string().describe('The other step bound to this event type'),
					stageId: z.string(),
					relation: z
						.enum(['earlier-stage', 'later-stage', 'same-stage'])
						.describe(
							'earlier-stage: an event moves a customer one stage only, so the first such event (after the stage before) counts there, and this step counts only customers ' +
								'with another one after reaching the stage before it — its reach is repeats, and the step before it shows everyone else as dropped off. ' +
								'later-stage: the same, seen from the earlier step (its own figures are as usual). same-stage: an alternative in this stage; the step placed first gets those customers'
						),
					credited: z.boolean().describe('same-stage: this step is the one credited')
				})
			)
			.describe('Event types this step shares with other measured steps: a warning, as they change what the later step counts')
	})
	.meta({ id: 'StepMetrics' });

export const boardMetricsShape = z
	.object({
		status: z.literal('done'),
		steps: z.array(stepMetricsShape),
		stages: z.array(z.object({ stage: z.number().int(), stageId: z.string(), reached: z.number().int(), skipped: z.number().int().describe('Had an event of the stage without reaching the stage before (entered mid-journey)') })),
		customersInCut: z.number().int(),
		channels: z.array(z.string()).describe('Channels of the events: values for `channel` (the entry-channel cut)'),
		computedAt: isoDate,
		datasetVersion: z.number().int(),
		clvModel: z
			.enum(TRUSTED_CLV_MODELS)
			.nullable()
			.describe(
				'Where each step\'s clvMean and valueAtRisk come from: BG/NBD + Gamma-Gamma when their fits are usable, else the pooled formula KW = (T × A × P) − K; null when the data can carry neither (both are null then)'
			),
		groups: z.array(z.object({ id: z.string(), name: z.string() })).describe('Customer groups the figures can be cut by (`groupId`)'),
		eventTypeLabels: z
			.record(z.string(), z.string())
			.describe("The workspace's own names of event types (id → label); other event types read as their id made readable"),
		importing: dataUnderWayShape
	})
	.meta({ id: 'BoardMetrics' });

export function boardMetricsJson(
	report: JourneyReport,
	groups: { id: string; name: string }[],
	eventTypeLabels: Readonly<Record<string, string>>,
	importing: DataUnderWay | null
): z.infer<typeof boardMetricsShape> {
	const { funnel: _funnel, respondents: _respondents, periodDays: _periodDays, ...rest } = report;
	return { status: 'done', ...rest, groups, eventTypeLabels: { ...eventTypeLabels }, importing };
}

const respondentOutcomeShape = z.object({
	n: z.number().int().describe('Respondents who reached the step'),
	converted: z.number().int().describe('Of those, who reached the next stage'),
	conversion: figure
});

export const whatIfShape = z
	.object({
		status: z.literal('done'),
		cardId: z.string(),
		lever: z.enum(['drop-off', 'csat']),
		points: z.number().describe('The percentage points asked for the lever'),
		dropOffPoints: z.number().describe('Drop-off points asked (drop-off lever), or the drop-off change the CSAT change amounts to (csat lever)'),
		horizonDays: z.number().int().nullable().describe('null: the figures are over the period the metrics cover'),
		computedAt: isoDate.describe('When the figures behind the estimate were computed'),
		datasetVersion: z.number().int(),
		periodDays: z.number().int().nullable().describe('Calendar days the metrics cover (the window clipped to the data)'),
		extraReachedNext: z.number().describe('Extra customers reaching the next stage'),
		extraFinalConversions: z.number().describe('Of those, how many reach the last stage at the observed later conversions'),
		extraRevenue: z.number(),
		extraClv: z.number(),
		explanation: z.object({
			currentDropOff: figure,
			newDropOff: figure,
			pointsApplied: z.number().describe('Drop-off points applied (after caps)'),
			capped: z.boolean(),
			reason: z.enum(['ok', 'last-stage', 'not-reached', 'downstream-not-reached']),
			revenuePerFinalConversion: z.number(),
			clvPerFinalConversion: z.number(),
			horizonFactor: z.number().describe('What the period\'s figures were multiplied by: horizonDays / periodDays (1 without a horizon)'),
			flow: z.array(z.object({ stage: z.number().int(), extraCustomers: z.number(), conversion: figure })),
			csat: z
				.object({
					satisfied: respondentOutcomeShape.describe('Respondents whose latest answer tagged with the step was 4–5'),
					unsatisfied: respondentOutcomeShape,
					currentCsat: figure.describe('Share satisfied among these respondents, 0–1'),
					newCsat: figure,
					pointsApplied: z.number().describe('CSAT points applied (CSAT stays within 0–100 %)'),
					capped: z.boolean(),
					lift: figure.describe('Satisfied conversion − not-satisfied conversion'),
					minimumRespondents: z.number().int().describe('Respondents each side needs'),
					lowN: z.boolean(),
					taggedAnswers: z
						.object({ csat: z.number().int(), ces: z.number().int(), nps: z.number().int() })
						.nullable()
						.describe('Answers tagged with the step per measure, in the cut and period (whoever gave them): CES or NPS answers do not make CSAT a lever'),
					reason: z
						.enum(['ok', 'last-stage', 'not-reached', 'no-csat-answers', 'no-respondents', 'too-few-respondents', 'satisfied-not-better'])
						.describe('no-csat-answers: no CSAT answer is tagged with the step at all; no-respondents: there are, but none from a customer who reached the step'),
					assumption: z.literal('association').describe('Satisfied customers going on more often is an association in the data, not a proven effect of satisfaction')
				})
				.nullable()
				.describe('The CSAT side of the estimate; null for the drop-off lever')
		})
	})
	.meta({ id: 'WhatIf' });

export function whatIfJson(cardId: string, points: number, estimate: JourneyWhatIf, report: Pick<JourneyReport, 'computedAt' | 'datasetVersion'>): z.infer<typeof whatIfShape> {
	const { explanation, csat, horizon } = estimate;
	return {
		status: 'done',
		cardId,
		computedAt: report.computedAt,
		datasetVersion: report.datasetVersion,
		lever: estimate.lever,
		points,
		dropOffPoints: csat ? csat.equivalentDropOffPoints : points,
		horizonDays: horizon.horizonDays,
		periodDays: horizon.periodDays,
		extraReachedNext: estimate.extraReachedNext,
		extraFinalConversions: estimate.extraFinalConversions,
		extraRevenue: estimate.extraRevenue,
		extraClv: estimate.extraClv,
		explanation: {
			currentDropOff: explanation.currentDropOff,
			newDropOff: explanation.newDropOff,
			pointsApplied: explanation.pointsApplied,
			capped: explanation.capped,
			reason: explanation.reason,
			revenuePerFinalConversion: explanation.revenuePerFinalConversion,
			clvPerFinalConversion: explanation.clvPerFinalConversion,
			horizonFactor: horizon.factor,
			flow: explanation.flow.map(({ stageIndex, extraCustomers, conversion }) => ({ stage: stageIndex, extraCustomers, conversion })),
			csat: csat
				? {
						satisfied: csat.satisfied,
						unsatisfied: csat.unsatisfied,
						currentCsat: csat.currentCsat,
						newCsat: csat.newCsat,
						pointsApplied: csat.pointsApplied,
						capped: csat.capped,
						lift: csat.lift,
						minimumRespondents: csat.minimumRespondents,
						lowN: csat.lowN,
						taggedAnswers: csat.taggedAnswers,
						reason: csat.reason,
						assumption: csat.assumption
					}
				: null
		}
	};
}
// ── personas ─────────────────────────────────────────────────────────────────────────────

const differenceShape = z.object({
	feature: z.string().describe('Catalogue feature id'),
	kind: z.enum(['numeric', 'categorical']),
	level: z.string().optional().describe('Categorical: the level whose share differs most from the group'),
	z: z.number().describe("Standardised difference from the group (the persona's mean z-score; for a level its 0/1 indicator)"),
	direction: z.enum(['higher', 'lower']),
	ratio: z.number().nullable().describe('Persona value / group value in original units (means; shares for a level)'),
	personaValue: z.number(),
	groupValue: z.number(),
	text: z.string().describe('The difference in plain English words, e.g. "buys 3.1× as often"')
});

export const personaShape = z
	.object({
		id: z.string(),
		groupId: z.string(),
		name: z.string(),
		description: z.string(),
		origin: z.enum(['derived', 'hand-made']).describe('Derived from the data, or written by hand (no figures)'),
		archived: z.boolean().describe('No cluster of a later derivation continued this persona'),
		size: z.number().int().nullable().describe('Customers of the group this persona stands for'),
		share: z.number().nullable().describe("Share of the group's customers"),
		revenueShare: z.number().nullable().describe("Share of the group's revenue"),
		clvMean: z.number().nullable().describe('Mean customer lifetime value (one year, revenue) by the model `clvModel` names'),
		clvModel: z
			.enum(TRUSTED_CLV_MODELS)
			.nullable()
			.describe(
				'Where clvMean comes from: BG/NBD + Gamma-Gamma when their fits are usable, else the pooled formula KW = (T × A × P) − K; null when the data cannot value the members'
			),
		distinguishing: z.array(differenceShape).describe('Every feature, most distinguishing first'),
		centroid: z.record(z.string(), z.union([z.number(), z.string()])).nullable().describe('The prototype in original units'),
		typical: z.record(z.string(), z.number()).nullable().describe('Median of each numeric feature among the members'),
		categoryShares: z.record(z.string(), z.record(z.string(), z.number())).nullable(),
		evidence: z
			.object({
				channels: z
					.object({ webshop: z.number(), app: z.number(), store: z.number(), phone: z.number() })
					.nullable()
					.describe("Mean share of the members' purchases per channel"),
				nps: z.object({ mean: z.number(), respondents: z.number().int() }).nullable().describe('Mean latest NPS answer (0–10) of members who answered'),
				csat: z.object({ mean: z.number(), respondents: z.number().int() }).nullable().describe('Mean CSAT (1–5) of members who answered'),
				furthestStep: z
					.object({
						step: z.string().describe('The event type id'),
						label: z.string().describe("What people call it: the workspace's name for the event type, else the id made readable"),
						share: z.number()
					})
					.nullable()
					.describe('The journey step (event type) members most often got no further than, and their share')
			})
			.nullable()
			.describe('Evidence beyond the clustering features; null for hand-made personas'),
		stability: z.number().nullable().describe('Mean adjusted Rand index of the split across re-runs with other seeds (1 = always the same)'),
		movedDistance: z.number().nullable().describe('How far the centre moved at the last re-derivation (standardised units); null when new'),
		derivationId: z.string().nullable(),
		photoUrl: z
			.string()
			.nullable()
			.describe('Where the uploaded photo is read (512×512 WebP; the address changes with the photo); null shows the illustration'),
		createdAt: isoDate,
		updatedAt: isoDate
	})
	.meta({ id: 'Persona' });

export function personaJson(persona: PersonaWithPhoto): z.infer<typeof personaShape> {
	const differences = (persona.distinguishing ?? []) as FeatureDifference[];
	return {
		id: persona.id,
		groupId: persona.groupId,
		name: persona.name,
		description: persona.description,
		origin: persona.origin,
		archived: persona.archived,
		size: persona.size,
		share: persona.share,
		revenueShare: persona.revenueShare,
		clvMean: persona.clvMean,
		distinguishing: differences.map((d) => ({
			feature: d.featureId,
			kind: d.kind,
			...(d.level !== undefined ? { level: d.level } : {}),
			z: d.z,
			direction: d.direction,
			ratio: d.ratio,
			personaValue: d.clusterValue,
			groupValue: d.groupValue,
			text: englishText(d)
		})),
		centroid: persona.centroid,
		typical: persona.typical,
		categoryShares: persona.categoryShares,
		clvModel: persona.clvModel,
		evidence: persona.evidence && {
			...persona.evidence,
			furthestStep: persona.evidence.furthestStep && {
				...persona.evidence.furthestStep,
				label: persona.furthestStepLabel ?? readableEventType(persona.evidence.furthestStep.step)
			}
		},
		stability: persona.stability,
		movedDistance: persona.movedDistance,
		derivationId: persona.derivationId,
		photoUrl: persona.photoVersion ? personaPhotoUrl(persona.id, persona.photoVersion) : null,
		createdAt: iso(persona.createdAt),
		updatedAt: iso(persona.updatedAt)
	};
}

export const personaPhotoShape = z
	.object({
		personaId: z.string(),
		url: z.string().describe('Where the photo is read; changes with every new photo'),
		version: z.string().describe('A hash of the stored bytes (also the ETag)'),
		mime: z.string().describe('image/webp'),
		width: z.number().int(),
		height: z.number().int(),
		bytes: z.number().int(),
		updatedAt: isoDate
	})
	.meta({ id: 'PersonaPhoto' });

export function personaPhotoJson(photo: PersonaPhotoInfo): z.infer<typeof personaPhotoShape> {
	return { ...photo, updatedAt: iso(photo.updatedAt) };
}

const representativeShape = z.object({
	externalId: z.string().nullable().describe('Null for viewers: representatives are shown without personal data'),
	name: z.string().nullable(),
	transactions: z.number().int(),
	revenue: z.number(),
	recencyDays: z.number().nullable()
});

export const personaDetailShape = personaShape
	.extend({
		representatives: z.array(representativeShape).describe('The most central customers (medoids), most central first'),
		narrative: z
			.object({
				fields: z.object(Object.fromEntries(NARRATIVE_FIELDS.map((f) => [f, z.string()])) as Record<NarrativeField, z.ZodString>),
				avatar: z.string().nullable().describe('A built-in illustration (shown when there is no photo)')
			})
			.describe('The card the team writes together live (`/collab/{id}.persona`): quote, bio, goals, frustrations, needs, media, lifestyle, network, health')
	})
	.meta({ id: 'PersonaDetail' });

export function personaDetailJson(detail: PersonaDetail): z.infer<typeof personaDetailShape> {
	return {
		...personaJson(detail.persona),
		representatives: detail.representatives,
		narrative: { fields: { ...detail.narrative.fields }, avatar: detail.narrative.avatar }
	};
}

export const personaMemberShape = z.object({
	externalId: z.string(),
	name: z.string().nullable(),
	email: z.string().nullable(),
	city: z.string().nullable(),
	transactions: z.number().int(),
	revenue: z.number(),
	recencyDays: z.number().nullable()
});

export function personaMemberJson(member: db.PersonaMember): z.infer<typeof personaMemberShape> {
	const { id: _internal, ...rest } = member;
	return rest;
}

const personaChangeShape = z.object({ personaId: z.string(), name: z.string() });

export const derivationShape = z
	.object({
		id: z.string(),
		groupId: z.string(),
		status: z.enum(['queued', 'running', 'done', 'failed']),
		progress: z.number().min(0).max(1),
		stage: z.string().nullable().describe('features, clv, clustering, profiles, stability, matching, writing'),
		k: z.object({
			requested: z.union([z.number().int(), z.literal('auto')]),
			chosen: z.number().int().nullable()
		}),
		features: z.array(z.string()).describe('Feature ids asked for'),
		seed: z.number().int(),
		datasetVersion: z.number().int().nullable(),
		customers: z.number().int().nullable(),
		algorithm: z.string().nullable().describe('k-means, or k-prototypes when categorical features were chosen'),
		diagnostics: z
			.array(
				z.object({
					k: z.number().int(),
					inertia: z.number().describe('Within-cluster cost of the best restart (the elbow chart)'),
					silhouette: z.number().nullable().describe('Mean silhouette'),
					smallestShare: z.number(),
					meetsMinShare: z.boolean()
				})
			)
			.describe('Per k tried'),
		details: z.record(z.string(), z.unknown()).nullable().describe('How k was chosen, features used and dropped, stability per run'),
		stability: z.number().nullable(),
		changes: z
			.object({
				continued: z.array(personaChangeShape.extend({ distance: z.number().nullable() })),
				added: z.array(personaChangeShape),
				archived: z.array(personaChangeShape)
			})
			.nullable()
			.describe('What moved: personas continued (same id and name, with how far they moved), added and archived'),
		message: z.string().nullable().describe('Why the derivation failed'),
		createdAt: isoDate,
		finishedAt: isoDate.nullable()
	})
	.meta({ id: 'PersonaDerivation' });

export function derivationJson(row: db.PersonaDerivationRow): z.infer<typeof derivationShape> {
	const diagnostics = (row.diagnostics ?? []) as { k: number; inertia: number; silhouette: number | null; smallestShare: number; meetsMinShare: boolean }[];
	return {
		id: row.id,
		groupId: row.groupId,
		status: row.status,
		progress: row.progress,
		stage: row.stage,
		k: { requested: row.kRequested ?? 'auto', chosen: row.kChosen },
		features: row.features,
		seed: row.seed,
		datasetVersion: row.datasetVersion,
		customers: row.customerCount,
		algorithm: row.algorithm,
		diagnostics: diagnostics.map(({ k, inertia, silhouette, smallestShare, meetsMinShare }) => ({ k, inertia, silhouette, smallestShare, meetsMinShare })),
		details: row.details ?? null,
		stability: row.stability,
		changes: (row.changes as z.infer<typeof derivationShape>['changes']) ?? null,
		message: row.message,
		createdAt: iso(row.createdAt),
		finishedAt: isoOrNull(row.finishedAt)
	};
}

export const groupPersonasShape = z.object({
	items: z.array(personaShape),
	derivation: derivationShape.nullable().describe('The newest derivation of the group (possibly still running, or failed)'),
	stale: z.boolean().describe('Customer data was imported since the personas were derived'),
	customers: z
		.number()
		.int()
		.describe('Customers in the group now; a derivation needs at least 30, and 10 per persona (fewer: 422)')
});

export function groupPersonasJson(result: GroupPersonas): z.infer<typeof groupPersonasShape> {
	return {
		items: result.personas.map(personaJson),
		derivation: result.latest ? derivationJson(result.latest) : null,
		stale: result.stale,
		customers: result.customers
	};
}
