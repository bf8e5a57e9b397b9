import type Database from 'better-sqlite3';
import type { ReadQuery } from './off-loop-read.protocol';

/** The statements' results, read in one transaction: they see one state of the data. */
export function runQueries(client: Database.Database, queries: readonly ReadQuery[]): unknown[] {
	return client.transaction(() =>
		queries.map(({ sql, params, shape }) => {
			const statement = client.prepare(sql);
			if (shape === 'get') return statement.get(...params);
			if (shape === 'pluck') return statement.pluck().all(...params);
			return statement.all(...params);
		})
	)();
}
