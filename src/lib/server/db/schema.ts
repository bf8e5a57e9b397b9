import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import {
	blob,
	check,
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	sqliteView,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
// Relative, not $lib: drizzle-kit reads this file outside Vite.
import { IMPORT_KINDS, type ImportKind } from '../../domain/customer-data/kinds';
import type { ImportRowError } from '../../domain/customer-data/validate';
import { TRUSTED_CLV_MODELS, type TrustedClvModel } from '../../domain/metrics';
import { MINIMUM_SEGMENT_CUSTOMERS } from '../../domain/insights/value-where';
import type { SnapshotFilters, SnapshotSections, SnapshotWithheld } from '../../domain/insights/snapshot';

const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.$defaultFn(() => new Date());

export const users = sqliteTable(
	'users',
	{
		id: text('id').primaryKey(),
		email: text('email').notNull(),
		name: text('name').notNull(),
		passwordHash: text('password_hash').notNull(),
		locale: text('locale', { enum: ['en', 'nl'] }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('users_email_unique').on(t.email)]
);

export const sessions = sqliteTable(
	'sessions',
	{
		/** SHA-256 of the cookie token, hex: the token itself is never stored. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: createdAt(),
		lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
		userAgent: text('user_agent'),
		ipAddress: text('ip_address')
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/**
 * Attempts that rate limits count (sign-ups per address, failed log-ins per address and account),
 * kept in the database so that a restart does not hand every address a fresh allowance.
 */
export const rateLimitHits = sqliteTable(
	'rate_limit_hits',
	{
		/** Which limit: `signup-ip`, `login-ip`, `login-account`. */
		bucket: text('bucket').notNull(),
		/** SHA-256 of the address or e-mail, hex: who is counted, without storing them. */
		keyHash: text('key_hash').notNull(),
		at: integer('at').notNull()
	},
	(t) => [index('rate_limit_hits_key_idx').on(t.bucket, t.keyHash, t.at)]
);

export const apiTokens = sqliteTable(
	'api_tokens',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		/** SHA-256 of the secret, hex. */
		tokenHash: text('token_hash').notNull(),
		/** First characters of the token, so a user can recognise it in a list. */
		prefix: text('prefix').notNull(),
		createdAt: createdAt(),
		lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		uniqueIndex('api_tokens_hash_unique').on(t.tokenHash),
		index('api_tokens_user_idx').on(t.userId)
	]
);

export const workspaces = sqliteTable('workspaces', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	/** Viewers may comment on boards (the boards themselves stay read-only for them). */
	viewersMayComment: integer('viewers_may_comment', { mode: 'boolean' }).notNull().default(false),
	/** ISO 4217 code of the money in the imported data: how amounts are shown, never converted. */
	currency: text('currency').notNull().default('EUR'),
	/** Groups and personas with fewer customers show no figures on the insights page. */
	minimumSegmentCustomers: integer('minimum_segment_customers').notNull().default(MINIMUM_SEGMENT_CUSTOMERS),
	createdAt: createdAt()
});

export const roles = ['owner', 'editor', 'viewer'] as const;

export const memberships = sqliteTable(
	'memberships',
	{
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role', { enum: roles }).notNull(),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.workspaceId, t.userId] }),
		index('memberships_user_idx').on(t.userId),
		check('memberships_role_check', sql`${t.role} in ('owner', 'editor', 'viewer')`)
	]
);

export const invites = sqliteTable(
	'invites',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		role: text('role', { enum: roles }).notNull(),
		tokenHash: text('token_hash').notNull(),
		invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
		acceptedBy: text('accepted_by').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [
		uniqueIndex('invites_token_unique').on(t.tokenHash),
		index('invites_workspace_idx').on(t.workspaceId)
	]
);

export const boards = sqliteTable(
	'boards',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		template: text('template').notNull().default('blank'),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('boards_workspace_idx').on(t.workspaceId, t.createdAt)]
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type Workspace = typeof workspaces.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Invite = typeof invites.$inferSelect;
export type Board = typeof boards.$inferSelect;
export type Role = (typeof roles)[number];

/**
 * The append-only log of a collaborative document (a board, later a persona): every update the
 * collaboration server applies is one row, written before it is broadcast. Compaction replaces
 * a prefix of rows by one snapshot row holding the merged state.
 */
export const docUpdates = sqliteTable(
	'doc_updates',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		docName: text('doc_name').notNull(),
		update: blob('update', { mode: 'buffer' }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('doc_updates_doc_idx').on(t.docName, t.id)]
);

/** Named or automatic snapshots of a document, for version history and restore. */
export const docVersions = sqliteTable(
	'doc_versions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		docName: text('doc_name').notNull(),
		label: text('label'),
		kind: text('kind', { enum: ['named', 'auto'] }).notNull(),
		/** Set on the automatic version kept just before a restore: the version restored. */
		restoredFrom: integer('restored_from'),
		state: blob('state', { mode: 'buffer' }).notNull(),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('doc_versions_doc_idx').on(t.docName, t.id)]
);

export type DocVersion = typeof docVersions.$inferSelect;

/*
 * Customer data (issue 5). Personal data lives here, in SQL, per workspace — never in a Y.Doc.
 * Money is stored as a REAL in the workspace's currency; timestamps as epoch milliseconds (UTC).
 * Rows that arrive by import carry a `row_hash` (unique per workspace) so that importing the
 * same file twice does not duplicate them.
 */

export const genders = ['female', 'male', 'other', 'unknown'] as const;

export const customers = sqliteTable(
	'customers',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		externalId: text('external_id').notNull(),
		// basic data (basisgegevens)
		name: text('name'),
		email: text('email'),
		gender: text('gender', { enum: genders }),
		postcode: text('postcode'),
		city: text('city'),
		optIn: integer('opt_in', { mode: 'boolean' }),
		// profile data (profielgegevens)
		birthDate: text('birth_date'),
		interests: text('interests'),
		preferences: text('preferences'),
		education: text('education'),
		occupation: text('occupation'),
		incomeBand: text('income_band'),
		householdSize: integer('household_size'),
		childrenCount: integer('children_count'),
		loyaltyMember: integer('loyalty_member', { mode: 'boolean' }),
		/** Free attributes as a JSON object. */
		attributes: text('attributes', { mode: 'json' }).$type<Record<string, unknown>>(),
		acquiredAt: integer('acquired_at'),
		acquisitionChannel: text('acquisition_channel'),
		acquisitionCost: real('acquisition_cost'),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('customers_external_unique').on(t.workspaceId, t.externalId)]
);

export const customerTransactions = sqliteTable(
	'customer_transactions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		customerId: integer('customer_id')
			.notNull()
			.references(() => customers.id, { onDelete: 'cascade' }),
		occurredAt: integer('occurred_at').notNull(),
		amount: real('amount').notNull(),
		quantity: real('quantity'),
		product: text('product'),
		category: text('category'),
		channel: text('channel'),
		margin: real('margin'),
		rowHash: text('row_hash').notNull()
	},
	(t) => [
		uniqueIndex('customer_transactions_customer_hash_unique').on(t.workspaceId, t.customerId, t.rowHash),
		index('customer_transactions_customer_idx').on(t.customerId, t.occurredAt)
	]
);

export const customerEvents = sqliteTable(
	'customer_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		customerId: integer('customer_id')
			.notNull()
			.references(() => customers.id, { onDelete: 'cascade' }),
		occurredAt: integer('occurred_at').notNull(),
		eventType: text('event_type').notNull(),
		channel: text('channel'),
		properties: text('properties', { mode: 'json' }).$type<Record<string, unknown>>(),
		rowHash: text('row_hash').notNull()
	},
	(t) => [
		uniqueIndex('customer_events_customer_hash_unique').on(t.workspaceId, t.customerId, t.rowHash),
		index('customer_events_customer_idx').on(t.customerId, t.occurredAt),
		index('customer_events_type_idx').on(t.workspaceId, t.eventType)
	]
);

/**
 * What a workspace calls its event types ("Bekijkt product" for `visit_product_page`). The
 * events, boards and personas keep the tracking ids; people see these names, or a readable form
 * of the id where none is set. A label may exist before (or after) events of its type do.
 */
export const eventTypeLabels = sqliteTable(
	'event_type_labels',
	{
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		eventType: text('event_type').notNull(),
		label: text('label').notNull(),
		updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.workspaceId, t.eventType] })]
);

export const surveyKinds = ['nps', 'csat', 'ces'] as const;

export const surveyResponses = sqliteTable(
	'survey_responses',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		/** Anonymous answers have no customer. */
		customerId: integer('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
		occurredAt: integer('occurred_at').notNull(),
		kind: text('kind', { enum: surveyKinds }).notNull(),
		score: integer('score').notNull(),
		/** The journey step or event type the answer is about, if known. */
		eventType: text('event_type'),
		channel: text('channel'),
		comment: text('comment'),
		rowHash: text('row_hash').notNull()
	},
	(t) => [
		uniqueIndex('survey_responses_hash_unique').on(t.workspaceId, t.rowHash),
		index('survey_responses_customer_idx').on(t.customerId),
		check(
			'survey_responses_score_check',
			sql`(${t.kind} = 'nps' and ${t.score} between 0 and 10) or (${t.kind} = 'csat' and ${t.score} between 1 and 5) or (${t.kind} = 'ces' and ${t.score} between 1 and 7)`
		)
	]
);

/** Spend per customer per product category (optional; share-of-wallet analyses use it). */
export const categorySpend = sqliteTable(
	'category_spend',
	{
		customerId: integer('customer_id')
			.notNull()
			.references(() => customers.id, { onDelete: 'cascade' }),
		category: text('category').notNull(),
		amount: real('amount').notNull(),
		/** The customer's total spend in the category, at all firms, when known. */
		categoryTotal: real('category_total')
	},
	(t) => [primaryKey({ columns: [t.customerId, t.category] })]
);

/** One row per workspace once it holds data; `version` goes up by one on every import. */
export const datasets = sqliteTable('datasets', {
	workspaceId: text('workspace_id')
		.primaryKey()
		.references(() => workspaces.id, { onDelete: 'cascade' }),
	version: integer('version').notNull().default(0),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

export const importKinds = IMPORT_KINDS;
export const importStatuses = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type { ImportRowError };

export const imports = sqliteTable(
	'imports',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: importKinds }).notNull(),
		status: text('status', { enum: importStatuses }).notNull(),
		fileName: text('file_name'),
		bytes: integer('bytes').notNull(),
		/** Bytes read so far / bytes: the progress the UI shows. */
		progress: real('progress').notNull().default(0),
		rowsTotal: integer('rows_total').notNull().default(0),
		rowsImported: integer('rows_imported').notNull().default(0),
		errors: text('errors', { mode: 'json' }).$type<ImportRowError[]>().notNull(),
		message: text('message'),
		/** The message as a code with parameters (messages/*.json), for the reader's language. */
		messageCode: text('message_code'),
		messageParams: text('message_params', { mode: 'json' }).$type<Record<string, string | number>>(),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		finishedAt: integer('finished_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('imports_workspace_idx').on(t.workspaceId, t.createdAt)]
);

/**
 * An import whose rows are being moved into `table_name` chunk by chunk, each chunk its own
 * transaction (db/import-move.ts). Its rows are exactly those with an id above `rows_above`, and
 * the customers it created bare those above `customers_above`: every reader leaves them out
 * (db/published.ts) until the move's last transaction deletes this row, and a failed or
 * interrupted move deletes them. No foreign keys: the row must outlive a deleted workspace or
 * import until what it names is cleaned up.
 */
export const importMoves = sqliteTable('import_moves', {
	importId: text('import_id').primaryKey(),
	tableName: text('table_name', { enum: ['customer_transactions', 'customer_events', 'survey_responses'] }).notNull(),
	rowsAbove: integer('rows_above').notNull(),
	customersAbove: integer('customers_above').notNull(),
	createdAt: createdAt()
});

export const columnMappings = sqliteTable(
	'column_mappings',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		kind: text('kind', { enum: importKinds }).notNull(),
		/** Field → header name (delimited files) or 1-based column position (positional files). */
		mapping: text('mapping', { mode: 'json' }).$type<Record<string, string | number | null>>().notNull(),
		format: text('format', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('column_mappings_name_unique').on(t.workspaceId, t.name)]
);

export type Customer = typeof customers.$inferSelect;
export type Import = typeof imports.$inferSelect;
export type { ImportKind };
export type ImportStatus = (typeof importStatuses)[number];
export type ColumnMapping = typeof columnMappings.$inferSelect;

/** Customer groups (klantgroepen): a named rule over the workspace's customers. */
export const groupBases = ['value', 'needs', 'relationship', 'combined'] as const;

export const customerGroups = sqliteTable(
	'customer_groups',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		basis: text('basis', { enum: groupBases }).notNull(),
		/** A `GroupRule` of `$lib/domain/groups`, validated before it is stored. */
		rule: text('rule', { mode: 'json' }).$type<GroupRuleJson>().notNull(),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('customer_groups_name_unique').on(t.workspaceId, t.name)]
);

/** Stored as JSON; its shape is owned by `$lib/domain/groups`. */
export type GroupRuleJson = { match: 'all' | 'any'; conditions: unknown[] };

/**
 * Per-customer measures that group rules test (recency, frequency, monetary value, RFM scores…),
 * derived from the transactions and rebuilt when the dataset version moves on. A rebuild writes
 * a new `build` of a workspace's rows beside the current one and then flips measure_sets.build,
 * so the rows of only one build are read: through the `current_customer_measures` view.
 */
export const customerMeasures = sqliteTable(
	'customer_measures',
	{
		customerId: integer('customer_id')
			.notNull()
			.references(() => customers.id, { onDelete: 'cascade' }),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		build: integer('build').notNull().default(0),
		transactions: integer('transactions').notNull(),
		revenue: real('revenue').notNull(),
		averageOrderValue: real('average_order_value'),
		firstPurchaseAt: integer('first_purchase_at'),
		lastPurchaseAt: integer('last_purchase_at'),
		recencyDays: real('recency_days'),
		tenureDays: real('tenure_days'),
		ageYears: real('age_years'),
		/** 0 for the biggest spender, rising to just under 100. */
		revenueRankPercent: real('revenue_rank_percent').notNull(),
		rScore: integer('r_score'),
		fScore: integer('f_score'),
		mScore: integer('m_score'),
		npsScore: integer('nps_score')
	},
	(t) => [primaryKey({ columns: [t.customerId, t.build] }), index('customer_measures_workspace_build_idx').on(t.workspaceId, t.build)]
);

/** For which dataset version the measures of a workspace were built, their reference date, and which build is current. */
export const measureSets = sqliteTable('measure_sets', {
	workspaceId: text('workspace_id')
		.primaryKey()
		.references(() => workspaces.id, { onDelete: 'cascade' }),
	datasetVersion: integer('dataset_version').notNull(),
	referenceAt: integer('reference_at').notNull(),
	build: integer('build').notNull().default(0),
	builtAt: integer('built_at', { mode: 'timestamp_ms' }).notNull()
});

/** The rows of each workspace's current build of customer_measures: what every reader reads. */
export const currentCustomerMeasures = sqliteView('current_customer_measures').as((qb) =>
	qb
		.select(getTableColumns(customerMeasures))
		.from(customerMeasures)
		.innerJoin(measureSets, and(eq(measureSets.workspaceId, customerMeasures.workspaceId), eq(measureSets.build, customerMeasures.build)))
);

export type CustomerGroup = typeof customerGroups.$inferSelect;
export type GroupBasisValue = (typeof groupBases)[number];

/**
 * A manager's assumptions for the taught CLV formula of a group (or of the whole workspace,
 * group key `*`): any factor set by hand beats what a thin sample says, and is shown as such.
 */
export const valueAssumptions = sqliteTable(
	'value_assumptions',
	{
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		/** A customer group's id, or `*` for all customers. */
		groupKey: text('group_key').notNull(),
		overrides: text('overrides', { mode: 'json' }).$type<FormulaOverrides>().notNull(),
		note: text('note').notNull().default(''),
		updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.workspaceId, t.groupKey] })]
);

export type FormulaOverrides = Partial<Record<'purchaseRate' | 'relationshipLength' | 'T' | 'A' | 'P' | 'K', number>>;
export type ValueAssumption = typeof valueAssumptions.$inferSelect;
/*
 * Personas (issue 7). A derivation is one clustering run of a customer group (a background
 * job); its results are written in one transaction to `personas` and `persona_members`, so a
 * crash leaves the previous personas untouched. Re-deriving updates matched personas in place
 * (same id, the team's name kept), adds new ones and archives the personas nobody continues.
 */
export const derivationStatuses = ['queued', 'running', 'done', 'failed'] as const;

export const personaDerivations = sqliteTable(
	'persona_derivations',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		groupId: text('group_id')
			.notNull()
			.references(() => customerGroups.id, { onDelete: 'cascade' }),
		/** Null: chosen automatically in 3…8. */
		kRequested: integer('k_requested'),
		kChosen: integer('k_chosen'),
		/** Catalogue feature ids asked for. */
		features: text('features', { mode: 'json' }).$type<string[]>().notNull(),
		seed: integer('seed').notNull(),
		status: text('status', { enum: derivationStatuses }).notNull(),
		progress: real('progress').notNull().default(0),
		stage: text('stage'),
		datasetVersion: integer('dataset_version'),
		customerCount: integer('customer_count'),
		algorithm: text('algorithm'),
		/** Inertia, silhouette and sizes per k tried (the elbow and silhouette charts). */
		diagnostics: text('diagnostics', { mode: 'json' }).$type<unknown[]>(),
		/** Why this k, how the silhouette was computed, features used and dropped. */
		details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
		/** Mean adjusted Rand index across re-runs with other seeds. */
		stability: real('stability'),
		/** What moved: personas continued (with distance), added and archived. */
		changes: text('changes', { mode: 'json' }).$type<Record<string, unknown>>(),
		message: text('message'),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		finishedAt: integer('finished_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('persona_derivations_group_idx').on(t.groupId, t.createdAt)]
);

export const personaOrigins = ['derived', 'hand-made'] as const;

export const personaClvModels = TRUSTED_CLV_MODELS;
export type PersonaClvModel = TrustedClvModel;

export const personas = sqliteTable(
	'personas',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		groupId: text('group_id')
			.notNull()
			.references(() => customerGroups.id, { onDelete: 'cascade' }),
		/** The derivation that last wrote the figures; null for hand-made personas. */
		derivationId: text('derivation_id').references(() => personaDerivations.id, { onDelete: 'set null' }),
		origin: text('origin', { enum: personaOrigins }).notNull(),
		name: text('name').notNull(),
		/**
		 * The name was suggested from the data (what sets the persona apart) and the team has not
		 * changed it: a re-derivation may suggest a better one. Renaming clears it for good.
		 */
		nameSuggested: integer('name_suggested', { mode: 'boolean' }).notNull().default(false),
		description: text('description').notNull().default(''),
		/** Order in the gallery: by size for derived personas. */
		position: integer('position').notNull().default(0),
		size: integer('size'),
		share: real('share'),
		revenueShare: real('revenue_share'),
		clvMean: real('clv_mean'),
		/**
		 * What the members' customer values come from: BG/NBD + Gamma-Gamma when both fits are usable,
		 * else the pooled formula (the value page's fallback); null when neither could value them.
		 */
		clvModel: text('clv_model', { enum: personaClvModels }),
		/** DistinguishingFeature[] of the analytics engine, most distinguishing first. */
		distinguishing: text('distinguishing', { mode: 'json' }).$type<unknown[]>(),
		/** The prototype in original units (numbers and labels): matched on re-derivation. */
		centroid: text('centroid', { mode: 'json' }).$type<Record<string, number | string>>(),
		typical: text('typical', { mode: 'json' }).$type<Record<string, number>>(),
		categoryShares: text('category_shares', { mode: 'json' }).$type<Record<string, Record<string, number>>>(),
		/** Evidence beyond the clustering features: preferred channels, NPS/CSAT, where the journey stops. */
		evidence: text('evidence', { mode: 'json' }).$type<PersonaEvidence>(),
		/** Internal customer ids of the most central members (personal data: editors only). */
		medoidCustomerIds: text('medoid_customer_ids', { mode: 'json' }).$type<number[]>(),
		stability: real('stability'),
		/** The derivation this persona was continued from at its last re-derivation, and how far it moved (z units). */
		previousDerivationId: text('previous_derivation_id'),
		movedDistance: real('moved_distance'),
		archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('personas_group_idx').on(t.groupId, t.archived, t.position)]
);

/** Which customers a derived persona stands for (replaced by every derivation of the group). */
export const personaMembers = sqliteTable(
	'persona_members',
	{
		personaId: text('persona_id')
			.notNull()
			.references(() => personas.id, { onDelete: 'cascade' }),
		customerId: integer('customer_id')
			.notNull()
			.references(() => customers.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.personaId, t.customerId] }), index('persona_members_customer_idx').on(t.customerId)]
);

/**
 * A persona's photo, already resized on the server (a square WebP without metadata). Kept in
 * SQL rather than on disk: it goes with its persona (and workspace) by cascade, a replacement is
 * one atomic row write, and a backup of the database file holds everything.
 */
export const personaPhotos = sqliteTable('persona_photos', {
	personaId: text('persona_id')
		.primaryKey()
		.references(() => personas.id, { onDelete: 'cascade' }),
	data: blob('data', { mode: 'buffer' }).notNull(),
	mime: text('mime').notNull(),
	width: integer('width').notNull(),
	height: integer('height').notNull(),
	/** A hash of `data`: the ETag, and what the persona card refers to. */
	version: text('version').notNull(),
	updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

export interface PersonaEvidence {
	/** Mean share of the members' purchases per channel (members with a known channel). */
	channels: { webshop: number; app: number; store: number; phone: number } | null;
	/** Mean latest NPS answer (0–10) and mean CSAT (1–5) of members who answered, with how many did. */
	nps: { mean: number; respondents: number } | null;
	csat: { mean: number; respondents: number } | null;
	/** The journey step (event type) members most often got no further than, and their share. */
	furthestStep: { step: string; share: number } | null;
}

export type PersonaDerivationRow = typeof personaDerivations.$inferSelect;
export type DerivationStatus = (typeof derivationStatuses)[number];
export type Persona = typeof personas.$inferSelect;
export type PersonaPhoto = typeof personaPhotos.$inferSelect;
export type PersonaOrigin = (typeof personaOrigins)[number];

/**
 * A saved insights page ("Q3 review"): the JSON of each section that was done, with the filters
 * and dataset version they were computed for. Kept as stored figures so that a later import
 * leaves it as it was; it goes with its workspace by cascade, and keeps its figures when the
 * member who saved it leaves.
 */
export const insightSnapshots = sqliteTable(
	'insight_snapshots',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		filters: text('filters', { mode: 'json' }).$type<SnapshotFilters>().notNull(),
		sections: text('sections', { mode: 'json' }).$type<SnapshotSections>().notNull(),
		withheld: text('withheld', { mode: 'json' }).$type<SnapshotWithheld>().notNull(),
		datasetVersion: integer('dataset_version').notNull(),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('insight_snapshots_workspace_created').on(t.workspaceId, t.createdAt, t.id)]
);

export type InsightSnapshot = typeof insightSnapshots.$inferSelect;
