/**
 * npm run demo:data -- --customers 20000 --seed 42 --out dir/ [--format nl|en] [--months 24]
 *                      [--start 2024-11-01] [--answer-key]
 * Writes customers.csv, transactions.csv, events.csv, surveys.csv and category_spend.csv for a
 * seeded, realistic Dutch online retailer (see src/lib/server/demo-data). Streams: rows are
 * written in chunks as they are generated. --answer-key also writes archetypes.csv, the hidden
 * archetype of every customer, to check segmentation against.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, statSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import {
	DELIMITER,
	NEWLINE,
	TABLE_KINDS,
	fileName,
	formatRow,
	generateDemoData,
	headers,
	type CsvFormat,
	type TableKind
} from '../src/lib/server/demo-data/index';

const CHUNK_ROWS = 5000;

function usage(message: string): never {
	console.error(`${message}\nUsage: npm run demo:data -- --customers N --seed S --out dir/ [--format nl|en] [--months 24] [--start YYYY-MM-DD] [--answer-key]`);
	process.exit(2);
}

function wholeNumber(name: string, value: string | undefined, fallback?: number): number {
	if (value === undefined) {
		if (fallback === undefined) usage(`--${name} is required`);
		return fallback;
	}
	const n = Number(value);
	if (!Number.isInteger(n)) usage(`--${name} must be a whole number, got "${value}"`);
	return n;
}

class CsvFile {
	readonly path: string;
	rows = 0;
	private buffer: string[][] = [];
	private stream: WriteStream;

	constructor(
		dir: string,
		name: string,
		header: string[],
		private format: CsvFormat
	) {
		this.path = join(dir, name);
		this.stream = createWriteStream(this.path, { encoding: 'utf8' });
		this.stream.write(this.unparse([header]));
	}

	private unparse(rows: string[][]): string {
		return Papa.unparse(rows, { delimiter: DELIMITER[this.format], newline: NEWLINE[this.format] }) + NEWLINE[this.format];
	}

	async add(cells: string[]): Promise<void> {
		this.buffer.push(cells);
		this.rows++;
		if (this.buffer.length >= CHUNK_ROWS) await this.flush();
	}

	async flush(): Promise<void> {
		if (this.buffer.length === 0) return;
		const text = this.unparse(this.buffer);
		this.buffer = [];
		if (!this.stream.write(text)) await once(this.stream, 'drain');
	}

	async close(): Promise<void> {
		await this.flush();
		this.stream.end();
		await once(this.stream, 'finish');
	}
}

async function main() {
	const { values } = parseArgs({
		options: {
			customers: { type: 'string' },
			seed: { type: 'string' },
			out: { type: 'string' },
			format: { type: 'string', default: 'nl' },
			months: { type: 'string' },
			start: { type: 'string' },
			'answer-key': { type: 'boolean', default: false }
		}
	});
	const format = values.format;
	if (format !== 'nl' && format !== 'en') usage('--format must be nl or en');
	if (!values.out) usage('--out is required');
	const customers = wholeNumber('customers', values.customers);
	if (customers < 1) usage('--customers must be at least 1');
	const seed = wholeNumber('seed', values.seed, 1);
	const months = wholeNumber('months', values.months, 24);

	const started = performance.now();
	let data;
	try {
		data = generateDemoData({ customers, seed, months, start: values.start });
	} catch (error) {
		usage((error as Error).message);
	}
	mkdirSync(values.out, { recursive: true });
	const files = Object.fromEntries(
		TABLE_KINDS.map((kind) => [kind, new CsvFile(values.out!, fileName(kind), headers(kind, format), format)])
	) as Record<TableKind, CsvFile>;
	const answerKey = values['answer-key']
		? new CsvFile(values.out, 'archetypes.csv', format === 'nl' ? ['klantnummer', 'archetype'] : ['customerId', 'archetype'], format)
		: undefined;

	for (const record of data.records()) {
		await files[record.kind].add(formatRow(record.kind, record.row as never, format));
		if (record.kind === 'customer' && answerKey) await answerKey.add([record.row.customerId, record.archetype]);
	}
	for (const file of [...Object.values(files), ...(answerKey ? [answerKey] : [])]) await file.close();

	const seconds = (performance.now() - started) / 1000;
	console.log(`Demo data (seed ${seed}, ${data.start.slice(0, 10)} to ${data.end.slice(0, 10)}, format ${format}) in ${values.out}:`);
	let totalRows = 0;
	for (const file of [...Object.values(files), ...(answerKey ? [answerKey] : [])]) {
		totalRows += file.rows;
		const mb = statSync(file.path).size / 1e6;
		console.log(`  ${file.path.padEnd(40)} ${String(file.rows).padStart(9)} rows  ${mb.toFixed(1).padStart(7)} MB`);
	}
	console.log(`${totalRows} rows in ${seconds.toFixed(1)} s (${Math.round(totalRows / seconds)} rows/s)`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
