import { z } from 'zod';
import { PHOTO_ACCEPTED_TYPES, PHOTO_MAX_BYTES, PHOTO_MAX_PIXELS, PHOTO_SIZE } from '$lib/domain/persona';
import * as schemas from '$lib/schemas';
import { SESSION_COOKIE } from '../auth';
import { MAX_JSON_BODY_BYTES } from './api';
import * as shapes from './json';
import * as insightsShapes from './insights-json';
import { portfolioShape } from './insights-portfolio-json';
import * as insightsValueShapes from './insights-value-json';
import * as insightsLoyaltyShapes from './insights-loyalty-json';
import * as insightsDriversShapes from './insights-drivers-json';
import * as insightsSnapshotShapes from './insights-snapshots-json';
import { channelsShape } from './insights-channels-json';
import { aimsShape } from './insights-aims-json';
import * as insightsReportShapes from './insights-report-json';
import { boardListQuerySchema, errorReportQuerySchema } from './request';

/*
 * The one list of API endpoints. Request bodies are the very zod schemas the handlers parse
 * with, responses the shapes the handlers' mappers are typed by, so the document cannot drift
 * from the code without a type error. The integration suite checks that every route file is
 * listed here and every entry here is a route.
 */

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Endpoint {
	method: Method;
	/** OpenAPI form: `{id}` for a `[id]` route segment. */
	path: string;
	summary: string;
	tag: string;
	/** Public endpoints need no session or token; everything else answers 401 without one. */
	public?: boolean;
	body?: z.ZodType;
	/** A multipart/form-data upload: its text fields (the file part is added as `file`). */
	upload?: z.ZodObject;
	/** A file sent as the body itself, with one of these content types. */
	binaryBody?: { mediaTypes: readonly string[]; description: string };
	/** Query parameters, as an object schema (one parameter per key). */
	query?: z.ZodObject;
	/** Success status and body; `null` means no body (204). `mediaType` for bodies that are not JSON. */
	success: { status: number; description: string; body: z.ZodType | null; mediaType?: string; /** A file in one of several formats. */ mediaTypes?: readonly string[] };
	/** Other non-error answers, such as 202 while a computation runs. */
	alternatives?: { status: number; description: string; body: z.ZodType }[];
	/** Error statuses this endpoint can answer besides 401 (and 413/415 for bodies). */
	errors?: number[];
	description?: string;
}

const page = schemas.pageQuerySchema;
const { pageShape } = shapes;

export const endpoints: Endpoint[] = [
	// Accounts
	{
		method: 'post', path: '/api/v1/auth/signup', tag: 'Account', public: true,
		summary: 'Create an account and sign in (sets the session cookie)',
		body: schemas.signupSchema,
		success: { status: 201, description: 'Signed up', body: z.object({ user: shapes.userShape }) },
		errors: [400, 409, 429]
	},
	{
		method: 'post', path: '/api/v1/auth/login', tag: 'Account', public: true,
		summary: 'Sign in (sets the session cookie)',
		description: 'Unknown address and wrong password get the same answer. Repeated failures per account and per IP answer 429 with Retry-After.',
		body: schemas.loginSchema,
		success: { status: 200, description: 'Signed in', body: z.object({ user: shapes.userShape }) },
		errors: [400, 429]
	},
	{
		method: 'post', path: '/api/v1/auth/logout', tag: 'Account',
		summary: 'End the current session and clear its cookie',
		success: { status: 204, description: 'Signed out', body: null }
	},
	{
		method: 'get', path: '/api/v1/me', tag: 'Account', summary: 'The signed-in user',
		success: { status: 200, description: 'The user', body: z.object({ user: shapes.userShape }) }
	},
	{
		method: 'patch', path: '/api/v1/me', tag: 'Account', summary: 'Change name or language',
		body: schemas.profileSchema,
		success: { status: 200, description: 'The changed user', body: z.object({ user: shapes.userShape }) },
		errors: [400]
	},
	{
		method: 'post', path: '/api/v1/me/password', tag: 'Account',
		summary: 'Change password (signs out every other session)',
		body: schemas.changePasswordSchema,
		success: { status: 204, description: 'Changed', body: null },
		errors: [400]
	},
	{
		method: 'get', path: '/api/v1/sessions', tag: 'Account', summary: "The user's sessions, newest first",
		query: page,
		success: { status: 200, description: 'One page of sessions', body: pageShape(shapes.sessionShape) },
		errors: [400]
	},
	{
		method: 'delete', path: '/api/v1/sessions/{id}', tag: 'Account', summary: 'Sign out one session',
		success: { status: 204, description: 'Revoked', body: null },
		errors: [404]
	},
	{
		method: 'get', path: '/api/v1/tokens', tag: 'API tokens', summary: "The user's API tokens (never the secrets)",
		query: page,
		success: { status: 200, description: 'One page of tokens', body: pageShape(shapes.apiTokenShape) },
		errors: [400]
	},
	{
		method: 'post', path: '/api/v1/tokens', tag: 'API tokens', summary: 'Create an API token (the secret is shown once)',
		body: schemas.tokenCreateSchema,
		success: { status: 201, description: 'Created', body: shapes.createdApiTokenShape },
		errors: [400]
	},
	{
		method: 'delete', path: '/api/v1/tokens/{id}', tag: 'API tokens', summary: 'Revoke an API token',
		success: { status: 204, description: 'Revoked', body: null },
		errors: [404]
	},
	// Workspaces and members
	{
		method: 'get', path: '/api/v1/workspaces', tag: 'Workspaces', summary: "The caller's workspaces",
		query: page,
		success: { status: 200, description: 'One page of workspaces', body: pageShape(shapes.workspaceSummaryShape) },
		errors: [400]
	},
	{
		method: 'post', path: '/api/v1/workspaces', tag: 'Workspaces', summary: 'Create a workspace (the caller becomes owner)',
		body: schemas.workspaceCreateSchema,
		success: { status: 201, description: 'Created', body: shapes.workspaceShape },
		errors: [400]
	},
	{
		method: 'get', path: '/api/v1/workspaces/{id}', tag: 'Workspaces', summary: "A workspace with the caller's role and permissions",
		success: { status: 200, description: 'The workspace', body: shapes.workspaceDetailShape },
		errors: [404]
	},
	{
		method: 'patch', path: '/api/v1/workspaces/{id}', tag: 'Workspaces',
		summary: 'Rename a workspace, let viewers comment, set its currency or its minimum group size (owners)',
		description:
			'`currency` is an ISO 4217 code the server can format (`EUR`, `USD`, `GBP`, …; lower case is accepted). ' +
			'It says which currency the imported amounts are in, so every page and export shows them in it: ' +
			'changing it does not convert any amount. `minimumSegmentCustomers` (1–1000, default 10): groups and personas ' +
			'with fewer customers show no figures in /insights/value. Open pages learn of the change through the change stream (`settings`).',
		body: schemas.workspaceUpdateSchema,
		success: { status: 200, description: 'Changed', body: shapes.workspaceShape },
		errors: [400, 403, 404]
	},
	{
		method: 'delete', path: '/api/v1/workspaces/{id}', tag: 'Workspaces', summary: 'Delete a workspace and its boards (owners)',
		success: { status: 204, description: 'Deleted', body: null },
		errors: [403, 404]
	},
	{
		method: 'get', path: '/api/v1/workspaces/{id}/members', tag: 'Workspaces', summary: 'Members, oldest first',
		query: page,
		success: { status: 200, description: 'One page of members', body: pageShape(shapes.memberShape) },
		errors: [400, 404]
	},
	{
		method: 'post', path: '/api/v1/workspaces/{id}/members', tag: 'Workspaces', summary: 'Add a member, or invite an unknown address (owners)',
		description: 'An address with an account joins at once (`member`); any other address gets a single-use invite link (`invite.url`) for the caller to pass on.',
		body: schemas.memberAddSchema,
		success: {
			status: 201,
			description: 'Added or invited',
			body: z.union([z.object({ member: shapes.memberShape }), z.object({ invite: shapes.createdInviteShape })])
		},
		errors: [400, 403, 404, 409]
	},
	{
		method: 'patch', path: '/api/v1/workspaces/{id}/members/{userId}', tag: 'Workspaces', summary: "Change a member's role (owners)",
		body: schemas.memberUpdateSchema,
		success: { status: 200, description: 'Changed', body: z.object({ member: shapes.memberShape }) },
		errors: [400, 403, 404, 409]
	},
	{
		method: 'delete', path: '/api/v1/workspaces/{id}/members/{userId}', tag: 'Workspaces', summary: 'Remove a member, or leave (your own id)',
		description: 'The last owner cannot leave (409): make someone else owner first.',
		success: { status: 204, description: 'Removed', body: null },
		errors: [403, 404, 409]
	},
	{
		method: 'get', path: '/api/v1/workspaces/{id}/invites', tag: 'Workspaces', summary: 'Open invites (owners)',
		query: page,
		success: { status: 200, description: 'One page of invites', body: pageShape(shapes.inviteShape) },
		errors: [400, 403, 404]
	},
	{
		method: 'delete', path: '/api/v1/workspaces/{id}/invites/{inviteId}', tag: 'Workspaces', summary: 'Revoke an invite (owners)',
		success: { status: 204, description: 'Revoked', body: null },
		errors: [403, 404]
	},
	{
		method: 'post', path: '/api/v1/invites/{token}/accept', tag: 'Workspaces', summary: 'Join a workspace through an invite link',
		success: { status: 200, description: 'Joined (or already a member)', body: shapes.acceptedInviteShape },
		errors: [404, 410]
	},
	// Boards
	{
		method: 'get', path: '/api/v1/workspaces/{id}/boards', tag: 'Boards', summary: 'Boards of a workspace, newest first',
		query: page.extend(boardListQuerySchema.shape),
		success: { status: 200, description: 'One page of boards', body: pageShape(shapes.boardShape) },
		errors: [400, 404]
	},
	{
		method: 'post', path: '/api/v1/workspaces/{id}/boards', tag: 'Boards', summary: 'Create a board (editors and owners)',
		body: schemas.boardCreateSchema,
		success: { status: 201, description: 'Created', body: shapes.boardShape },
		errors: [400, 403, 404]
	},
	{
		method: 'get', path: '/api/v1/boards/{id}', tag: 'Boards', summary: 'A board',
		success: { status: 200, description: 'The board', body: shapes.boardShape },
		errors: [404]
	},
	{
		method: 'patch', path: '/api/v1/boards/{id}', tag: 'Boards', summary: 'Rename, archive or restore a board (editors and owners)',
		body: schemas.boardUpdateSchema,
		success: { status: 200, description: 'Changed', body: shapes.boardShape },
		errors: [400, 403, 404]
	},
	{
		method: 'delete', path: '/api/v1/boards/{id}', tag: 'Boards', summary: 'Delete a board (editors and owners)',
		success: { status: 204, description: 'Deleted', body: null },
		errors: [403, 404]
	},
	{
		method: 'get', path: '/api/v1/boards/{id}/versions', tag: 'Boards', summary: 'Version history of a board, newest first',
		query: page,
		description: 'Named versions and automatic ones (hourly while the board is edited, and before every restore).',
		success: { status: 200, description: 'Versions', body: pageShape(shapes.versionShape) },
		errors: [404]
	},
	{
		method: 'post', path: '/api/v1/boards/{id}/versions', tag: 'Boards', summary: 'Keep the board as it is now as a named version (editors and owners)',
		body: schemas.versionCreateSchema,
		success: { status: 201, description: 'The new version', body: shapes.versionShape },
		errors: [400, 403, 404]
	},
	{
		method: 'get', path: '/api/v1/boards/{id}/versions/{versionId}', tag: 'Boards',
		summary: 'One version with its content (a base64 Yjs update), for a read-only preview',
		success: { status: 200, description: 'The version', body: shapes.versionWithStateShape },
		errors: [404]
	},
	{
		method: 'post', path: '/api/v1/boards/{id}/versions/{versionId}/restore', tag: 'Boards',
		summary: 'Bring the board back to a version (editors and owners)',
		description: 'Applied as a new edit that everyone connected receives at once; the state before the restore is kept as an automatic version.',
		success: { status: 200, description: 'Restored', body: shapes.restoredVersionShape },
		errors: [403, 404]
	},
	{
		method: 'post', path: '/api/v1/boards/{id}/duplicate', tag: 'Boards', summary: 'Copy a board (editors and owners)',
		body: schemas.boardDuplicateSchema,
		success: { status: 201, description: 'The copy', body: shapes.boardShape },
		errors: [400, 403, 404]
	},
	// Customer data
	{
		method: 'get', path: '/api/v1/workspaces/{id}/imports', tag: 'Customer data',
		summary: 'The import history of a workspace, newest first (without the row errors)',
		query: page,
		success: { status: 200, description: 'Imports', body: pageShape(shapes.importShape) },
		errors: [400, 404]
	},
	{
		method: 'post', path: '/api/v1/workspaces/{id}/imports', tag: 'Customer data',
		summary: 'Import a CSV file or Excel workbook of customers, transactions, events, survey answers or category spend (editors and owners)',
		description:
			'multipart/form-data with the file as `file` and the fields below. The upload is stored and the import ' +
			'runs in the background: poll `GET /api/v1/imports/{id}`. Delimiter (`,` `;` tab `|`) and encoding ' +
			'(UTF-8 with or without BOM, else Windows-1252) are detected; columns are recognised from Dutch and English ' +
			'headers unless `mapping` says otherwise (field → header name, or 1-based position for files without a header, ' +
			'with `format` `{"delimiter":"whitespace","header":false}`). Like every form post, the request must carry the ' +
			'server\'s own `Origin` header (browsers do; scripts add it). Either every row is valid and all are committed in ' +
			'one transaction, or nothing is written — unless `skipInvalid` is true. Re-importing rows does not duplicate ' +
			'them; customers are updated by their id, category spend by customer and category. An Excel workbook (.xlsx) ' +
			'is read from its first sheet, or the one named in `sheet`; dates and numbers are taken from the cells as Excel ' +
			'stores them. A damaged workbook, or a zip that is not one, is refused with 400. Preview the file first with ' +
			'`POST /api/v1/workspaces/{id}/imports/preview` to see how its columns map.',
		upload: schemas.importFormSchema,
		success: { status: 202, description: 'Queued', body: shapes.importShape },
		errors: [400, 403, 404, 413, 415]
	},
	{
		method: 'post', path: '/api/v1/workspaces/{id}/imports/preview', tag: 'Customer data',
		summary: 'Read the first rows of a file as its import would, without importing or keeping it (editors and owners)',
		description:
			'The same multipart fields as an import. Answers the detected format (text: encoding and delimiter; ' +
			'workbook: its sheets), whether the first row is a header (unless `format` says), the first 20 rows, the ' +
			'column each field would be read from (`mapping`: 1-based; pass it back, with changes, as the import\'s ' +
			'`mapping`), the required fields without a column, and the row errors the import would report for these rows. ' +
			'Of a text file only the first 64 KB are read, so sending just those is enough; a workbook must be sent whole.',
		upload: schemas.importPreviewFormSchema,
		success: { status: 200, description: 'The preview', body: shapes.importPreviewShape },
		errors: [400, 403, 404, 413, 415]
	},
	{
		method: 'get', path: '/api/v1/imports/{id}', tag: 'Customer data', summary: 'Status, progress and row errors of an import',
		success: { status: 200, description: 'The import', body: shapes.importShape },
		errors: [404]
	},
	{
		method: 'get', path: '/api/v1/imports/{id}/errors.csv', tag: 'Customer data',
		summary: 'The invalid rows of an import as a CSV file (row, column, value, message)',
		description:
			'A download (`Content-Disposition: attachment`) in UTF-8 with a byte-order mark, CRLF line ends and a header line ' +
			'`row,column,value,message`; the rows are those of `errors` in `GET /api/v1/imports/{id}` (at most 1,000). ' +
			'Values a spreadsheet would run as a formula start with an apostrophe.',
		query: errorReportQuerySchema,
		success: {
			status: 200,
			description: 'The report (only the header line when the import has no errors)',
			body: z.string(),
			mediaType: 'text/csv'
		},
		errors: [400, 404]
	},
	{
		method: 'post', path: '/api/v1/imports/{id}/cancel', tag: 'Customer data', summary: 'Cancel a queued or running import; nothing of it is written (editors and owners)',
		success: { status: 200, description: 'Cancelled (or cancelling: the status follows within a batch)', body: shapes.importShape },
		errors: [403, 404, 409]
	},
	{
		method: 'get', path: '/api/v1/workspaces/{id}/mappings', tag: 'Customer data', summary: 'Saved column mappings, newest first',
		success: { status: 200, description: 'Mappings', body: z.object({ items: z.array(shapes.columnMappingShape) }) },
		errors: [404]
	},
	{
		method: 'post', path: '/api/v1/workspaces/{id}/mappings', tag: 'Customer data', summary: 'Save a column mapping for reuse (editors and owners)',
		body: schemas.mappingCreateSchema,
		success: { status: 201, description: 'Saved', body: shapes.columnMappingShape },
		errors: [400, 403, 404, 409]
	},
	{
		method: 'get', path: '/api/v1/workspaces/{id}/data/summary', tag: 'Customer data', summary: 'Counts and date ranges of the customer data, the dataset version, and its quality: completeness per column, staleness per kind, duplicates',
		description: 'Customer external ids of duplicate e-mail groups are listed only for editors and owners; viewers get the counts.',
		success: { status: 200, description: 'The summary', body: shapes.dataSummaryShape },
		errors: [404]
	},
	{
		method: 'get', path: '/api/v1/workspaces/{id}/data/under-way', tag: 'Customer data',
		summary: 'Customer data on its way into the workspace: imports queued or running (and the demo data while it is generated), with their progress',
		description: 'For pages to show that data is coming instead of an empty workspace. `importing` is null when nothing is on its way. Poll it while it is not: progress is not sent over the change stream.',
		success: { status: 200, description: 'What is on its way', body: z.object({ importing: shapes.dataUnderWayShape }) },
		errors: [404]
	},
	{
		method: 'get', path: '/api/v1/workspaces/{id}/changes', tag: 'Customer data',
		summary: 'Server-sent events: the workspace\'s data, groups, personas or settings changed (for open pages to refresh)',
		description:
			'A `text/event-stream` that stays open. Events: `hello` {workspaceId, datasetVersion} at the start; `dataset` ' +
			'{datasetVersion} when an import finished or a customer was erased; `groups` {} when a group was created, changed ' +
			'or deleted; `personas` {groupId} when a group\'s personas were derived, added, renamed or deleted; `settings` {} ' +
			'when the workspace was renamed or its currency or comment setting changed; `event-types` {} when event types were named. Ids and ' +
			'versions only: fetch the figures through the other endpoints. A comment line every 25 s keeps proxies from ' +
			'closing it; the stream ends when the caller loses access to the workspace (readers: every member).',
		success: { status: 200, description: 'The event stream', body: z.string(), mediaType: 'text/event-stream' },
		errors: [404]
	},
	{
		method: 'delete', path: '/api/v1/workspaces/{id}/customers/{externalId}', tag: 'Customer data',
		summary: 'Erase a customer and all their transactions, events and answers (GDPR; editors and owners)',
		success: { status: 204, description: 'Erased', body: null },
		errors: [403, 404]
	},
	// Customer groups
	{
		method: 'get', path: '/api/v1/workspaces/{id}/groups', tag: 'Customer groups',
		summary: 'Customer groups of a workspace, each with its current count, share of customers and share of revenue',
		success: { status: 200, description: 'Groups', body: z.object({ items: z.array(shapes.groupShape) }) },
		errors: [404]
	},
	{
		method: 'post', path: '/api/v1/workspaces/{id}/groups', tag: 'Customer groups',
		summary: 'Define a customer group by a rule (editors and owners). An empty rule holds every customer.',
		body: schemas.groupCreateSchema,
		success: { status: 201, description: 'Created', body: shapes.groupShape },
		errors: [400, 403, 404, 409]
	},
	{
		method: 'post', path: '/api/v1/workspaces/{id}/groups/preview', tag: 'Customer groups',
		summary: 'Count, share of customers and share of revenue of a rule without saving it (the rule builder\'s live count)',
		body: schemas.groupPreviewSchema,
		success: { status: 200, description: 'Figures of the rule', body: shapes.groupFiguresShape },
		errors: [400, 404]
	},
	{
		method: 'post', path: '/api/v1/workspaces/{id}/groups/presets', tag: 'Customer groups',
		summary:
			'Create the groups of a preset (editors and owners): `rfm` = ten RFM segments on recency and frequency quintiles ' +
			'among buyers (ties share the lower score), `top-20` = the top 20% of customers by revenue. Groups whose name ' +
			'exists already are skipped.',
		body: schemas.groupPresetSchema,
		success: { status: 201, description: 'The groups created now', body: z.object({ items: z.array(shapes.groupShape) }) },
		errors: [400, 403, 404]
	},
	{
		method: 'get', path: '/api/v1/groups/{id}', tag: 'Customer groups', summary: 'A customer group with its figures',
		success: { status: 200, description: 'The group', body: shapes.groupShape },
		errors: [404]
	},
	{
		method: 'patch', path: '/api/v1/groups/{id}', tag: 'Customer groups', summary: 'Rename a group or change its rule (editors and owners)',
		body: schemas.groupUpdateSchema,
		success: { status: 200, description: 'The changed group', body: shapes.groupShape },
		errors: [400, 403, 404, 409]
	},
	{
		method: 'delete', path: '/api/v1/groups/{id}', tag: 'Customer groups', summary: 'Delete a group (its customers stay)',
		success: { status: 204, description: 'Deleted', body: null },
		errors: [403, 404]
	},
	{
		method: 'get', path: '/api/v1/groups/{id}/customers', tag: 'Customer groups',
		summary: 'The customers of a group with their measures, paginated (personal data: editors and owners)',
		query: page,
		success: { status: 200, description: 'One page of customers', body: pageShape(shapes.groupMemberShape) },
		errors: [400, 403, 404]
	},
	// Analyses
	{
		method: 'get', path: '/api/v1/workspaces/{id}/analytics/clv', tag: 'Analyses',
		summary:
			'Customer lifetime value of a workspace or group. `bgnbd`: expected revenue over the horizon from BG/NBD (frequency, ' +
			'drop-out) and Gamma-Gamma (spend), times the margin (by default the transactions\' own margin column when they carry ' +
			'one, else revenue); `discounted`: the same, each period discounted; `formula`: KW = (T × A × P) − K with every factor ' +
			'derived from the data, each customer\'s purchase rate and spend pooled with the group\'s. `verdict` says whether the ' +
			'fits may be used (at least 100 repeat buyers, converged, no parameter at a boundary); when it is `unusable` every ' +
			'figure made of customer values is null, with the reasons, and `fallback` holds the formula\'s estimate. Potential ' +
			'value (keep / develop) needs category spend (share of wallet). Fits are computed once per dataset version and ' +
			'parameters; a long computation answers 202 with its progress — ask again.',
		query: schemas.clvQuerySchema,
		success: { status: 200, description: 'The report', body: shapes.clvReportShape },
		alternatives: [{ status: 202, description: 'Still computing', body: shapes.pendingShape }],
		errors: [400, 404, 422]
	},
	{
		method: 'get', path: '/api/v1/workspaces/{id}/analytics/loyalty', tag: 'Analyses',
		summary:
			'Loyalty of a workspace or group: NPS (overall and per channel), repeat purchase rate, purchase frequency and relationship ' +
			'length, retention and churn per acquisition cohort, and the loyalty 2×2 (latest NPS answer a promoter × bought again).',
		query: schemas.loyaltyQuerySchema,
		success: { status: 200, description: 'The report', body: shapes.loyaltyReportShape },
		alternatives: [{ status: 202, description: 'Still computing', body: shapes.pendingShape }],
		errors: [400, 404, 422]
	},
	{
		method: 'get', path: '/api/v1/workspaces/{id}/analytics/satisfaction', tag: 'Analyses',
		summary: 'CSAT, CES and NPS of a workspace or group: overall, per channel, per journey step and per period, each with its n',
		query: schemas.satisfactionQuerySchema,
		success: { status: 200, description: 'The report', body: shapes.satisfactionReportShape },
		alternatives: [{ status: 202, description: 'Still computing', body: shapes.pendingShape }],
		errors: [400, 404, 422]
	},
	{
		method: 'get', path: '/api/v1/workspaces/{id}/insights/headline', tag: 'Analyses',
		summary: 'The insights headline of a period: customers, total and mean CLV, NPS / CSAT / CES and repeat rate, each with n and its change against the period of the same length before',
		description:
			'Customers are those with a purchase in the period (of a group or persona, and with `channel` those whose first event came ' +
			'through it). Their CLV is the estimate the value page trusts (BG/NBD + Gamma-Gamma when usable, else the pooled formula); ' +
			'when neither can be trusted every CLV figure is null and `clvModel` is null. Without `from` and `to` the period is the last 90 days of the data.',
		query: schemas.insightsQuerySchema,
		success: { status: 200, description: 'The headline', body: insightsShapes.headlineShape },
		alternatives: [{ status: 202, description: 'Still computing', body: shapes.pendingShape }],
		errors: [400, 404, 422]
	},
	{
		method: 'get', path: '/api/v1/workspaces/{id}/insights/value', tag: 'Analyses',
		summary: 'Where the value is: the trusted CLV of a period\'s customers by group and persona, its 20/80 concentration and keep / develop / loss-making',
		description:
			'Customers are those with a purchase in the period (of a group or persona, and with `channel` those whose first event came through it), ' +
			'valued by the CLV the value page trusts (BG/NBD + Gamma-Gamma when usable, else the pooled formula); when neither can be trusted `figures` is null. ' +
			'Groups and personas with fewer than `minimumSegmentCustomers` such customers are suppressed. Potential value rests on share of wallet (category spend).',
		query: schemas.insightsQuerySchema,
		success: { status: 200, description: 'Where the value is', body: insightsValueShapes.valueWhereShape },
		alternatives: [{ status: 202, description: 'Still computing', body: shapes.pendingShape }],
		errors: [400, 404, 422]
	},
	{
		method: 'get', path: '/api/v1/workspaces/{id}/insights/leaks', tag: 'Analyses',
		summary: 'Where it leaks: every measured step of every journey map, ranked by value at risk (by drop-off count when no CLV can be trusted)',
		description:
			'Each map\'s figures are those of its metrics lane (`/api/v1/boards/{id}/metrics`) for the same cut, period and entry channel, ' +
			'with the drop-off cause cards linked to each step. Maps are computed one after another; 202 with the share done meanwhile.',
		query: schemas.insightsQuerySchema,
		success: { status: 200, description: 'The ranked steps', body: insightsShapes.leaksShape },
		alternatives: [{ status: 202, description: 'Still computing', body: shapes.pendingShape }],
		errors: [400, 404, 422]
	},
	{
		method: 'get', path: '/api/v1/workspaces/{id}/insights/drivers', tag: 'Analyses',
		summary: 'Drop-off drivers of a step: what the customers who dropped off did or were, against those who went on, as odds ratios with a 95% interval',
		description:
			'The step\'s customers are those "Where it leaks" counts for the same cut, period and entry channel (a week between stages). ' +
			'Traits: event types done after reaching the step (at least once, at least twice; those who dropped off are looked at for as long as ' +
			'those who went on took on average; types bound to this stage or the next are left out), profile values among customers whose value ' +
			'is known, and the entry channel. An association, never a cause. 202 while computing.',
		query: schemas.insightsDriversQuerySchema,
		success: { status: 200, description: 'The drivers', body: insightsDriversShapes.driversShape },
		alternatives: [{ status: 202, description: 'Still computing', body: shapes.pendingShape }],
		errors: [400, 403, 404, 422]
	},
	{
		method: 'post', path: '/api/v1/workspaces/{id}/insights/drivers/causes', tag: 'Analyses',
		summary: 'Add a clear drop-off driver of a step to its map as a drop-off cause card that keeps the driver\'s figures',
		description:
			'The driver is found again for the same filters (its figures are the server\'s, never the caller\'s); only a driver whose 95% interval ' +
			'leaves out 1 can be added. The card goes in the step\'s stage, in the map\'s first drop-off lane (a new one when there is none), linked to the step. Editors and owners.',
		body: schemas.driverCauseSchema,
		success: { status: 201, description: 'The new card', body: z.object({ boardId: z.string(), cardId: z.string() }) },
		errors: [400, 403, 404, 409, 422]
	},
	{
		method: 'get', path: '/api/v1/workspaces/{id}/insights/opportunities', tag: 'Analyses',
		summary: 'The opportunities portfolio: every opportunity card of every journey map with its CRM lever, what-if value, effort, impact, status and owner',
		description:
			'A card\'s value is the what-if attached to it; one computed on an earlier import is recomputed for the same step, question and cut, ' +
			'as the map\'s badge is. A what-if whose step is no longer measured (or whose group or persona is gone) is withheld: `state` says so. ' +
			'`byFamily` sums the current values by what the lever grows. 202 with the share of maps done while recomputing.',
		success: { status: 200, description: 'The portfolio', body: portfolioShape },
		alternatives: [{ status: 202, description: 'Still computing', body: shapes.pendingShape }],
		errors: [404]
	},
	{
		method: 'get', path: '/api/v1/workspaces/{id}/insights/loyalty', tag: 'Analyses',
		summary: 'Loyalty and satisfaction: attitudinal (NPS) and behavioural loyalty, the loyalty 2×2, NPS/CSAT/CES per period, cohort retention and the sBG fit',
		description:
			'The reports of /analytics/satisfaction, /analytics/loyalty and /analytics/retention for the same cut, per month (periods up to about ' +
			'a year and a half) or quarter; they cover all of the cut\'s data and ignore `channel`. Only `series` is cut to the period. ' +
			'When the sBG verdict is unusable its curves are null and the verdict gives the reasons. 202 with the share done while computing.',
		query: schemas.insightsQuerySchema,
		success: { status: 200, description: 'The section', body: insightsLoyaltyShapes.loyaltySectionShape },
		alternatives: [{ status: 202, description: 'Still computing', body: shapes.pendingShape }],
		errors: [400, 404, 422]
	},
	// Insights snapshots
	{
		method: 'get', path: '/api/v1/workspaces/{id}/insights/snapshots', tag: 'Analyses',
		summary: 'The saved snapshots of the insights page, newest first (without their figures)',
		query: page,
		success: { status: 200, description: 'One page of snapshots', body: pageShape(insightsSnapshotShapes.insightsSnapshotSummaryShape) },
		errors: [400, 404]
	},
	{
		method: 'post', path: '/api/v1/workspaces/{id}/insights/snapshots', tag: 'Analyses',
		summary: 'Save the insights for the filters as a named snapshot (editors and owners)',
		description:
			'Computes every section for `filters` (as the section endpoints take them) and keeps each one that is done as its JSON answer; ' +
			'the others are listed in `withheld` with the reason. The figures are stored: a later import does not change them. ' +
			'409 when no section is done yet (try again shortly); 422 when none has figures for these filters.',
		body: schemas.snapshotCreateSchema,
		success: { status: 201, description: 'Saved', body: insightsSnapshotShapes.insightsSnapshotShape },
		errors: [400, 403, 404, 409, 422]
	},
	{
		method: 'get', path: '/api/v1/workspaces/{id}/insights/snapshots/{snapshotId}', tag: 'Analyses',
		summary: 'A snapshot with its figures as they were when saved',
		success: { status: 200, description: 'The snapshot', body: insightsSnapshotShapes.insightsSnapshotShape },
		errors: [404]
	},
	{
		method: 'patch', path: '/api/v1/workspaces/{id}/insights/snapshots/{snapshotId}', tag: 'Analyses',
		summary: 'Rename a snapshot (editors and owners); its figures stay as they are',
		body: schemas.snapshotRenameSchema,
		success: { status: 200, description: 'Renamed', body: insightsSnapshotShapes.insightsSnapshotShape },
		errors: [400, 403, 404]
	},
	{
		method: 'delete', path: '/api/v1/workspaces/{id}/insights/snapshots/{snapshotId}', tag: 'Analyses',
		summary: 'Delete a snapshot (editors and owners)',
		success: { status: 204, description: 'Deleted', body: null },
		errors: [403, 404]
	},
	{
		method: 'get', path: '/api/v1/workspaces/{id}/insights/channels', tag: 'Analyses',
		summary: 'Channels: reach, conversion and CLV by channel, online against offline, and the channel combinations customers use',
		description:
			'Customers are those with a contact (event) or a purchase in the period (of a group or persona, and with `channel` those whose first event ' +
			'came through it). Conversion is the share of those contacted through a channel who bought through it; a channel that records only purchases ' +
			'has none. Channels are online, offline or unknown by their name. CLV is the estimate the value page trusts; when neither model can be ' +
			'trusted every `clv` is null. Figures on fewer than `minimumRespondents` customers are marked `lowN`.',
		query: schemas.insightsQuerySchema,
		success: { status: 200, description: 'The section', body: channelsShape },
		alternatives: [{ status: 202, description: 'Still computing', body: shapes.pendingShape }],
		errors: [400, 404, 422]
	},
	{
		method: 'get', path: '/api/v1/workspaces/{id}/insights/aims', tag: 'Analyses',
		summary: 'The four aims of CRM: new customers per period, retention, value growth and loss-making customers, each against the period before',
		description:
			'Composed from other figures, not computed again: new customers from the acquisition cohorts of /analytics/loyalty (per whole month, or ' +
			'quarter for periods over about a year and a half; they ignore `channel`), retention (repeat rate) and mean CLV from /insights/headline, ' +
			'loss-making customers and their cost from /insights/value of this period and of the one before. Without a trusted CLV `valueGrowth` and `lossMaking` are null.',
		query: schemas.insightsQuerySchema,
		success: { status: 200, description: 'The aims', body: aimsShape },
		alternatives: [{ status: 202, description: 'Still computing', body: shapes.pendingShape }],
		errors: [400, 404, 422]
	},
	// The insights report (PDF): a job, polled, then downloaded
	{
		method: 'post', path: '/api/v1/workspaces/{id}/insights/report', tag: 'Analyses',
		summary: 'Start printing the insights as a PDF (A4) with the chosen sections, journey maps and persona cards, in the language of the requesting user',
		description:
			'Viewers may print reports. The job computes the sections (as the insights page and its JSON sections do, for `filters`) and ' +
			'then prints them with the server\'s headless Chromium; poll the job it answers with (Location). Persona cards are the cards of ' +
			'the personas pages: figures of groups, never customer names, e-mails or ids. A journey map is printed whole (every stage, shown lane ' +
			'and card, from the board document; its metrics lane is left out: the leaks section has those figures) on landscape pages. ' +
			'503 when the server has no Chromium (WAYMARK_CHROMIUM_PATH) or too many reports wait.',
		body: schemas.reportRequestSchema,
		success: { status: 202, description: 'The job, queued', body: insightsReportShapes.reportJobShape },
		errors: [400, 403, 404, 503]
	},
	{
		method: 'get', path: '/api/v1/workspaces/{id}/insights/report/{jobId}', tag: 'Analyses',
		summary: 'A report job of the requesting user: queued or running with its progress, done with the PDF to download, or failed with the reason',
		description: 'A job and its PDF are kept for 15 minutes after it ends; then 404.',
		success: { status: 200, description: 'The job', body: insightsReportShapes.reportJobShape },
		errors: [404]
	},
	{
		method: 'get', path: '/api/v1/workspaces/{id}/insights/report/{jobId}/pdf', tag: 'Analyses',
		summary: 'The printed report (as an attachment)',
		success: { status: 200, description: 'The PDF', body: z.string(), mediaType: 'application/pdf' },
		errors: [404, 409]
	},
	// The insights tables as files
	{
		method: 'get', path: '/api/v1/workspaces/{id}/insights/{section}/table/{table}', tag: 'Analyses',
		summary: 'An insights table as a CSV or XLSX file (as an attachment), in the language of the requesting user',
		description:
			'Viewers may download. `section`/`table`: `headline/figures` (the headline figures, current against previous period, with n) and ' +
			'`leaks/leaks` (every measured step, as `insights/leaks` ranks them: one row per entry of its `leaks`) `opportunities/portfolio` ' +
			'(one row per entry of `opportunities` of `insights/opportunities`) `channels/channels` (one row per entry of `figures.channels` ' +
			'of `insights/channels`) and `value/segments` (one row per entry of `figures.segments` of `insights/value`; a suppressed ' +
			'group or persona has empty figures; one row saying why when no CLV can be trusted) and `loyalty/series` (NPS, CSAT and CES with their n, one row per entry of `series` ' +
			'of `insights/loyalty`) and `aims/aims` (the four CRM aims of `insights/aims`, five rows); 404 for any other. The section is ' +
			'computed as its JSON endpoint computes it, for the same filters. Column headers are in the reader\'s language and money columns name ' +
			'the workspace currency; cells are raw numbers (shares 0–1). A figure that cannot be trusted is an empty cell and the `note` ' +
			'column says why. CSV: UTF-8 with a byte-order mark, CRLF line ends, a header line; `;` and a decimal comma in Dutch, `,` and a ' +
			'decimal point in English; texts a spreadsheet would run as a formula start with an apostrophe. XLSX: one sheet, a header row, ' +
			'numbers as numbers. The file is named `waymark-<workspace>-<section>-<table>-<yyyy-mm-dd>.<format>`. No customer is named. ' +
			'202 with the share done while computing.',
		query: schemas.insightsTableQuerySchema,
		success: {
			status: 200,
			description: 'The file',
			body: z.string(),
			mediaTypes: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']
		},
		alternatives: [{ status: 202, description: 'Still computing', body: shapes.pendingShape }],
		errors: [400, 404, 422]
	},
	{
		method: 'get', path: '/api/v1/workspaces/{id}/analytics/retention', tag: 'Analyses',
		summary:
			'Contractual retention (shifted-beta-geometric, Fader & Hardie 2007) fitted on cohort survival from the transactions: ' +
			'a customer counts as cancelled after the last period with a purchase. For subscription-like data. `verdict` says ' +
			'whether the fit may be used (at least 100 customers, a cohort observed for 3 periods, converged, no parameter at a ' +
			'boundary); when it is `unusable` the curves, lifetimes and values are null, with the reasons.',
		query: schemas.retentionQuerySchema,
		success: { status: 200, description: 'The fit, observed and projected cohorts, curves and lifetime value', body: shapes.retentionReportShape },
		alternatives: [{ status: 202, description: 'Still computing', body: shapes.pendingShape }],
		errors: [400, 404, 422]
	},
	{
		method: 'get', path: '/api/v1/workspaces/{id}/analytics/assumptions', tag: 'Analyses',
		summary: 'The CLV formula factors set by hand for a group (`groupId`) or for all customers',
		query: schemas.assumptionQuerySchema,
		success: { status: 200, description: 'The assumptions (empty overrides when none are set)', body: shapes.valueAssumptionShape },
		errors: [400, 404]
	},
	{
		method: 'put', path: '/api/v1/workspaces/{id}/analytics/assumptions', tag: 'Analyses',
		summary:
			'Set the CLV formula factors for a group or all customers (editors and owners). A relationship length holds for every ' +
			'customer; the other factors replace the group figure. Empty overrides and note remove the assumptions.',
		body: schemas.assumptionSaveSchema,
		success: { status: 200, description: 'The assumptions now in force', body: shapes.valueAssumptionShape },
		errors: [400, 403, 404]
	},
	{
		method: 'get', path: '/api/v1/workspaces/{id}/event-types', tag: 'Journey metrics',
		summary: "The workspace's event types with the names people see: those in its events (most frequent first, with counts and channels), then those only named",
		success: { status: 200, description: 'Event types', body: z.object({ items: z.array(shapes.eventTypeShape) }) },
		errors: [403, 404]
	},
	{
		method: 'patch', path: '/api/v1/workspaces/{id}/event-types', tag: 'Journey metrics',
		summary: 'Name event types (editors and owners): `labels` maps ids to names; null or "" gives one back its readable id',
		description:
			'Boards and personas keep the ids; their figures, binding lists and evidence show these names. Ids are read as imports store ' +
			'them ("Add to cart" names `add_to_cart`) and may be named before their events arrive. Names are at most ' +
			`${schemas.MAX_EVENT_TYPE_LABELS} per request and 80 characters each, without control characters. All changes apply together or none do. ` +
			'Open boards and pages follow through the change stream (`event-types`).',
		body: schemas.eventTypeLabelsSaveSchema,
		success: { status: 200, description: 'Every event type of the workspace, as GET gives them', body: z.object({ items: z.array(shapes.eventTypeShape) }) },
		errors: [400, 403, 404]
	},
	{
		method: 'get', path: '/api/v1/boards/{id}/event-types', tag: 'Journey metrics',
		summary: "The event types of the board's workspace's events with their counts, channels and names: what a step can be bound to",
		success: { status: 200, description: 'Event types, most frequent first', body: z.object({ items: z.array(shapes.eventTypeShape) }) },
		errors: [403, 404]
	},
	{
		method: 'get', path: '/api/v1/boards/{id}/metrics', tag: 'Journey metrics',
		summary:
			'Figures of the board\'s measured steps (cards bound to event types), computed from the workspace\'s events: reached, ' +
			'conversion to the next stage, drop-off, median time, channel switches, CSAT/CES/NPS of answers tagged to the step, ' +
			'mean CLV and value at risk — for all customers or a group, in a time window. Cached per dataset version; 202 while computing.',
		query: schemas.boardMetricsQuerySchema,
		success: { status: 200, description: 'The figures', body: shapes.boardMetricsShape },
		alternatives: [{ status: 202, description: 'Still computing', body: shapes.pendingShape }],
		errors: [400, 403, 404]
	},
	{
		method: 'get', path: '/api/v1/boards/{id}/what-if', tag: 'Journey metrics',
		summary: 'If drop-off at a measured step fell, or its CSAT rose, by `points` percentage points: extra customers, final conversions, revenue and CLV',
		description:
			'`lever=drop-off` (the default): drop-off at the step falls by `points` (`dropOffPoints` is accepted as its first name). ' +
			'`lever=csat`: CSAT at the step rises by `points`. The customers who reached the step and answered a CSAT question tagged ' +
			'with it are split by their latest answer (satisfied: 4–5); a rise of X points moves X % of the step\'s customers from the ' +
			'not-satisfied to the satisfied conversion, i.e. drop-off falls by X × (difference) points. Each side needs ' +
			'`minimumRespondents` (default 30); with too few, none, or satisfied customers not going on more often, the estimate is ' +
			'zero and `explanation.csat.reason` says why. This rests on an association in the data, not on proof that satisfaction ' +
			'causes customers to go on. Either way the extra customers flow down the funnel at the observed later conversions, valued ' +
			'at the mean revenue and CLV of customers who reached the last stage; with `horizonDays` the figures are scaled from the ' +
			'period the metrics cover to that many days at the same pace.',
		query: schemas.whatIfQuerySchema,
		success: { status: 200, description: 'The estimate and how it was made', body: shapes.whatIfShape },
		alternatives: [{ status: 202, description: 'Still computing', body: shapes.pendingShape }],
		errors: [400, 403, 404, 422]
	},
	// Personas
	{
		method: 'post', path: '/api/v1/groups/{id}/personas/derive', tag: 'Personas',
		summary: 'Derive 3–8 personas of a customer group from its data (editors and owners); runs in the background',
		description:
			'Clusters the group\'s customers on the chosen features (k-means, or k-prototypes with categorical features; k fixed or ' +
			'chosen by mean silhouette in 3…8, every persona at least 5% of the group). Answers 202 with the job at once: poll ' +
			'`GET /api/v1/persona-derivations/{id}`. Re-deriving keeps the team\'s personas: clusters matched to earlier personas ' +
			'(centroid distance, optimal assignment) update them in place (same id and name); new clusters add personas; personas ' +
			'nobody continues are archived. While a derivation of the group runs, that one is answered. A group needs at least 30 ' +
			'customers and 10 per persona (with `auto`, only the k it can carry are tried); a smaller one is refused with 422, ' +
			'saying how many customers it has and needs.',
		body: schemas.personaDeriveSchema,
		success: { status: 202, description: 'The derivation job', body: shapes.derivationShape },
		errors: [400, 403, 404, 422]
	},
	{
		method: 'get', path: '/api/v1/persona-derivations/{id}', tag: 'Personas',
		summary: 'Status and progress of a persona derivation; when done, the diagnostics per k, stability and what moved',
		success: { status: 200, description: 'The derivation', body: shapes.derivationShape },
		errors: [404]
	},
	{
		method: 'get', path: '/api/v1/groups/{id}/personas', tag: 'Personas',
		summary: 'The personas of a group with their evidence (archived ones with `archived=true`), and the newest derivation',
		query: schemas.personaListQuerySchema,
		success: { status: 200, description: 'Personas, by size', body: shapes.groupPersonasShape },
		errors: [400, 404]
	},
	{
		method: 'post', path: '/api/v1/groups/{id}/personas', tag: 'Personas',
		summary: 'Add a hand-made persona (no figures; for groups without data or from research) (editors and owners)',
		body: schemas.personaCreateSchema,
		success: { status: 201, description: 'Created', body: shapes.personaShape },
		errors: [400, 403, 404]
	},
	{
		method: 'get', path: '/api/v1/personas/{id}', tag: 'Personas',
		summary: 'A persona with its evidence and representative customers (who they are only for editors and owners)',
		success: { status: 200, description: 'The persona', body: shapes.personaDetailShape },
		errors: [404]
	},
	{
		method: 'patch', path: '/api/v1/personas/{id}', tag: 'Personas', summary: 'Rename a persona or change its description (editors and owners)',
		body: schemas.personaUpdateSchema,
		success: { status: 200, description: 'Changed', body: shapes.personaShape },
		errors: [400, 403, 404]
	},
	{
		method: 'delete', path: '/api/v1/personas/{id}', tag: 'Personas', summary: 'Delete a persona (editors and owners)',
		success: { status: 204, description: 'Deleted', body: null },
		errors: [403, 404]
	},
	{
		method: 'get', path: '/api/v1/personas/{id}/card.md', tag: 'Personas',
		summary: "A persona's card as a Markdown file in the caller's language: the story the team wrote, then the figures",
		description: 'A download (`Content-Disposition: attachment`); representative customers are left out.',
		success: { status: 200, description: 'The card', body: z.string(), mediaType: 'text/markdown' },
		errors: [404]
	},
	{
		method: 'get', path: '/api/v1/personas/{id}/photo', tag: 'Personas',
		summary: "A persona's photo (every member who reads personas)",
		description:
			'The stored 512×512 WebP. Sent with an ETag (304 for `If-None-Match`); `?v=<version>` (as in `photoUrl`) may be ' +
			'cached for good, the bare address is revalidated every time. 404 when the persona has no photo.',
		success: { status: 200, description: 'The photo', body: z.string(), mediaType: 'image/webp' },
		errors: [404]
	},
	{
		method: 'put', path: '/api/v1/personas/{id}/photo', tag: 'Personas',
		summary: "Upload or replace a persona's photo (editors and owners)",
		description:
			`Send the image itself as the body (\`curl -T photo.jpg -H 'Content-Type: image/jpeg'\`): JPEG, PNG or WebP, at most ` +
			`${PHOTO_MAX_BYTES / 1024 / 1024} MB and ${PHOTO_MAX_PIXELS / 1_000_000} megapixels (413 above either). The server turns ` +
			`it upright, crops it to a square around what draws the eye, resizes it to ${PHOTO_SIZE}×${PHOTO_SIZE} and stores it ` +
			'as WebP without any metadata (EXIF, GPS position, camera). Other formats (HEIC included) answer 415, damaged ' +
			'files 400; nothing is stored then. Everyone with the card open sees the new photo at once.',
		binaryBody: { mediaTypes: [...PHOTO_ACCEPTED_TYPES, 'application/octet-stream'], description: 'The image file' },
		success: { status: 200, description: 'The stored photo', body: shapes.personaPhotoShape },
		errors: [403, 404]
	},
	{
		method: 'delete', path: '/api/v1/personas/{id}/photo', tag: 'Personas',
		summary: "Remove a persona's photo (editors and owners); the card shows its illustration again",
		success: { status: 204, description: 'Removed (also when there was none)', body: null },
		errors: [403, 404]
	},
	{
		method: 'get', path: '/api/v1/personas/{id}/customers', tag: 'Personas',
		summary: 'The customers a derived persona stands for, paginated (personal data: editors and owners)',
		query: page,
		success: { status: 200, description: 'One page of customers', body: pageShape(shapes.personaMemberShape) },
		errors: [400, 403, 404]
	},
	// Meta
	{
		method: 'get', path: '/api/v1/openapi.json', tag: 'Meta', public: true, summary: 'This document',
		success: { status: 200, description: 'OpenAPI 3.1 document', body: z.object({ openapi: z.string() }).loose() }
	}
];

const errorDescriptions: Record<number, string> = {
	400: 'Validation failed (`error.fields` names each field) or a malformed request',
	401: 'No valid session cookie or API token',
	403: 'A member without the permission, or a cross-origin cookie request',
	404: 'Not found — also what a non-member sees, so existence does not leak',
	409: 'Conflict with the current state',
	410: 'The invite link has expired or was already used',
	413: `The JSON body is larger than ${MAX_JSON_BODY_BYTES} bytes, or an upload over its limits`,
	415: 'The body is not of a type this endpoint takes (JSON: Content-Type: application/json)',
	422: 'The data cannot carry this analysis (e.g. no transactions, too few repeat buyers); `error.message` says what is missing',
	429: 'Too many attempts; wait for the seconds in Retry-After'
};

type JsonSchema = Record<string, unknown>;

/** Zod → JSON Schema for embedding: what a client sends (`input`) or receives (`output`). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
	const generated = z.toJSONSchema(schema, {
		io,
		unrepresentable: 'any',
		override: ({ jsonSchema: node }) => {
			// `format: date-time` says it all; zod's long regex only adds noise.
			if (node.format === 'date-time') delete node.pattern;
			// Responses may gain fields over time; clients should not reject them.
			if (io === 'output' && node.additionalProperties === false) delete node.additionalProperties;
		}
	}) as JsonSchema;
	const { $schema: _dialect, ...rest } = generated;
	return rest;
}

/** Multipart fields are all text: JSON-valued fields are described as strings holding JSON. */
function uploadSchema(fields: z.ZodObject): JsonSchema {
	const properties: Record<string, JsonSchema> = {
		file: { type: 'string', format: 'binary', description: 'The file: CSV (or other delimited text) or an Excel workbook (.xlsx)' }
	};
	for (const [name, schema] of Object.entries(fields.shape)) {
		const described = jsonSchema(schema as z.ZodType, 'input');
		properties[name] = described.type === 'string' || described.enum ? described : { type: 'string', description: 'JSON' };
	}
	return { type: 'object', required: ['file', 'kind'], properties };
}

function parametersOf(endpoint: Endpoint) {
	const inPath = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
		name,
		in: 'path',
		required: true,
		schema: { type: 'string' }
	}));
	const inQuery = endpoint.query
		? Object.entries(endpoint.query.shape).map(([name, schema]) => ({
				name,
				in: 'query',
				required: false,
				schema: jsonSchema(schema as z.ZodType, 'input')
			}))
		: [];
	return [...inPath, ...inQuery];
}

function operationOf(endpoint: Endpoint) {
	const responses: Record<string, unknown> = {
		[endpoint.success.status]: endpoint.success.body
			? {
					description: endpoint.success.description,
					content: Object.fromEntries(
						(endpoint.success.mediaTypes ?? [endpoint.success.mediaType ?? 'application/json']).map((type) => [type, { schema: jsonSchema(endpoint.success.body!, 'output') }])
					)
				}
			: { description: endpoint.success.description }
	};
	for (const alternative of endpoint.alternatives ?? []) {
		responses[alternative.status] = {
			description: alternative.description,
			content: { 'application/json': { schema: jsonSchema(alternative.body, 'output') } }
		};
	}
	const errorStatuses = new Set(endpoint.errors ?? []);
	if (!endpoint.public) errorStatuses.add(401);
	if (endpoint.body || endpoint.upload || endpoint.binaryBody) [400, 413, 415].forEach((status) => errorStatuses.add(status));
	for (const status of [...errorStatuses].sort()) {
		responses[status] = {
			description: errorDescriptions[status] ?? 'Error',
			content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
		};
	}
	return {
		operationId: `${endpoint.method}${endpoint.path.replace('/api/v1', '').replace(/[^a-zA-Z0-9]+(\w)?/g, (_, c?: string) => (c ?? '').toUpperCase())}`,
		summary: endpoint.summary,
		...(endpoint.description ? { description: endpoint.description } : {}),
		tags: [endpoint.tag],
		...(endpoint.public ? { security: [] } : {}),
		parameters: parametersOf(endpoint),
		...(endpoint.body
			? {
					requestBody: {
						required: true,
						content: { 'application/json': { schema: jsonSchema(endpoint.body, 'input') } }
					}
				}
			: {}),
		...(endpoint.binaryBody
			? {
					requestBody: {
						required: true,
						description: endpoint.binaryBody.description,
						content: Object.fromEntries(
							endpoint.binaryBody.mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])
						)
					}
				}
			: {}),
		...(endpoint.upload ? { requestBody: { required: true, content: { 'multipart/form-data': { schema: uploadSchema(endpoint.upload) } } } } : {}),
		responses
	};
}

let built: JsonSchema | undefined;

/** The OpenAPI 3.1 document for /api/v1, built once from `endpoints`. */
export function openApiDocument(): JsonSchema {
	if (built) return built;
	const paths: Record<string, Record<string, unknown>> = {};
	for (const endpoint of endpoints) {
		(paths[endpoint.path] ??= {})[endpoint.method] = operationOf(endpoint);
	}
	built = {
		openapi: '3.1.0',
		info: {
			title: 'Waymark API',
			version: '1',
			description:
				'JSON API of Waymark. Authenticate with the session cookie (browsers) or a personal API token ' +
				'as `Authorization: Bearer wm_...` (scripts). Lists take `limit` (1–100, default 50) and an ' +
				'opaque `cursor`, and answer `{items, nextCursor}`. Errors answer `{error: {code, message, fields?}}`. ' +
				'Cookie-authenticated writes from another origin are refused (403).'
		},
		servers: [{ url: '/' }],
		security: [{ sessionCookie: [] }, { bearerToken: [] }],
		tags: [...new Set(endpoints.map((endpoint) => endpoint.tag))].map((name) => ({ name })),
		paths,
		components: {
			securitySchemes: {
				sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
				bearerToken: { type: 'http', scheme: 'bearer', description: 'A personal API token, `wm_...`' }
			},
			schemas: { Error: jsonSchema(shapes.errorShape, 'output') }
		}
	};
	return built;
}
