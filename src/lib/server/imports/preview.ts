import Papa from 'papaparse';
import {
	fieldsOf,
	futureDatedRows,
	looksLikeHeader,
	matchColumns,
	problemMessage,
	englishImportMessage,
	resolveMapping,
	validateRow,
	columnLabels,
	type ImportKind,
	type ImportPreview,
	type ImportRowError,
	type MappingInput,
	type RowResult
} from '$lib/domain/customer-data';
import { detectSeparator, EncodingSniffer, textDecoderFor, type Separator } from './formats';

export type { ImportPreview };
import { readSheetRows } from './xlsx';

/*
 * The first rows of a file, read as its import would read them — same encoding and separator
 * detection, same workbook reader, same mapping and validation — so that mistakes show before
 * anything is imported. Nothing of the file is kept.
 */

/** Data rows shown (after the header). */
export const PREVIEW_ROWS = 20;
/** A text file's preview reads no further than this. */
export const PREVIEW_BYTES = 64 * 1024;

export interface PreviewInput {
	kind: ImportKind;
	mapping: MappingInput;
	delimiter: Separator | 'auto';
	/** Null: decided from the first rows. */
	header: boolean | null;
	sheet: string | null;
	/** The server's date (`YYYY-MM-DD`), after which rows are flagged as dated in the future. */
	today: string;
}

/** Rows of a text sample; `cut` says the sample stops mid-file, so its last line may be partial. */
function textRows(
	sample: Buffer,
	cut: boolean,
	delimiter: Separator | 'auto'
): { rows: string[][]; encoding: 'utf-8' | 'windows-1252'; separator: Separator } {
	let bytes = sample;
	if (cut) {
		const lastLineEnd = sample.lastIndexOf(0x0a);
		if (lastLineEnd > 0) bytes = sample.subarray(0, lastLineEnd);
	}
	const sniffer = new EncodingSniffer();
	sniffer.push(bytes);
	const encoding = sniffer.encoding;
	const decoder = textDecoderFor(encoding);
	const text = decoder.decode(bytes) + decoder.decode();
	const lines = text.split(/\r?\n/);
	const separator = delimiter === 'auto' ? detectSeparator(lines) : delimiter;
	const rows =
		separator === 'whitespace'
			? lines.map((line) => (line.trim() ? line.trim().split(/\s+/) : ['']))
			: Papa.parse<string[]>(text, { delimiter: separator, header: false, skipEmptyLines: false }).data;
	return { rows, encoding, separator };
}

/** Keeps the first non-empty rows (header + PREVIEW_ROWS) with their row numbers. */
function firstRows(all: Iterable<string[]>): { rows: string[][]; rowNumbers: number[] } {
	const rows: string[][] = [];
	const rowNumbers: number[] = [];
	let number = 0;
	for (const cells of all) {
		number++;
		if (cells.every((cell) => cell.trim() === '')) continue;
		rows.push(cells);
		rowNumbers.push(number);
		if (rows.length > PREVIEW_ROWS) break;
	}
	return { rows, rowNumbers };
}

function describe(
	input: PreviewInput,
	read: Omit<ImportPreview, 'kind' | 'header' | 'columns' | 'fields' | 'mapping' | 'problems' | 'errors' | 'today' | 'futureDated'>
): ImportPreview {
	const { kind } = input;
	const header = input.header ?? looksLikeHeader(kind, read.rows);
	const width = Math.max(0, ...read.rows.map((row) => row.length));
	const headerRow = header ? (read.rows[0] ?? []) : null;
	const { columns, problems } = matchColumns(kind, headerRow, width, input.mapping);
	const fields = Object.entries(fieldsOf(kind)).map(([name, spec]) => ({ name, required: spec.required, type: spec.type }));
	const resolved = resolveMapping(kind, headerRow, width, input.mapping);
	const results: { row: number; result: RowResult<typeof kind> }[] = [];
	if ('mapping' in resolved) {
		read.rows.forEach((cells, i) => {
			if (header && i === 0) return;
			const row = read.rowNumbers[i]!;
			results.push({ row, result: validateRow(kind, cells, resolved.mapping, row) });
		});
	}
	const errors: ImportRowError[] = results.flatMap(({ result }) => ('errors' in result ? result.errors : []));
	return {
		kind,
		...read,
		header,
		columns: columnLabels(headerRow, width),
		fields,
		mapping: Object.fromEntries(fields.map(({ name }) => [name, name in columns ? columns[name]! + 1 : null])),
		problems: problems.map((problem) => {
			const message = problemMessage(problem, headerRow);
			return { field: problem.field, message: englishImportMessage(message), ...message };
		}),
		errors,
		today: input.today,
		futureDated: futureDatedRows(results, input.today).map(({ row, occurredAt }) => ({ row, occurredAt: new Date(occurredAt).toISOString() }))
	};
}

/** A preview of a text file from its first bytes (`cut`: the file goes on after them). */
export function previewText(sample: Buffer, cut: boolean, input: PreviewInput): ImportPreview {
	const { rows, encoding, separator } = textRows(sample, cut, input.delimiter);
	return describe(input, { file: 'text', encoding, delimiter: separator, sheets: [], sheet: null, ...firstRows(rows) });
}

/** A preview of one sheet of a workbook stored at `path`. */
export async function previewWorkbook(path: string, input: PreviewInput): Promise<ImportPreview> {
	let sheets: string[] = [];
	const collected: string[][] = [];
	let filled = 0;
	for await (const cells of readSheetRows(path, { sheet: input.sheet, onSheets: (names) => (sheets = names) }, { bytesRead: 0 })) {
		collected.push(cells);
		if (cells.some((cell) => cell.trim() !== '') && ++filled > PREVIEW_ROWS) break;
	}
	const sheet = input.sheet ?? sheets[0] ?? null;
	return describe(input, { file: 'xlsx', encoding: null, delimiter: null, sheets, sheet, ...firstRows(collected) });
}
