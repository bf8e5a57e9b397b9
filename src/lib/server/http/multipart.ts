import { once } from 'node:events';
import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { AppError, validationFailed } from '../errors';

/*
 * A streaming multipart/form-data reader for uploads: the file part goes straight to disk (the
 * whole file is never in memory) while a few small text fields are collected. `Request.formData()`
 * would buffer everything, which a 500 MB customer file must not do.
 */

export interface UploadedFile {
	/** Null when the file was not written (see `storeIf`). */
	path: string | null;
	fileName: string | null;
	bytes: number;
	/** Line feeds seen: a cheap upper bound for the number of rows. */
	lines: number;
	/** The first bytes, for sniffing (binary, BOM). */
	head: Buffer;
}

export interface MultipartOptions {
	fileField: string;
	/** Where the file part is written. */
	path: string;
	maxFileBytes: number;
	maxFieldBytes?: number;
	/** Sees every chunk of the file (encoding sniffing). */
	onFileChunk?: (chunk: Uint8Array) => void;
	/**
	 * Decides from the first bytes whether the file is written to `path` at all; without it, it
	 * is. A file that is not written is only counted and sniffed (its first 64 KiB kept in `head`).
	 */
	storeIf?: (firstBytes: Buffer) => boolean;
	/**
	 * The longest line (bytes between line feeds) the file may have, when `appliesTo` its first
	 * bytes: a longer one refuses the upload at once (400). A file of one endless line is no CSV,
	 * and a parser would have to hold all of it as one row.
	 */
	maxLineBytes?: { bytes: number; appliesTo: (firstBytes: Buffer) => boolean };
}

export interface MultipartResult {
	fields: Record<string, string>;
	file: UploadedFile | null;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const HEAD_BYTES = 64 * 1024;

export function fileTooLarge(maxBytes: number): AppError {
	const mib = maxBytes >= 1024 * 1024 ? `${(maxBytes / 1024 / 1024).toFixed(maxBytes % (1024 * 1024) ? 1 : 0)} MiB` : `${maxBytes} bytes`;
	return new AppError(413, 'payload_too_large', `The file is larger than the limit of ${mib} (WAYMARK_IMPORT_MAX_BYTES)`);
}

function lineTooLong(maxBytes: number): AppError {
	return validationFailed({ file: 'error_file_line_too_long' }, `A line of the file is longer than ${maxBytes} bytes`);
}

function badRequest(message: string) {
	return new AppError(400, 'bad_request', message);
}

function boundaryOf(contentType: string | null): string {
	if (!contentType || !contentType.toLowerCase().startsWith('multipart/form-data')) {
		throw new AppError(415, 'bad_request', 'Send the file as multipart/form-data');
	}
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	const boundary = match?.[1] ?? match?.[2]?.trim();
	if (!boundary || boundary.length > 200) throw badRequest('The multipart boundary is missing');
	return boundary;
}

function dispositionOf(headers: string): { name: string | null; fileName: string | null } {
	const line = headers.split('\r\n').find((h) => h.toLowerCase().startsWith('content-disposition:')) ?? '';
	const name = /\bname="([^"]*)"/i.exec(line)?.[1] ?? null;
	const fileName = /\bfilename="([^"]*)"/i.exec(line)?.[1] ?? null;
	return { name, fileName };
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
	try {
		for (;;) if ((await reader.read()).done) return;
	} catch {
		// cut off: nothing left to read
	}
}

export async function readMultipart(request: Request, options: MultipartOptions): Promise<MultipartResult> {
	const delimiter = Buffer.from(`\r\n--${boundaryOf(request.headers.get('content-type'))}`);
	const maxField = options.maxFieldBytes ?? 64 * 1024;
	if (!request.body) throw badRequest('The request has no body');
	const reader = request.body.getReader();

	const fields: Record<string, string> = {};
	const holder: { file: UploadedFile | null } = { file: null };
	let out: WriteStream | null = null;
	let part: { name: string | null; isFile: boolean; chunks: Buffer[]; size: number } | null = null;
	let head: Buffer[] = [];
	let headSize = 0;
	// The body starts with "--boundary", not "\r\n--boundary": pretend it does.
	let buffer: Buffer = Buffer.from(CRLF);
	type State = 'preamble' | 'after' | 'headers' | 'body' | 'done';
	let state = 'preamble' as State;

	let decided = false;
	let maxLine = Infinity;
	let lineBytes = 0;
	const emit = async (data: Buffer) => {
		if (!part || data.length === 0) return;
		const file = holder.file;
		if (part.isFile && file && !decided) {
			decided = true;
			if (options.maxLineBytes?.appliesTo(data)) maxLine = options.maxLineBytes.bytes;
			if (!options.storeIf || options.storeIf(data)) out = createWriteStream(options.path, { flags: 'wx' });
			else file.path = null;
		}
		if (part.isFile && file) {
			file.bytes += data.length;
			if (file.bytes > options.maxFileBytes) throw fileTooLarge(options.maxFileBytes);
			let lineStart = 0;
			for (let i = data.indexOf(10); i !== -1; i = data.indexOf(10, i + 1)) {
				if (lineBytes + i - lineStart > maxLine) throw lineTooLong(maxLine);
				lineBytes = 0;
				lineStart = i + 1;
				file.lines++;
			}
			lineBytes += data.length - lineStart;
			if (lineBytes > maxLine) throw lineTooLong(maxLine);
			if (headSize < HEAD_BYTES) {
				head.push(data.subarray(0, HEAD_BYTES - headSize));
				headSize += Math.min(data.length, HEAD_BYTES - headSize);
			}
			options.onFileChunk?.(data);
			if (out && !out.write(data)) await once(out, 'drain');
		} else {
			part.size += data.length;
			if (part.size > maxField) throw badRequest(`The form field "${part.name}" is too long`);
			part.chunks.push(data);
		}
	};

	const endPart = async () => {
		if (!part) return;
		if (part.isFile) {
			if (out) {
				out.end();
				await once(out, 'close');
				out = null;
			} else if (!decided) {
				// An empty file part: an empty file, as a browser would send it.
				if (!options.storeIf) await open(options.path, 'wx').then((handle) => handle.close());
				else holder.file!.path = null;
			}
			holder.file!.head = Buffer.concat(head);
		} else if (part.name && !part.isFile) {
			fields[part.name] = Buffer.concat(part.chunks).toString('utf8');
		}
		part = null;
	};

	const step = async (): Promise<boolean> => {
		switch (state) {
			case 'preamble': {
				const at = buffer.indexOf(delimiter);
				if (at === -1) {
					buffer = buffer.subarray(Math.max(0, buffer.length - delimiter.length));
					return false;
				}
				buffer = buffer.subarray(at + delimiter.length);
				state = 'after';
				return true;
			}
			case 'after': {
				if (buffer.length < 2) return false;
				if (buffer[0] === 0x2d && buffer[1] === 0x2d) {
					state = 'done';
					return false;
				}
				const lineEnd = buffer.indexOf(CRLF);
				if (lineEnd === -1) return false;
				buffer = buffer.subarray(lineEnd + 2);
				state = 'headers';
				return true;
			}
			case 'headers': {
				const at = buffer.indexOf(HEADER_END);
				if (at === -1) {
					if (buffer.length > 16 * 1024) throw badRequest('A multipart part has oversized headers');
					return false;
				}
				const { name, fileName } = dispositionOf(buffer.subarray(0, at).toString('utf8'));
				buffer = buffer.subarray(at + HEADER_END.length);
				const isFile = name === options.fileField && fileName !== null;
				if (isFile) {
					if (holder.file) throw badRequest('Send one file per import');
					holder.file = { path: options.path, fileName: fileName || null, bytes: 0, lines: 0, head: Buffer.alloc(0) };
					head = [];
					headSize = 0;
				}
				part = { name, isFile, chunks: [], size: 0 };
				state = 'body';
				return true;
			}
			case 'body': {
				const at = buffer.indexOf(delimiter);
				if (at === -1) {
					const safe = buffer.length - delimiter.length + 1;
					if (safe > 0) {
						await emit(buffer.subarray(0, safe));
						buffer = buffer.subarray(safe);
					}
					return false;
				}
				await emit(buffer.subarray(0, at));
				await endPart();
				buffer = buffer.subarray(at + delimiter.length);
				state = 'after';
				return true;
			}
			case 'done':
				return false;
		}
	};

	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			buffer = buffer.length ? Buffer.concat([buffer, value]) : Buffer.from(value);
			while (await step());
			if (state === 'done') break;
		}
		if (state !== 'done') throw badRequest('The upload ended before the multipart body was complete');
		await drain(reader);
		return { fields, file: holder.file };
	} catch (error) {
		await drain(reader);
		// The file opens asynchronously: removing it before the stream has closed would let a
		// late open create it again, empty.
		const stream = out as WriteStream | null;
		if (stream && !stream.closed) {
			const closed = once(stream, 'close');
			stream.destroy();
			await closed;
		}
		rmSync(options.path, { force: true });
		throw error;
	}
}
