import { rmSync } from 'node:fs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { config } from '../config';
import * as db from '../db';
import { announceChange } from '../events';
import type { ImportKind, ImportRowError } from '../db';
import {
	englishImportMessage,
	problemMessage,
	resolveMapping,
	validateRow,
	type ImportMessage,
	type MappingInput,
	type ResolvedMapping
} from '$lib/domain/customer-data';
import { commitStage, createStage, dropStage, stagedRow, type StagedRow } from './load';
import { readRows, sniffSeparator, type Encoding, type ReadProgress, type Separator } from './rows';
import { readSheetRows, UnreadableWorkbook } from './xlsx';

/*
 * Runs imports off the request path, one at a time, in this process. The file is parsed and
 * validated in batches that are staged in a TEMP table (each batch a short transaction; the
 * event loop runs other requests between batches); when every row is read, one transaction
 * moves the staged rows into the workspace's tables. So the database holds either the whole
 * import or nothing — also after a crash, because the TEMP table dies with the connection.
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

/** Errors kept per import; more are counted, not stored. */
const MAX_STORED_ERRORS = 1000;
/** Without skipInvalid the import will fail anyway: stop reading after this many bad rows. */
const ERRORS_BEFORE_GIVING_UP = 100;

class ImportFailure extends Error {
	constructor(
		readonly outcome: ImportMessage,
		readonly errors: ImportRowError[] = []
	) {
		super(outcome.code);
	}
}

/** An import's closing message as the database keeps it: English text and the code behind it. */
export const outcomeOf = (outcome: ImportMessage): db.ImportOutcome => ({
	message: englishImportMessage(outcome),
	messageCode: outcome.code,
	messageParams: outcome.params
});

class Cancelled extends Error {}

const active = new Map<string, { cancelled: boolean }>();
let queue: Promise<void> = Promise.resolve();

export function activeImportIds(): string[] {
	return [...active.keys()];
}

export function enqueue(job: ImportJob): void {
	const control = { cancelled: false };
	active.set(job.id, control);
	queue = queue.then(() => run(job, control)).catch((error) => console.error('[imports] job crashed', error));
}

/** Asks a queued or running import to stop; false when this process is not running it. */
export function requestCancel(id: string): boolean {
	const control = active.get(id);
	if (!control) return false;
	control.cancelled = true;
	return true;
}

async function run(job: ImportJob, control: { cancelled: boolean }): Promise<void> {
	try {
		if (control.cancelled) throw new Cancelled();
		db.updateImport(job.id, { status: 'running' });
		await parseInto(job, control);
	} catch (error) {
		const finishedAt = new Date();
		if (error instanceof Cancelled) {
			db.updateImport(job.id, { status: 'cancelled', ...outcomeOf({ code: 'import_cancelled', params: {} }), finishedAt });
		} else if (error instanceof ImportFailure) {
			db.updateImport(job.id, { status: 'failed', ...outcomeOf(error.outcome), errors: error.errors, finishedAt });
		} else if (error instanceof UnreadableWorkbook) {
			db.updateImport(job.id, {
				status: 'failed',
				...outcomeOf({ code: 'import_failed_workbook', params: { expected: error.key } }),
				finishedAt
			});
		} else {
			console.error(`[imports] ${job.id} failed`, error);
			db.updateImport(job.id, { status: 'failed', ...outcomeOf({ code: 'import_failed_internal', params: {} }), finishedAt });
		}
	} finally {
		dropStage(job.id);
		rmSync(job.path, { force: true });
		active.delete(job.id);
	}
}

async function parseInto(job: ImportJob, control: { cancelled: boolean }): Promise<void> {
	const progress: ReadProgress = { bytesRead: 0 };
	const rows =
		job.file === 'xlsx'
			? readSheetRows(job.path, { sheet: job.sheet }, progress)
			: readRows(
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
	let batch: StagedRow[] = [];
	let mappedFields: string[] = [];

	const flush = async () => {
		if (batch.length) stage.insert(batch);
		batch = [];
		db.updateImport(job.id, {
			progress: job.bytes ? Math.min(0.99, progress.bytesRead / job.bytes) : 0,
			rowsTotal,
			errors: errors.slice(0, 100)
		});
		await yieldToEventLoop();
		if (control.cancelled) throw new Cancelled();
	};

	for await (const cells of rows) {
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
			if (job.header) continue;
		}
		rowsTotal++;
		if (rowsTotal > config.imports.maxRows) {
			throw new ImportFailure({ code: 'import_failed_too_many_rows', params: { max: config.imports.maxRows } });
		}
		const result = validateRow(job.kind, cells, mapping, rowNumber);
		if ('errors' in result) {
			invalidRows++;
			for (const error of result.errors) if (errors.length < MAX_STORED_ERRORS) errors.push(error);
			if (!job.skipInvalid && invalidRows >= ERRORS_BEFORE_GIVING_UP) break;
			continue;
		}
		batch.push(stagedRow(job.kind, result.record));
		if (batch.length >= config.imports.batchRows) await flush();
	}
	await flush();

	if (!mapping || rowsTotal === 0) throw new ImportFailure({ code: 'import_failed_no_rows', params: {} });
	if (invalidRows && !job.skipInvalid) {
		const stopped = invalidRows >= ERRORS_BEFORE_GIVING_UP;
		throw new ImportFailure({ code: stopped ? 'import_failed_invalid_rows_stopped' : 'import_failed_invalid_rows', params: { count: invalidRows } }, errors);
	}
	if (control.cancelled) throw new Cancelled();
	if (stage.count === 0) throw new ImportFailure({ code: 'import_failed_no_valid_rows', params: {} }, errors);
	commitStage(stage, {
		workspaceId: job.workspaceId,
		mappedFields,
		withAttributes: job.kind === 'customers' && mapping.unmapped.length > 0,
		rowsTotal,
		errors
	});
	announceChange({ kind: 'dataset', workspaceId: job.workspaceId, datasetVersion: db.datasetVersion(job.workspaceId) });
}
