import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cellText, inspectWorkbook, looksLikeZip, readSheetRows, UnreadableWorkbook } from './xlsx';

const dir = mkdtempSync(join(tmpdir(), 'waymark-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function workbook(name: string, build: (book: ExcelJS.Workbook) => void): Promise<string> {
	const book = new ExcelJS.Workbook();
	build(book);
	const path = join(dir, name);
	await book.xlsx.writeFile(path);
	return path;
}

async function rowsOf(path: string, sheet: string | null = null) {
	const rows: string[][] = [];
	for await (const row of readSheetRows(path, { sheet }, { bytesRead: 0 })) rows.push(row);
	return rows;
}

describe('Excel cells as text', () => {
	it('reads dates, date-formatted serials, numbers, booleans, formulas and rich text as a CSV export would', () => {
		expect(cellText(new Date(Date.UTC(2024, 2, 5)), 'dd-mm-yyyy')).toBe('2024-03-05');
		expect(cellText(new Date(Date.UTC(2024, 2, 5, 14, 30)), undefined)).toBe('2024-03-05T14:30:00.000Z');
		expect(cellText(45356, 'd-m-yy')).toBe('2024-03-05');
		expect(cellText(45356, '"€" #,##0.00')).toBe('45356');
		expect(cellText(45356, '[Red]0.00')).toBe('45356');
		expect(cellText(0, '[$-409]d/m/yy;@')).toBe('1899-12-30');
		expect(cellText(1234.56, '#,##0.00')).toBe('1234.56');
		expect(cellText(1e-7, undefined)).toBe('0.0000001');
		expect(cellText(true, undefined)).toBe('true');
		expect(cellText({ formula: 'B2*2', result: 24.5 }, undefined)).toBe('24.5');
		expect(cellText({ formula: 'TODAY()', result: 45356 }, 'yyyy-mm-dd')).toBe('2024-03-05');
		expect(cellText({ richText: [{ text: 'Jan ' }, { text: 'Jansen' }] }, undefined)).toBe('Jan Jansen');
		expect(cellText({ error: '#N/A' }, undefined)).toBe('#N/A');
		expect(cellText(null, undefined)).toBe('');
	});

	it('uses the 1904 date system when the workbook does', () => {
		expect(cellText(43894, 'dd-mm-yyyy', true)).toBe('2024-03-05');
	});
});

describe('reading a workbook', () => {
	it('streams the first sheet, keeping Excel row numbers across empty rows', async () => {
		const path = await workbook('first.xlsx', (book) => {
			const sheet = book.addWorksheet('Transacties');
			sheet.addRow(['Klantnummer', 'Datum', 'Bedrag']);
			sheet.addRow(['K1', new Date(Date.UTC(2024, 2, 5)), 1234.56]);
			sheet.addRow([]);
			const serial = sheet.addRow(['K2', 45357, 12.5]);
			serial.getCell(2).numFmt = 'dd-mm-yyyy';
			book.addWorksheet('Notities').addRow(['niet importeren']);
		});
		expect(await rowsOf(path)).toEqual([
			['Klantnummer', 'Datum', 'Bedrag'],
			['K1', '2024-03-05', '1234.56'],
			[],
			['K2', '2024-03-06', '12.5']
		]);
		expect(await rowsOf(path, 'Notities')).toEqual([['niet importeren']]);
		await expect(rowsOf(path, 'Bestaat niet')).rejects.toMatchObject({ key: 'error_sheet_not_found' });
	});

	it('skips the sheets it does not read without leaving failing streams behind', async () => {
		const path = await workbook('three.xlsx', (book) => {
			book.addWorksheet('Eerste').addRow(['a']);
			book.addWorksheet('Tweede').addRow(['b']);
			book.addWorksheet('Derde').addRow(['c']);
		});
		for (let i = 0; i < 20; i++) expect(await rowsOf(path, i % 2 ? 'Derde' : 'Tweede')).toEqual([[i % 2 ? 'c' : 'b']]);
		// Unopened streams on removed temporary files would fail a moment later.
		await new Promise((resolve) => setTimeout(resolve, 100));
	});

	it('tells the sheet names and stops early without reading the rest', async () => {
		const path = await workbook('many.xlsx', (book) => {
			const sheet = book.addWorksheet('Data');
			for (let i = 0; i < 5000; i++) sheet.addRow([`K${i}`, i]);
			book.addWorksheet('Second');
		});
		let names: string[] = [];
		const seen: string[][] = [];
		for await (const row of readSheetRows(path, { sheet: null, onSheets: (n) => (names = n) }, { bytesRead: 0 })) {
			seen.push(row);
			if (seen.length === 3) break;
		}
		expect(names).toEqual(['Data', 'Second']);
		expect(seen).toEqual([['K0', '0'], ['K1', '1'], ['K2', '2']]);
	});

	it('refuses damaged and foreign zips before reading them', async () => {
		const good = await workbook('good.xlsx', (book) => book.addWorksheet('A').addRow(['x']));
		await expect(inspectWorkbook(good)).resolves.toBeUndefined();
		const bytes = readFileSync(good);
		expect(looksLikeZip(bytes)).toBe(true);

		const truncated = join(dir, 'truncated.xlsx');
		writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
		await expect(inspectWorkbook(truncated)).rejects.toEqual(new UnreadableWorkbook('error_xlsx_damaged'));

		// A zip of something else (here: the workbook's parts renamed away from xl/).
		const foreign = join(dir, 'foreign.zip');
		writeFileSync(foreign, Buffer.from(bytes.toString('latin1').replaceAll('xl/', 'zz/'), 'latin1'));
		await expect(inspectWorkbook(foreign)).rejects.toMatchObject({ key: 'error_xlsx_not_workbook' });

		// Garbage inside an intact directory only shows while reading: a clear error, not a crash.
		const scrambled = Buffer.from(bytes);
		for (let i = 200; i < scrambled.length - 2000; i++) scrambled[i] = (i * 7) % 251;
		const damaged = join(dir, 'damaged.xlsx');
		writeFileSync(damaged, scrambled);
		await expect(rowsOf(damaged)).rejects.toBeInstanceOf(UnreadableWorkbook);
	});
});
