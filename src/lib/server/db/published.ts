/*
 * What readers of the imported tables may see. An import of transactions, events or survey
 * answers moves its rows in chunk by chunk, each chunk its own short transaction (import-move.ts),
 * so between two chunks the tables hold part of it. While it moves, a row of import_moves says
 * that its rows are those above an id (ids only grow: AUTOINCREMENT), and that the customers it
 * created bare are those above another; its last transaction deletes that row, and with it every
 * one of its rows becomes visible at once. Every query over these tables filters through
 * `published`, so no reader ever sees part of an import.
 *
 * This module imports nothing: the event reader worker's bundle holds it.
 */

export type MovedTable = 'customers' | 'customer_transactions' | 'customer_events' | 'survey_responses';

/** Every id, when no move is under way. */
const EVERY_ID = '9223372036854775807';

/**
 * An SQL condition: the row `alias` of `table` is not part of a move still under way. The id is
 * a filter on rows the query finds by its own index (`+`: SQLite never searches by it, as
 * it otherwise might by the rowid), unless `searchById`: a max(id) over an index (which ends
 * in the id) then starts at the bound instead of stepping back over the moving rows. The bound is one lookup in a table of at most a row or
 * two, evaluated once per statement (it does not depend on the row), and comes from the same
 * read snapshot as the rows.
 */
export function published(table: MovedTable, alias: string = table, { searchById = false } = {}): string {
	const bound =
		table === 'customers'
			? 'select coalesce(min(customers_above), ' + EVERY_ID + ') from import_moves'
			: `select coalesce(min(rows_above), ${EVERY_ID}) from import_moves where table_name = '${table}'`;
	return `${searchById ? '' : '+'}${alias}.id <= (${bound})`;
}
