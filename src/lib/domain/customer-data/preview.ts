import type { FieldType } from './fields';
import type { ImportKind } from './kinds';
import type { ImportMessageParams } from './messages';
import type { ImportRowError, RowResult } from './validate';

/** The first rows of a file as its import would read them (`POST …/imports/preview`). */
export interface ImportPreview {
	kind: ImportKind;
	file: 'text' | 'xlsx';
	encoding: 'utf-8' | 'windows-1252' | null;
	delimiter: ',' | ';' | '\t' | '|' | 'whitespace' | null;
	header: boolean;
	sheets: string[];
	sheet: string | null;
	/** The first rows as cells, the header row included; `rowNumbers` as a spreadsheet shows them. */
	rows: string[][];
	rowNumbers: number[];
	/** Column names: the header's, or "column 3". */
	columns: string[];
	fields: { name: string; required: boolean; type: FieldType }[];
	/** Field → 1-based column, or null: what the import would use. */
	mapping: Record<string, number | null>;
	problems: { field: string; message: string; code: string; params: ImportMessageParams }[];
	/** What the import would say about the rows shown. */
	errors: ImportRowError[];
	/** The server's date (`YYYY-MM-DD`): rows dated after it are flagged, not refused. */
	today: string;
	/** Valid rows shown that are dated after `today`; `occurredAt` as an ISO timestamp. */
	futureDated: { row: number; occurredAt: string }[];
}

/** A row the import would refuse, with every reason. */
export interface InvalidRow {
	row: number;
	errors: ImportRowError[];
}

/**
 * The invalid rows among `rows`, one entry per row however many of its cells are bad: what the
 * preview counts ("6 of the first 8 rows") and lists must be the same rows.
 */
export function invalidRowsOf(rows: readonly { row: number; result: RowResult<ImportKind> }[]): InvalidRow[] {
	return rows.flatMap(({ row, result }) => ('errors' in result ? [{ row, errors: result.errors }] : []));
}

/** How many entries a preview's lists show before "and N more". */
export const PREVIEW_LIST_LIMIT = 10;

/**
 * How many rows an import's errors are about: a row with three bad cells is one invalid row. A
 * file-level error (row 0, a missing column) is about no row.
 */
export function invalidRowCount(errors: readonly Pick<ImportRowError, 'row'>[]): number {
	return new Set(errors.filter(({ row }) => row > 0).map(({ row }) => row)).size;
}
