import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { ReadProgress } from './rows';

/*
 * Excel workbooks (.xlsx), read with exceljs's streaming WorkbookReader: rows arrive one at a
 * time from the zip, so memory stays bounded by the shared-string table, which `inspectWorkbook`
 * limits before anything is parsed. Cells become the text a CSV export of the sheet would hold,
 * so that one validation reads both: dates as ISO dates, numbers with a decimal point.
 */

/** A workbook that cannot be read; `key` is the message key of the reason. */
export class UnreadableWorkbook extends Error {
	constructor(
		readonly key: 'error_xlsx_damaged' | 'error_xlsx_not_workbook' | 'error_xlsx_too_large' | 'error_sheet_not_found',
		cause?: unknown
	) {
		super(key, { cause });
	}
}

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

/** A zip file starts with a local file header: what every .xlsx is. */
export function looksLikeZip(head: Uint8Array): boolean {
	return ZIP_LOCAL_HEADER.every((byte, i) => head[i] === byte);
}

/** The shared-string table is held in memory while a sheet is read. */
const MAX_SHARED_STRINGS_BYTES = 256 * 1024 * 1024;
/** XML compresses some 10–20 times; a zip bomb thousands of times. */
const MAX_COMPRESSION_RATIO = 200;

/**
 * Reads the zip's central directory (at its end) without unpacking anything: a damaged or
 * truncated zip, a zip that is not a workbook, or one that would unpack to far more than its
 * size (a zip bomb) is refused before an import starts.
 */
export async function inspectWorkbook(path: string): Promise<void> {
	const handle = await open(path, 'r');
	try {
		const { size } = await handle.stat();
		const tailLength = Math.min(size, 22 + 0xffff);
		const tail = Buffer.alloc(tailLength);
		await handle.read(tail, 0, tailLength, size - tailLength);
		let end = -1;
		for (let i = tailLength - 22; i >= 0; i--) {
			if (tail.readUInt32LE(i) === 0x06054b50) {
				end = i;
				break;
			}
		}
		if (end < 0) throw new UnreadableWorkbook('error_xlsx_damaged');
		const entries = tail.readUInt16LE(end + 10);
		const directorySize = tail.readUInt32LE(end + 12);
		const directoryOffset = tail.readUInt32LE(end + 16);
		if (entries === 0xffff || directoryOffset === 0xffffffff || directoryOffset + directorySize > size) {
			// Zip64 (over 4 GB or 65,535 entries) is beyond any sheet the import takes.
			throw new UnreadableWorkbook(directoryOffset + directorySize > size ? 'error_xlsx_damaged' : 'error_xlsx_too_large');
		}
		const directory = Buffer.alloc(directorySize);
		await handle.read(directory, 0, directorySize, directoryOffset);
		const names = new Set<string>();
		let unpacked = 0;
		let sharedStrings = 0;
		for (let at = 0, n = 0; n < entries; n++) {
			if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50) {
				throw new UnreadableWorkbook('error_xlsx_damaged');
			}
			const uncompressed = directory.readUInt32LE(at + 24);
			const nameLength = directory.readUInt16LE(at + 28);
			const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
			names.add(name);
			unpacked += uncompressed;
			if (name === 'xl/sharedStrings.xml') sharedStrings = uncompressed;
			at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
		}
		if (!names.has('xl/workbook.xml') || ![...names].some((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))) {
			throw new UnreadableWorkbook('error_xlsx_not_workbook');
		}
		if (sharedStrings > MAX_SHARED_STRINGS_BYTES || unpacked > Math.max(size, 1024 * 1024) * MAX_COMPRESSION_RATIO) {
			throw new UnreadableWorkbook('error_xlsx_too_large');
		}
	} finally {
		await handle.close();
	}
}

interface SheetModel {
	name: string;
}

/** `exceljs` declares the streaming reader loosely; the parts used here. */
interface StreamingWorkbook extends AsyncIterable<StreamingSheet> {
	model?: { sheets?: SheetModel[] };
	properties?: { model?: { date1904?: boolean } };
}
interface StreamingSheet extends AsyncIterable<ExcelJS.Row> {
	name: string;
}

const DAY_MS = 86_400_000;

function isDateFormat(format: string | undefined): boolean {
	if (!format) return false;
	// As Excel decides: date and time letters outside quoted text and [colour] sections.
	return /[ymdhs]/i.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Midnight as a calendar date, other moments as ISO timestamps (UTC, as Excel has no zones). */
function dateText(date: Date): string {
	if (Number.isNaN(date.getTime())) return '';
	const iso = date.toISOString();
	return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function numberText(value: number): string {
	if (!Number.isFinite(value)) return '';
	const text = String(value);
	// 1e-7 and 1e21 would not read as numbers; neither is a sensible amount, but say it plainly.
	if (!/e/i.test(text)) return text;
	const digits = Math.min(20, Math.max(0, 15 - Math.floor(Math.log10(Math.abs(value)))));
	return value.toFixed(digits).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

function serialToDate(serial: number, date1904: boolean): Date {
	return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS));
}

/** The text of one cell, as a CSV export of the sheet would hold it. */
export function cellText(value: ExcelJS.CellValue, numFmt: string | undefined, date1904 = false): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return isDateFormat(numFmt) ? dateText(serialToDate(value, date1904)) : numberText(value);
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (value instanceof Date) return dateText(value);
	if ('richText' in value) return value.richText.map((part) => part.text).join('');
	if ('error' in value) return String(value.error);
	if ('formula' in value || 'sharedFormula' in value) {
		const result = (value as { result?: unknown }).result;
		if (result !== null && typeof result === 'object' && 'error' in result) return String((result as { error: string }).error);
		return cellText((result ?? null) as ExcelJS.CellValue, numFmt, date1904);
	}
	if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue, numFmt, date1904);
	return '';
}

export interface SheetOptions {
	/** A sheet name; without it the first sheet of the workbook. */
	sheet: string | null;
	/** Told the workbook's sheet names once the sheet to read is found. */
	onSheets?: (names: string[]) => void;
}

/**
 * A sheet left unread. exceljs parks sheets that come before the shared strings in temporary
 * files and removes each file when the reader moves on: a stream on it that is never read
 * would fail to open after that, and an unhandled stream error ends the process. So the
 * stream is closed here, and its late errors are expected.
 */
function skip(sheet: StreamingSheet): void {
	const source = (sheet as unknown as { iterator?: { destroy?: () => void; on?: (event: 'error', listener: () => void) => void } }).iterator;
	if (typeof source?.destroy !== 'function') return;
	source.on?.('error', () => {});
	source.destroy();
}

/**
 * The rows of one sheet as cells of text. Rows the sheet leaves out come as empty rows, so that
 * row numbers stay the ones Excel shows.
 */
export async function* readSheetRows(path: string, options: SheetOptions, progress: ReadProgress): AsyncGenerator<string[]> {
	const input = createReadStream(path, { highWaterMark: 256 * 1024 });
	input.on('data', (chunk) => (progress.bytesRead += chunk.length));
	const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
		sharedStrings: 'cache',
		styles: 'cache',
		hyperlinks: 'ignore',
		worksheets: 'emit',
		entries: 'ignore'
	}) as unknown as StreamingWorkbook;
	const sheets = workbook[Symbol.asyncIterator]();
	const nextSheet = async () => {
		try {
			return await sheets.next();
		} catch (error) {
			throw new UnreadableWorkbook('error_xlsx_damaged', error);
		}
	};
	let rows: AsyncIterator<ExcelJS.Row> | null = null;
	let failed = false;
	try {
		for (let next = await nextSheet(); !next.done; next = await nextSheet()) {
			const sheet = next.value;
			const names = workbook.model?.sheets?.map((s) => s.name) ?? [];
			if (sheet.name !== (options.sheet ?? names[0] ?? sheet.name)) {
				skip(sheet);
				continue;
			}
			options.onSheets?.(names.length ? names : [sheet.name]);
			const date1904 = workbook.properties?.model?.date1904 === true;
			rows = sheet[Symbol.asyncIterator]();
			let expected = 1;
			for (;;) {
				let row: IteratorResult<ExcelJS.Row>;
				try {
					row = await rows.next();
				} catch (error) {
					throw new UnreadableWorkbook('error_xlsx_damaged', error);
				}
				if (row.done) break;
				for (; expected < row.value.number; expected++) yield [];
				expected = row.value.number + 1;
				const cells: string[] = [];
				row.value.eachCell({ includeEmpty: false }, (cell, column) => {
					while (cells.length < column - 1) cells.push('');
					cells[column - 1] = cellText(cell.value, cell.numFmt, date1904);
				});
				yield cells;
			}
			rows = null;
			return;
		}
		throw new UnreadableWorkbook(options.sheet === null ? 'error_xlsx_not_workbook' : 'error_sheet_not_found');
	} catch (error) {
		failed = true;
		throw error;
	} finally {
		// Stopped early (a preview, a cancel) or done: let exceljs walk past the other sheets so
		// that it removes the temporary files it parked them in.
		if (!failed) {
			try {
				await rows?.return?.();
				for (let next = await sheets.next(); !next.done; next = await sheets.next()) skip(next.value);
			} catch {
				// the rest of the file is damaged: nothing more to clean up
			}
		}
		input.destroy();
	}
}
