import ExcelJS from 'exceljs';
import { statSync } from 'node:fs';

/*
 * A realistic Excel export of a webshop's orders, as a Dutch team would download it: a notes
 * sheet first, then the orders with text customer numbers and products (shared strings), real
 * dates, amounts with cents. Written with exceljs's streaming writer, so that a workbook of
 * several megabytes is made in seconds and without holding it in memory.
 */

export const ORDERS_SHEET = 'Transacties';
export const ORDERS_HEADER = ['Klantnummer', 'Orderdatum', 'Bedrag', 'Aantal', 'Kanaal', 'Product'];
const CHANNELS = ['web', 'app', 'winkel'];

/** The customer number of order `i`: a few thousand customers, each with several orders. */
export const ordersCustomer = (i: number) => `K${String(i % 4999).padStart(5, '0')}`;

/** Writes `rows` orders to `path` and answers the file's size in bytes. */
export async function writeOrdersWorkbook(path: string, rows: number): Promise<number> {
	const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
	const notes = book.addWorksheet('Toelichting');
	notes.addRow(['Export van de webwinkel; bedragen in euro, inclusief btw']).commit();
	notes.commit();
	const sheet = book.addWorksheet(ORDERS_SHEET);
	sheet.getColumn(2).numFmt = 'dd-mm-yyyy';
	sheet.addRow(ORDERS_HEADER).commit();
	for (let i = 0; i < rows; i++) {
		sheet
			.addRow([
				ordersCustomer(i),
				new Date(Date.UTC(2024, 0, 1 + (i % 640))),
				Math.round(((i * 7919) % 25_000) + 495) / 100,
				1 + (i % 4),
				CHANNELS[i % CHANNELS.length],
				`Artikel ${1000 + (i % 2500)} – ${['jas', 'trui', 'schoenen', 'tas', 'sjaal'][i % 5]}`
			])
			.commit();
	}
	sheet.commit();
	await book.commit();
	return statSync(path).size;
}
