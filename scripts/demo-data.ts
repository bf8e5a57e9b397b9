/**
 * npm run demo:data -- --customers 20000 --seed 42 --out dir/ [--format nl|en] [--months 24]
 *                      [--start 2024-11-01] [--answer-key]
 * Writes customers.csv, transactions.csv, events.csv, surveys.csv and category_spend.csv for a
 * seeded, realistic Dutch online retailer (see src/lib/server/demo-data). Streams: rows are
 * written in chunks as they are generated. --answer-key also writes archetypes.csv, the hidden
 * archetype of every customer, to check segmentation against.
 */
import { mkdirSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateDemoData } from '../src/lib/server/demo-data/index';
import { CsvFile, writeDemoCsvFiles } from '../src/lib/server/demo/csv-files';

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
	const answerKey = values['answer-key']
		? new CsvFile(values.out, 'archetypes.csv', format === 'nl' ? ['klantnummer', 'archetype'] : ['customerId', 'archetype'], format)
		: undefined;
	const files = await writeDemoCsvFiles(data, values.out, format, answerKey && ((c) => answerKey.add([c.customerId, c.archetype])));
	await answerKey?.close();

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
