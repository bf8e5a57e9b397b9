import Papa from 'papaparse';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { detectSeparator, textDecoderFor, type Separator } from './formats';

/*
 * Rows of cells from a stored upload, streamed: the file is read in 256 KiB chunks, decoded, and
 * parsed by papaparse (delimited files, quoted fields with newlines) or split on whitespace
 * (positional files such as CDNOW). Nothing holds the whole file.
 */

export type Encoding = 'utf-8' | 'windows-1252';
export type { Separator };

export interface ReadProgress {
	bytesRead: number;
}

async function* decoded(path: string, encoding: Encoding, progress: ReadProgress): AsyncGenerator<string> {
	const decoder = textDecoderFor(encoding);
	for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
		progress.bytesRead += (chunk as Buffer).length;
		const text = decoder.decode(chunk as Buffer);
		if (text) yield text;
	}
	const rest = decoder.decode();
	if (rest) yield rest;
}

/** The first 64 KiB of a file as lines of text (the last one may be cut off). */
export async function headLines(path: string, encoding: Encoding): Promise<string[]> {
	const handle = await open(path, 'r');
	try {
		const buffer = Buffer.alloc(64 * 1024);
		const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
		return textDecoderFor(encoding).decode(buffer.subarray(0, bytesRead)).split(/\r?\n/);
	} finally {
		await handle.close();
	}
}

/** The separator of a file (see `detectSeparator`), from its first lines. */
export async function sniffSeparator(path: string, encoding: Encoding): Promise<Separator> {
	const lines = await headLines(path, encoding);
	// The last line of the sample may be cut off mid-row.
	return detectSeparator(lines.length > 1 ? lines.slice(0, -1) : lines);
}

export async function* readRows(
	path: string,
	encoding: Encoding,
	separator: Separator,
	progress: ReadProgress
): AsyncGenerator<string[]> {
	for await (const rows of readRowBatches(path, encoding, separator, progress)) yield* rows;
}

/**
 * The rows of a file in batches (all rows of a parsed chunk at once): a large file's million
 * rows are then a few hundred awaits instead of a million.
 */
export async function* readRowBatches(
	path: string,
	encoding: Encoding,
	separator: Separator,
	progress: ReadProgress
): AsyncGenerator<string[][]> {
	const source = Readable.from(decoded(path, encoding, progress));
	if (separator === 'whitespace') {
		const lines = createInterface({ input: source, crlfDelay: Infinity });
		for await (const line of lines) {
			const trimmed = line.trim();
			yield [trimmed ? trimmed.split(/\s+/) : ['']];
		}
		return;
	}
	yield* papaRows(source, separator);
}

/*
 * papaparse's duplex stream pushes one row at a time and pauses every few rows, and its resume
 * re-slices the rest of the chunk: quadratic, ~1,600 rows/s. Its chunk callback hands over all
 * rows of a 1 MiB chunk at once; the parser is paused only between chunks when we fall behind.
 */
async function* papaRows(source: Readable, delimiter: Exclude<Separator, 'whitespace'>): AsyncGenerator<string[][]> {
	const queue: string[][][] = [];
	let parser: Papa.Parser | null = null;
	let paused = false;
	let finished = false;
	let failure: unknown = null;
	let wake: (() => void) | null = null;
	const notify = () => {
		wake?.();
		wake = null;
	};
	Papa.parse(source as unknown as File, {
		delimiter,
		header: false,
		skipEmptyLines: false,
		chunk(results: Papa.ParseResult<string[]>, handle: Papa.Parser) {
			parser = handle;
			queue.push(results.data);
			if (queue.length >= 1 && !paused) {
				paused = true;
				handle.pause();
			}
			notify();
		},
		complete() {
			finished = true;
			notify();
		},
		error(error: Error) {
			failure = error;
			notify();
		}
	});
	source.on('error', (error) => {
		failure = error;
		notify();
	});
	try {
		for (;;) {
			const rows = queue.shift();
			if (rows) {
				yield rows;
				continue;
			}
			if (failure) throw failure;
			if (finished) return;
			if (paused && parser) {
				paused = false;
				// resume() may parse several chunks synchronously: look at the queue again first.
				(parser as Papa.Parser).resume();
				continue;
			}
			await new Promise<void>((resolve) => (wake = resolve));
		}
	} finally {
		source.destroy();
	}
}
