import { config } from '../config';
import { commitStage, createStage, type Committed } from '../db/customer-data';
import { MoveCancelled } from '../db/import-move';
import type { ImportKind, ImportRowError } from '../db/schema';
import {
	englishImportMessage,
	problemMessage,
	resolveMapping,
	validateRow,
	type ImportMessage,
	type MappingInput,
	type ResolvedMapping
} from '../../domain/customer-data';
import { compileFastRow, type FastRow } from './fast-rows';
import { stagedRow } from './load';
import { readRowBatches, sniffSeparator, type Encoding, type ReadProgress, type Separator } from './rows';
import { readSheetRows, UnreadableWorkbook } from './xlsx';

/*
 * One import from its stored file to its rows in the workspace: the file is parsed and validated
 * row by row, the valid rows staged in a TEMP table batch by batch, and when every row is read
 * they are moved into the workspace's tables (db/customer-data.ts), all or nothing. The same code
 * runs in the import worker thread and, without a bundled worker, in the server's own thread.
 * It reports its end instead of writing it: only the move writes to the database.
 */

export interface ImportJob {
	id: string;
	workspaceId: string;
	kind: ImportKind;
	path: string;
	/** Delimited text, or an Excel workbook (one sheet of it). */
	file: 'text' | 'xlsx';
	/** The sheet of a workbook; null for the first. */
	sheet: string | null;
	encoding: Encoding;
	separator: Separator | 'auto';
	header: boolean;
	mapping: MappingInput;
	skipInvalid: boolean;
	bytes: number;
}

export interface ImportProgress {
	progress: number;
	rowsTotal: number;
	/** The first errors found so far. */
	errors: ImportRowError[];
}

/** How an import ended. A done import was marked done by its move, in the same transaction. */
export type ImportEnd =
	| ({ status: 'done' } & Committed)
	| { status: 'cancelled' }
	| { status: 'failed'; outcome: ImportMessage; errors: ImportRowError[] }
	/** Not the file's fault: logged, and the import failed with a general message. */
	| { status: 'crashed'; error: unknown };

export interface RunControl {
	cancelled(): boolean;
	/** Called between batches, at most every PROGRESS_EVERY_MS. */
	progress(update: ImportProgress): void;
	/** Awaited between batches: the server's thread lets other work in there. */
	pause?(): Promise<void>;
}

/** Errors kept per import; more are counted, not stored. */
const MAX_STORED_ERRORS = 1000;
/** Without skipInvalid the import will fail anyway: stop reading after this many bad rows. */
const ERRORS_BEFORE_GIVING_UP = 100;
const PROGRESS_EVERY_MS = 250;

class ImportFailure extends Error {
	constructor(
		readonly outcome: ImportMessage,
		readonly errors: ImportRowError[] = []
	) {
		super(outcome.code);
	}
}

class Cancelled extends Error {}

export async function runImport(job: ImportJob, control: RunControl): Promise<ImportEnd> {
	try {
		if (control.cancelled()) return { status: 'cancelled' };
		return { status: 'done', ...(await parseInto(job, control)) };
	} catch (error) {
		if (error instanceof Cancelled || error instanceof MoveCancelled) return { status: 'cancelled' };
		if (error instanceof ImportFailure) return { status: 'failed', outcome: error.outcome, errors: error.errors };
		if (error instanceof UnreadableWorkbook) {
			return { status: 'failed', outcome: { code: 'import_failed_workbook', params: { expected: error.key } }, errors: [] };
		}
		return { status: 'crashed', error };
	}
}

async function* sheetBatches(rows: AsyncGenerator<string[]>): AsyncGenerator<string[][]> {
	for await (const row of rows) yield [row];
}

async function parseInto(job: ImportJob, control: RunControl): Promise<Committed> {
	const progress: ReadProgress = { bytesRead: 0 };
	const batches =
		job.file === 'xlsx'
			? sheetBatches(readSheetRows(job.path, { sheet: job.sheet }, progress))
			: readRowBatches(
					job.path,
					job.encoding,
					job.separator === 'auto' ? await sniffSeparator(job.path, job.encoding) : job.separator,
					progress
				);
	const stage = createStage(job.id, job.kind);
	const errors: ImportRowError[] = [];
	let invalidRows = 0;
	let rowNumber = 0;
	let rowsTotal = 0;
	let mapping: ResolvedMapping | null = null;
	let mappedFields: string[] = [];
	let fast: FastRow | null = null;
	let unflushed = 0;
	let reportedAt = 0;

	const checkpoint = async () => {
		stage.flush();
		unflushed = 0;
		const now = Date.now();
		if (now - reportedAt >= PROGRESS_EVERY_MS) {
			reportedAt = now;
			control.progress({
				progress: job.bytes ? Math.min(0.99, progress.bytesRead / job.bytes) : 0,
				rowsTotal,
				errors: errors.slice(0, 100)
			});
		}
		await control.pause?.();
		if (control.cancelled()) throw new Cancelled();
	};

	reading: for await (const batch of batches) {
		for (const cells of batch) {
			rowNumber++;
			if (cells.every((cell) => cell.trim() === '')) continue;
			if (!mapping) {
				const header = job.header ? cells : null;
				const resolved = resolveMapping(job.kind, header, cells.length, job.mapping);
				if ('problems' in resolved) {
					throw new ImportFailure(
						{ code: 'import_failed_columns', params: {} },
						resolved.problems.map((problem) => {
							const message = problemMessage(problem, header);
							return {
								row: job.header ? rowNumber : 0,
								column: 'column' in problem ? String(problem.column) : problem.field,
								value: null,
								message: englishImportMessage(message),
								...message
							};
						})
					);
				}
				mapping = resolved.mapping;
				mappedFields = Object.keys(mapping.columns);
				fast = compileFastRow(job.kind, mapping);
				if (job.header) continue;
			}
			rowsTotal++;
			if (rowsTotal > config.imports.maxRows) {
				throw new ImportFailure({ code: 'import_failed_too_many_rows', params: { max: config.imports.maxRows } });
			}
			const plain = fast?.(cells);
			if (plain) {
				stage.add(plain.values, plain.contentHash);
				if (++unflushed >= config.imports.batchRows) await checkpoint();
				continue;
			}
			const result = validateRow(job.kind, cells, mapping, rowNumber);
			if ('errors' in result) {
				invalidRows++;
				for (const error of result.errors) if (errors.length < MAX_STORED_ERRORS) errors.push(error);
				if (!job.skipInvalid && invalidRows >= ERRORS_BEFORE_GIVING_UP) break reading;
				continue;
			}
			const row = stagedRow(job.kind, result.record);
			stage.add(row.values, row.contentHash);
			if (++unflushed >= config.imports.batchRows) await checkpoint();
		}
	}
	await checkpoint();

	if (!mapping || rowsTotal === 0) throw new ImportFailure({ code: 'import_failed_no_rows', params: {} });
	if (invalidRows && !job.skipInvalid) {
		const stopped = invalidRows >= ERRORS_BEFORE_GIVING_UP;
		throw new ImportFailure({ code: stopped ? 'import_failed_invalid_rows_stopped' : 'import_failed_invalid_rows', params: { count: invalidRows } }, errors);
	}
	if (control.cancelled()) throw new Cancelled();
	if (stage.count === 0) throw new ImportFailure({ code: 'import_failed_no_valid_rows', params: {} }, errors);
	return commitStage(stage, {
		workspaceId: job.workspaceId,
		mappedFields,
		withAttributes: job.kind === 'customers' && mapping.unmapped.length > 0,
		rowsTotal,
		errors,
		cancelled: control.cancelled
	});
}
