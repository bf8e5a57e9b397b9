import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { calendarDay, futureFrom, type MappingInput } from '$lib/domain/customer-data';
import { importFormSchema, importPreviewFormSchema, type fileFormat, type mappingCreateSchema } from '$lib/schemas';
import { requireUser, requireWorkspace, roleAllows } from '../auth';
import { config } from '../config';
import * as db from '../db';
import { AppError, conflict, notFound, validationFailed } from '../errors';
import { announceChange } from '../events';
import { fileTooLarge, readMultipart, type UploadedFile } from '../http/multipart';
import { parseInput } from '../http/validation';
import { newId } from '../ids';
import { EncodingSniffer, looksBinary } from './formats';
import { activeImportIds, enqueue, enqueueMoveRecovery, outcomeOf, requestCancel } from './job';
import { dataOverview, errorReportCsv, errorReportFileName, type CsvDelimiter, type DataOverview } from './quality';
import { PREVIEW_BYTES, previewText, previewWorkbook, type ImportPreview } from './preview';
import { inspectWorkbook, looksLikeZip, UnreadableWorkbook } from './xlsx';

/*
 * The public surface of customer-data imports: preview a file, start an import from an upload
 * (CSV and other delimited text, or an Excel workbook), follow it, cancel it; saved column
 * mappings; the data summary; erasing a customer.
 */

export { FIELDS, resolveMapping, normaliseHeader } from '$lib/domain/customer-data';
export type { CsvDelimiter, DataOverview } from './quality';
export type { ImportPreview } from './preview';


let recovered = false;

/**
 * Marks imports a previous process left unfinished as failed (their TEMP stage is gone), removes
 * their uploads, and queues the removal of what their moves had written, ahead of any import.
 */
export function recoverOnce(): void {
	if (recovered) return;
	recovered = true;
	for (const id of db.failImportsNotIn(activeImportIds(), outcomeOf({ code: 'import_failed_restarted', params: {} }))) {
		rmSync(uploadPath(id), { force: true });
	}
	enqueueMoveRecovery();
}

/** Far above any real row; the message error_file_line_too_long names it. */
const MAX_LINE_BYTES = 1024 * 1024;

const uploadPath = (id: string) => join(config.imports.uploadDir, `${id}.upload`);

async function discard(request: Request): Promise<void> {
	if (!request.body || request.bodyUsed) return;
	const reader = request.body.getReader();
	try {
		for (;;) if ((await reader.read()).done) return;
	} catch {
		// cut off
	}
}

type FileFormat = z.output<typeof fileFormat>;

/** What kind of file an upload is, refusing what cannot be imported. */
async function fileKindOf(file: UploadedFile): Promise<'text' | 'xlsx'> {
	if (file.bytes === 0) throw validationFailed({ file: 'error_file_empty' }, 'The file is empty');
	if (looksLikeZip(file.head)) {
		if (file.path) {
			try {
				await inspectWorkbook(file.path);
			} catch (error) {
				if (error instanceof UnreadableWorkbook) throw validationFailed({ file: error.key });
				throw error;
			}
		}
		return 'xlsx';
	}
	if (looksBinary(file.head)) {
		throw validationFailed({ file: 'error_file_binary' }, 'The file is neither text (CSV) nor an Excel workbook (.xlsx)');
	}
	return 'text';
}

/** The mapping and format of a form, with a saved mapping's underneath when it names one. */
function mappingOf(
	workspaceId: string,
	form: { kind: db.ImportKind; mapping?: MappingInput; format?: FileFormat; mappingId?: string }
): { mapping: MappingInput; format: Partial<FileFormat> } {
	if (!form.mappingId) return { mapping: form.mapping ?? {}, format: form.format ?? {} };
	const saved = db.findColumnMapping(workspaceId, form.mappingId);
	if (!saved) throw validationFailed({ mappingId: 'error_mapping_not_found' });
	if (saved.kind !== form.kind) throw validationFailed({ mappingId: 'error_mapping_kind' });
	return { mapping: { ...saved.mapping, ...form.mapping }, format: { ...(saved.format as FileFormat), ...form.format } };
}

/**
 * Stores the upload in a temporary file and queues the import: the answer (202) comes before
 * the first row is read. Refuses at once what can be refused from the upload alone.
 */
export async function startImport(user: db.User | null, workspaceId: string, request: Request): Promise<db.Import> {
	recoverOnce();
	try {
		requireWorkspace(user, workspaceId, 'data:write');
	} catch (error) {
		await discard(request);
		throw error;
	}
	const { maxBytes, maxRows } = config.imports;
	const declared = Number(request.headers.get('content-length') ?? '0');
	// Multipart framing and the small fields add a little to the file itself.
	if (declared > maxBytes + 256 * 1024) {
		await discard(request);
		throw fileTooLarge(maxBytes);
	}
	mkdirSync(config.imports.uploadDir, { recursive: true });
	const id = newId();
	const path = uploadPath(id);
	const sniffer = new EncodingSniffer();
	const { fields, file } = await readMultipart(request, {
		fileField: 'file',
		path,
		maxFileBytes: maxBytes,
		maxLineBytes: { bytes: MAX_LINE_BYTES, appliesTo: (first) => !looksLikeZip(first) },
		onFileChunk: (chunk) => sniffer.push(chunk)
	});
	let queued = false;
	try {
		const form = parseInput(importFormSchema, fields);
		if (!file) throw validationFailed({ file: 'error_file_required' });
		const fileKind = await fileKindOf(file);
		// Every row ends in a line feed (the last one may not): more lines than that cannot fit.
		// A workbook's rows are counted while it is read.
		if (fileKind === 'text' && file.lines > maxRows + 1) {
			throw new AppError(413, 'payload_too_large', `The file has more than ${maxRows} rows (WAYMARK_IMPORT_MAX_ROWS)`);
		}
		const { mapping, format } = mappingOf(workspaceId, form);
		const created = db.insertImport({
			id,
			workspaceId,
			kind: form.kind,
			fileName: file.fileName,
			bytes: file.bytes,
			createdBy: user!.id
		});
		enqueue({
			id,
			workspaceId,
			kind: form.kind,
			path,
			file: fileKind,
			sheet: form.sheet ?? null,
			encoding: sniffer.encoding,
			separator: format.delimiter ?? 'auto',
			header: format.header ?? true,
			mapping,
			skipInvalid: form.skipInvalid,
			bytes: file.bytes
		});
		queued = true;
		return created;
	} finally {
		if (!queued) rmSync(path, { force: true });
	}
}

/**
 * The first rows of an uploaded file as its import would read them, with the detected format
 * and column mapping. Of a text file only the first 64 KiB are read and nothing is written to
 * disk; a workbook is unpacked from a temporary file that is removed before the answer.
 */
export async function previewImport(user: db.User | null, workspaceId: string, request: Request): Promise<ImportPreview> {
	try {
		requireWorkspace(user, workspaceId, 'data:write');
	} catch (error) {
		await discard(request);
		throw error;
	}
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > config.imports.maxBytes + 256 * 1024) {
		await discard(request);
		throw fileTooLarge(config.imports.maxBytes);
	}
	mkdirSync(config.imports.uploadDir, { recursive: true });
	const path = join(config.imports.uploadDir, `preview-${newId()}.upload`);
	try {
		const { fields, file } = await readMultipart(request, {
			fileField: 'file',
			path,
			maxFileBytes: config.imports.maxBytes,
			storeIf: looksLikeZip
		});
		const form = parseInput(importPreviewFormSchema, fields);
		if (!file) throw validationFailed({ file: 'error_file_required' });
		const fileKind = await fileKindOf(file);
		const { mapping, format } = mappingOf(workspaceId, form);
		const input = {
			kind: form.kind,
			mapping,
			delimiter: format.delimiter ?? 'auto',
			// An explicit format (or a saved one) says whether there is a header; else the rows do.
			header: format.header ?? null,
			sheet: form.sheet ?? null,
			today: calendarDay(new Date())
		};
		if (fileKind === 'text') return previewText(file.head.subarray(0, PREVIEW_BYTES), file.bytes > PREVIEW_BYTES, input);
		try {
			return await previewWorkbook(path, input);
		} catch (error) {
			if (error instanceof UnreadableWorkbook) throw validationFailed({ file: error.key });
			throw error;
		}
	} finally {
		rmSync(path, { force: true });
	}
}

function importOf(user: db.User | null, id: string, permission: 'data:read' | 'data:write') {
	recoverOnce();
	requireUser(user);
	const found = db.findImport(id);
	if (!found) throw notFound('Import');
	try {
		requireWorkspace(user, found.workspaceId, permission);
	} catch (error) {
		if (error instanceof AppError && error.status === 404) throw notFound('Import');
		throw error;
	}
	return found;
}

export function listImports(user: db.User | null, workspaceId: string, page: db.PageRequest): db.Page<db.Import> {
	requireWorkspace(user, workspaceId, 'data:read');
	return db.listImports(workspaceId, page);
}

export function getImport(user: db.User | null, id: string): db.Import {
	return importOf(user, id, 'data:read');
}

export function cancelImport(user: db.User | null, id: string): db.Import {
	const found = importOf(user, id, 'data:write');
	if (found.status !== 'queued' && found.status !== 'running') {
		throw conflict(`The import is already ${found.status}`);
	}
	if (!requestCancel(id)) {
		db.updateImport(id, { status: 'cancelled', ...outcomeOf({ code: 'import_cancelled', params: {} }), finishedAt: new Date() });
	}
	return db.findImport(id)!;
}

export function saveMapping(
	user: db.User | null,
	workspaceId: string,
	input: z.output<typeof mappingCreateSchema>
): db.ColumnMapping {
	requireWorkspace(user, workspaceId, 'data:write');
	const saved = db.insertColumnMapping({ id: newId(), workspaceId, ...input });
	if (!saved) throw conflict('A mapping with this name already exists', { name: 'error_mapping_name_taken' });
	return saved;
}

export function listMappings(user: db.User | null, workspaceId: string): db.ColumnMapping[] {
	requireWorkspace(user, workspaceId, 'data:read');
	return db.listColumnMappings(workspaceId);
}

/** The data overview: counts and ranges, completeness, staleness and duplicates. */
export function dataSummary(user: db.User | null, workspaceId: string): DataOverview {
	const { role } = requireWorkspace(user, workspaceId, 'data:read');
	const now = new Date();
	const today = calendarDay(now);
	return dataOverview(db.dataSummary(workspaceId, futureFrom(today)), {
		now: now.getTime(),
		today,
		staleAfterDays: config.dataStaleAfterDays,
		// Viewers see how many duplicates there are, not whose.
		mayReadCustomers: roleAllows(role, 'data:write')
	});
}

/** The invalid rows of an import as a CSV file, for whoever may read the import. */
export function importErrorReport(
	user: db.User | null,
	id: string,
	delimiter: CsvDelimiter
): { fileName: string; csv: string } {
	const found = importOf(user, id, 'data:read');
	return { fileName: errorReportFileName(found.fileName, found.id), csv: errorReportCsv(found.errors, delimiter) };
}

/** GDPR erasure: the customer and every transaction, event and answer about them. */
export function eraseCustomer(user: db.User | null, workspaceId: string, externalId: string): void {
	requireWorkspace(user, workspaceId, 'data:write');
	if (!db.deleteCustomer(workspaceId, externalId)) throw notFound('Customer');
	announceChange({ kind: 'dataset', workspaceId, datasetVersion: db.datasetVersion(workspaceId) });
}

/**
 * Imports a file that is already on this server (the demo data written at first start), through
 * the same job as an upload: the file is moved into the upload folder and removed after.
 */
export function importServerFile(input: {
	workspaceId: string;
	createdBy: string;
	kind: db.ImportKind;
	path: string;
	fileName: string;
}): db.Import {
	mkdirSync(config.imports.uploadDir, { recursive: true });
	const id = newId();
	const path = uploadPath(id);
	renameSync(input.path, path);
	const sniffer = new EncodingSniffer();
	const head = Buffer.alloc(64 * 1024);
	const descriptor = openSync(path, 'r');
	const read = readSync(descriptor, head, 0, head.length, 0);
	closeSync(descriptor);
	sniffer.push(head.subarray(0, read));
	const bytes = statSync(path).size;
	const created = db.insertImport({
		id,
		workspaceId: input.workspaceId,
		kind: input.kind,
		fileName: input.fileName,
		bytes,
		createdBy: input.createdBy
	});
	enqueue({
		id,
		workspaceId: input.workspaceId,
		kind: input.kind,
		path,
		file: 'text',
		sheet: null,
		encoding: sniffer.encoding,
		separator: 'auto',
		header: true,
		mapping: {},
		skipInvalid: false,
		bytes
	});
	return created;
}
