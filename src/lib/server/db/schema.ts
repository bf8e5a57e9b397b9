import { sql } from 'drizzle-orm';
import {
	blob,
	check,
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';

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
