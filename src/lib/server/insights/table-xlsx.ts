import ExcelJS from 'exceljs';
import type { ExportTable } from '$lib/domain/insights/tables';

/** Columns are as wide as their longest cell, within what a screen shows. */
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** A table as a one-sheet workbook: a bold, frozen header row; numbers stay numbers. */
export async function tableXlsx(table: ExportTable, sheetName: string): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Waymark';
	// Excel refuses sheet names over 31 characters or with []:*?/\
	const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.columns = table.columns.map((column, i) => ({
		header: column.label,
		key: column.key,
		width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, column.label.length + 2, ...table.rows.map((row) => String(row[i] ?? '').length + 2)))
	}));
	sheet.getRow(1).font = { bold: true };
	for (const row of table.rows) sheet.addRow(row);
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
