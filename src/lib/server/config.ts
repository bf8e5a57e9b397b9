import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { demoLocaleFrom } from './demo/locale';

function intFromEnv(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number.parseInt(raw, 10);
	if (!Number.isFinite(value) || value < 0) {
		throw new Error(`${name} must be a non-negative whole number, got "${raw}"`);
	}
	return value;
}

/** Every setting Waymark reads from the environment; README.md documents each one. */
export const config = {
	databasePath: process.env.DATABASE_PATH || './data/waymark.db',
	migrationsPath: resolve(process.env.WAYMARK_MIGRATIONS_PATH || './drizzle'),
	demo: (process.env.WAYMARK_DEMO ?? 'on').toLowerCase() !== 'off',
	/** Customers of the generated demo retailer loaded into the demo workspace (0: none). */
	demoCustomers: intFromEnv('WAYMARK_DEMO_CUSTOMERS', 20_000),
	/** The language the demo is seeded in (its maps, groups, personas and data files). */
	demoLocale: demoLocaleFrom(process.env),
	/** Customer data older than this many days is flagged as stale on the data overview. */
	dataStaleAfterDays: intFromEnv('WAYMARK_DATA_STALE_DAYS', 30),
	rateLimits: {
		loginPerIp: intFromEnv('WAYMARK_LOGIN_LIMIT_PER_IP', 30),
		loginPerAccount: intFromEnv('WAYMARK_LOGIN_LIMIT_PER_ACCOUNT', 5),
		loginWindowSeconds: intFromEnv('WAYMARK_LOGIN_WINDOW_SECONDS', 15 * 60),
		signupPerIp: intFromEnv('WAYMARK_SIGNUP_LIMIT_PER_IP', 10),
		signupWindowSeconds: intFromEnv('WAYMARK_SIGNUP_WINDOW_SECONDS', 60 * 60)
	},
	inviteLifetimeHours: intFromEnv('WAYMARK_INVITE_LIFETIME_HOURS', 7 * 24),
	collab: {
		/** Larger frames close the socket with 1009 (message too big), the websocket 413. */
		maxFrameBytes: intFromEnv('WAYMARK_COLLAB_MAX_FRAME_BYTES', 8 * 1024 * 1024),
		/** How long a room with no connections stays in memory. */
		unloadAfterMs: intFromEnv('WAYMARK_COLLAB_UNLOAD_SECONDS', 30) * 1000,
		/** Compaction merges the stored log once it holds this many rows or bytes. */
		compactAfterUpdates: intFromEnv('WAYMARK_COLLAB_COMPACT_UPDATES', 500),
		compactAfterBytes: intFromEnv('WAYMARK_COLLAB_COMPACT_BYTES', 1024 * 1024),
		/** While a document is edited, an automatic version is kept this often. */
		autoVersionEveryMs: intFromEnv('WAYMARK_AUTO_VERSION_MINUTES', 60) * 60_000,
		/** Awareness (presence, cursors) messages a connection may send per second, on average. */
		awarenessPerSecond: intFromEnv('WAYMARK_COLLAB_AWARENESS_PER_SECOND', 20),
		/** Types nested deeper than this (a board needs 3) are refused, and left out when loading. */
		maxDepth: intFromEnv('WAYMARK_COLLAB_MAX_DEPTH', 32),
		/** An update with more structs than this is refused before it is walked. */
		maxUpdateStructs: intFromEnv('WAYMARK_COLLAB_MAX_UPDATE_STRUCTS', 500_000),
		/** Updates one connection may have waiting for predecessors that have not arrived yet. */
		maxWaitingUpdates: intFromEnv('WAYMARK_COLLAB_MAX_WAITING_UPDATES', 64),
		maxWaitingBytes: intFromEnv('WAYMARK_COLLAB_MAX_WAITING_BYTES', 1024 * 1024)
	},
	imports: {
		/** Uploads above this many bytes are refused with 413. */
		maxBytes: intFromEnv('WAYMARK_IMPORT_MAX_BYTES', 512 * 1024 * 1024),
		/** Files with more data rows than this are refused with 413 (checked again while parsing). */
		maxRows: intFromEnv('WAYMARK_IMPORT_MAX_ROWS', 5_000_000),
		/** Where uploads wait for their import job; each file is removed when its job ends. */
		uploadDir: process.env.WAYMARK_IMPORT_DIR || join(tmpdir(), 'waymark-imports'),
		/** Rows staged per batch; the event loop is free between batches. */
		batchRows: intFromEnv('WAYMARK_IMPORT_BATCH_ROWS', 5000),
		/**
		 * Rows per chunk of an import's move into the workspace's tables; 0 (the default) sizes
		 * each chunk by how long the last one held the write lock. Tests set a few rows to see
		 * the move between chunks.
		 */
		moveChunkRows: intFromEnv('WAYMARK_IMPORT_MOVE_CHUNK_ROWS', 0)
	}
};
