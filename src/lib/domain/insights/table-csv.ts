import type { ExportTable, TableCell } from './tables';

/*
 * A table as a CSV file a spreadsheet opens as it is in the reader's language: Dutch Excel
 * splits on `;` and reads a decimal comma, English Excel splits on `,` and reads a decimal
 * point. A byte-order mark makes it read UTF-8; lines end in CRLF.
 */

export type CsvLocale = 'en' | 'nl';

const SEPARATOR: Record<CsvLocale, string> = { en: ',', nl: ';' };

/** A number as written, without grouping, currency or exponent (a spreadsheet reads it back as the number). */
function csvNumber(value: number, locale: CsvLocale): string {
	if (!Number.isFinite(value)) return '';
	const plain = /e/i.test(String(value)) ? value.toFixed(12).replace(/\.?0+$/, '') : String(value);
	return locale === 'nl' ? plain.replace('.', ',') : plain;
}

/**
 * A text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe (OWASP's advice against CSV injection): step and map names are typed by users.
 * Quoted when it holds the separator, a quote or a line break.
 */
export function csvCell(value: TableCell, locale: CsvLocale): string {
	if (value === null) return '';
	if (typeof value === 'number') return csvNumber(value, locale);
	const separator = SEPARATOR[locale];
	const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function tableCsv(table: ExportTable, locale: CsvLocale): string {
	const line = (cells: TableCell[]) => cells.map((cell) => csvCell(cell, locale)).join(SEPARATOR[locale]);
	return `\uFEFF${[line(table.columns.map((column) => column.label)), ...table.rows.map(line)].map((l) => `${l}\r\n`).join('')}`;
}
