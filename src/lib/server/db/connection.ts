import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { config } from '../config';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * Opens a SQLite file with the settings every Waymark database runs under. A worker thread's
 * connection to the server's file (`migrate: false`) finds it migrated already.
 */
export function openDatabase(path: string, { migrate: migrated = true } = {}): Db {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	// Imports and the customer-measures build write through connections of their own (worker
	// threads): a writer here waits for theirs. Write transactions therefore begin IMMEDIATE — a
	// deferred one that reads first cannot wait for the lock and fails with SQLITE_BUSY at once.
	sqlite.pragma('busy_timeout = 5000');
	// WAL + NORMAL is durable against process crashes (kill -9); only an OS crash can
	// lose the last transactions, which is the trade-off SQLite recommends for WAL.
	sqlite.pragma('synchronous = NORMAL');
	const db = drizzle(sqlite, { schema }) as Db;
	if (migrated) migrate(db, { migrationsFolder: config.migrationsPath });
	return db;
}

let instance: Db | undefined;

/** The process-wide database, opened and migrated on first use. */
export function getDb(): Db {
	instance ??= openDatabase(config.databasePath);
	return instance;
}

/** Makes `db` this thread's database: a worker thread opens its own connection to the server's file. */
export function useDb(db: Db): void {
	instance = db;
}

export function closeDb(): void {
	instance?.$client.close();
	instance = undefined;
}

export function databaseIsHealthy(): boolean {
	try {
		return getDb().$client.prepare('select 1 as ok').get() !== undefined;
	} catch {
		return false;
	}
}
