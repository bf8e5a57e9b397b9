import type { FieldType } from './fields';
import type { ImportKind } from './kinds';
import type { ImportMessageParams } from './messages';
import type { ImportRowError } from './validate';

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
}
