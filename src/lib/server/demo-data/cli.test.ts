import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { fileName, headers, TABLE_KINDS } from './csv';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../../../..');
const dirs: string[] = [];

async function demoData(...args: string[]) {
	const out = mkdtempSync(join(tmpdir(), 'waymark-demo-data-'));
	dirs.push(out);
	const { stdout } = await run(join(root, 'node_modules/.bin/tsx'), ['scripts/demo-data.ts', ...args, '--out', out], { cwd: root });
	return { out, stdout, read: (file: string) => readFileSync(join(out, file), 'utf8') };
}

afterAll(() => {
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('npm run demo:data', () => {
	it('writes a Dutch Excel export that parses back: ; delimiter, decimal comma, dd-mm-yyyy', async () => {
		const { stdout, read } = await demoData('--customers', '200', '--seed', '42');
		expect(stdout).toMatch(/customers\.csv\s+200 rows/);
		for (const kind of TABLE_KINDS) {
			const text = read(fileName(kind));
			expect(text.split('\r\n')[0]).toBe(headers(kind, 'nl').join(';'));
			const parsed = Papa.parse<string[]>(text.trimEnd(), { delimiter: ';' });
			expect(parsed.errors).toEqual([]);
			for (const row of parsed.data) expect(row).toHaveLength(headers(kind, 'nl').length);
		}
		const transactions = Papa.parse<Record<string, string>>(read('transactions.csv').trimEnd(), { delimiter: ';', header: true }).data;
		expect(transactions.length).toBeGreaterThan(800);
		const first = transactions[0]!;
		expect(first.klantnummer).toBe('K000001');
		expect(first.datum).toMatch(/^\d{2}-\d{2}-20\d{2} \d{2}:\d{2}:\d{2}$/);
		expect(first.bedrag).toMatch(/^\d+,\d{2}$/);
		expect(Number(first.bedrag!.replace(',', '.'))).toBeGreaterThan(0);
		expect(['web', 'app', 'winkel', 'telefoon']).toContain(first.kanaal);
		const customers = Papa.parse<Record<string, string>>(read('customers.csv').trimEnd(), { delimiter: ';', header: true }).data;
		expect(customers).toHaveLength(200);
		expect(customers[0]!.postcode).toMatch(/^\d{4} [A-Z]{2}$/);
		expect(['ja', 'nee']).toContain(customers[0]!['opt-in']);
	});

	it('writes English CSV with ISO dates, a decimal point and quoted lists, plus the answer key on request', async () => {
		const { read } = await demoData('--customers', '200', '--seed', '42', '--format', 'en', '--answer-key');
		const transactions = Papa.parse<Record<string, string>>(read('transactions.csv').trimEnd(), { header: true });
		expect(transactions.errors).toEqual([]);
		const first = transactions.data[0]!;
		expect(first.timestamp).toMatch(/^20\d{2}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
		expect(first.amount).toMatch(/^\d+\.\d{2}$/);
		const surveys = Papa.parse<Record<string, string>>(read('surveys.csv').trimEnd(), { header: true });
		expect(surveys.errors).toEqual([]);
		expect(surveys.data.some((s) => s.comment)).toBe(true);
		const customers = Papa.parse<Record<string, string>>(read('customers.csv').trimEnd(), { header: true });
		expect(customers.errors).toEqual([]);
		expect(customers.data.some((c) => c.interests!.includes(', '))).toBe(true);
		expect(read('customers.csv')).toMatch(/,"[a-z &]+, [a-z &]+/);
		const key = Papa.parse<Record<string, string>>(read('archetypes.csv').trimEnd(), { header: true }).data;
		expect(key).toHaveLength(200);
	});

	it('refuses bad arguments with a usage message', async () => {
		await expect(demoData('--customers', 'many', '--seed', '1')).rejects.toMatchObject({ code: 2 });
		await expect(demoData('--customers', '10', '--format', 'xlsx')).rejects.toMatchObject({ code: 2 });
	});
});
