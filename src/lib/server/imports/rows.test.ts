import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRows, sniffSeparator } from './rows';

const dir = mkdtempSync(join(tmpdir(), 'waymark-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
}

async function all(path: string, separator: Parameters<typeof readRows>[2], encoding: 'utf-8' | 'windows-1252' = 'utf-8') {
	const rows: string[][] = [];
	for await (const row of readRows(path, encoding, separator, { bytesRead: 0 })) rows.push(row);
	return rows;
}

describe('reading rows from a stored upload', () => {
	it('keeps quoted delimiters and newlines inside one field, and reports empty lines as empty rows', async () => {
		const path = file('quoted.csv', '\ufeffid;opmerking\r\n1;"regel een\r\nregel twee; nog"\r\n\r\n2;gewoon\r\n');
		expect(await sniffSeparator(path, 'utf-8')).toBe(';');
		const rows = (await all(path, ';')).filter((row) => row.some((cell) => cell !== ''));
		expect(rows).toEqual([['id', 'opmerking'], ['1', 'regel een\r\nregel twee; nog'], ['2', 'gewoon']]);
	});

	it('splits positional files on runs of whitespace (CDNOW)', async () => {
		const path = file('cdnow.txt', ' 00004 0001 19970101  2   29.33\r\n 00004 0001 19970118  2   29.73\r\n');
		expect(await all(path, 'whitespace')).toEqual([
			['00004', '0001', '19970101', '2', '29.33'],
			['00004', '0001', '19970118', '2', '29.73']
		]);
	});

	it('decodes Windows-1252', async () => {
		const path = file('cp1252.csv', Buffer.from('naam;bedrag\nM\xfcller;\x80 5\n', 'latin1'));
		expect((await all(path, ';', 'windows-1252'))[1]).toEqual(['Müller', '€ 5']);
	});

	it('delivers every row of a file much larger than one read chunk, in order, to a slow reader', async () => {
		const count = 200_000;
		const lines = Array.from({ length: count }, (_, i) => `K${i},2024-01-01,${i}`);
		const path = file('large.csv', `${lines.join('\n')}\n`);
		let seen = 0;
		let outOfOrder: string | null = null;
		for await (const row of readRows(path, 'utf-8', ',', { bytesRead: 0 })) {
			if (row.length === 1 && row[0] === '') continue;
			// One expect per row costs seconds on a busy machine: the first row out of place is kept.
			if (outOfOrder === null && row[0] !== `K${seen}`) outOfOrder = `row ${seen}: ${row[0]}`;
			seen++;
			// The import job yields between batches: the parser pauses and must resume.
			if (seen % 5000 === 0) await new Promise((resolve) => setImmediate(resolve));
		}
		expect(outOfOrder).toBeNull();
		expect(seen).toBe(count);
	}, 20_000);
});
