import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import Papa from 'papaparse';
import {
	DELIMITER,
	NEWLINE,
	TABLE_KINDS,
	fileName,
	formatRow,
	headers,
	type CsvFormat,
	type DemoData,
	type TableKind
} from '../demo-data';

const CHUNK_ROWS = 5000;
/** The generator runs on the server's thread at first start: it lets requests in this often. */
const SLICE_MS = 20;

/** A CSV file written in chunks, waiting when the disk is slower than the generator. */
export class CsvFile {
	readonly path: string;
	rows = 0;
	#buffer: string[][] = [];
	readonly #stream: WriteStream;

	constructor(
		dir: string,
		name: string,
		header: string[],
		private readonly format: CsvFormat
	) {
		this.path = join(dir, name);
		this.#stream = createWriteStream(this.path, { encoding: 'utf8' });
		this.#stream.write(this.#unparse([header]));
	}

	#unparse(rows: string[][]): string {
		return Papa.unparse(rows, { delimiter: DELIMITER[this.format], newline: NEWLINE[this.format] }) + NEWLINE[this.format];
	}

	async add(cells: string[]): Promise<void> {
		this.#buffer.push(cells);
		this.rows++;
		if (this.#buffer.length >= CHUNK_ROWS) await this.flush();
	}

	async flush(): Promise<void> {
		if (this.#buffer.length === 0) return;
		const text = this.#unparse(this.#buffer);
		this.#buffer = [];
		if (!this.#stream.write(text)) await once(this.#stream, 'drain');
	}

	async close(): Promise<void> {
		await this.flush();
		this.#stream.end();
		await once(this.#stream, 'finish');
	}
}

/** Writes every table of generated demo data as CSV into `dir`; returns the files by kind. */
export async function writeDemoCsvFiles(
	data: DemoData,
	dir: string,
	format: CsvFormat,
	onCustomer?: (record: { customerId: string; archetype: string }) => Promise<void>
): Promise<Record<TableKind, CsvFile>> {
	mkdirSync(dir, { recursive: true });
	const files = Object.fromEntries(
		TABLE_KINDS.map((kind) => [kind, new CsvFile(dir, fileName(kind), headers(kind, format), format)])
	) as Record<TableKind, CsvFile>;
	let sliceStart = Date.now();
	let sinceCheck = 0;
	for (const record of data.records()) {
		// Awaiting a write only yields to other microtasks; requests wait for a macrotask.
		if (++sinceCheck >= 256) {
			sinceCheck = 0;
			if (Date.now() - sliceStart >= SLICE_MS) {
				await yieldToEventLoop();
				sliceStart = Date.now();
			}
		}
		await files[record.kind].add(formatRow(record.kind, record.row as never, format));
		if (record.kind === 'customer' && onCustomer) await onCustomer({ customerId: record.row.customerId, archetype: record.archetype });
	}
	for (const file of Object.values(files)) await file.close();
	return files;
}
