import { DATED_KINDS } from '$lib/domain/customer-data';
import type * as db from '../db';
import type { ImportKind, ImportRowError } from '../db';

type DatedKind = (typeof DATED_KINDS)[number];

/*
 * Correctness and completeness (juistheid en volledigheid) of a workspace's customer data, from
 * the figures the data summary counted: how full each column is, how old each kind of data is,
 * and what looks duplicated. Pure: figures and the clock in, the overview out.
 */

/** Columns filled for less than this share of their rows are flagged. */
export const LOW_COMPLETENESS = 0.5;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ColumnCompleteness {
	field: string;
	filled: number;
	/** filled / rows; null when the kind has no rows. */
	share: number | null;
	low: boolean;
}

export interface KindCompleteness {
	kind: ImportKind;
	rows: number;
	columns: ColumnCompleteness[];
}

export interface KindStaleness {
	kind: ImportKind;
	lastImport: db.LastImport | null;
	/**
	 * Epoch ms: the newest transaction, event or answer not dated after today (rows after it are
	 * counted in `futureDated`); for customers the newest acquisition date.
	 */
	latestDataAt: number | null;
	/** Whole days since the date staleness is judged by (see `staleness`); null without one. */
	ageDays: number | null;
	stale: boolean;
}

/** Rows of one kind dated after the server's today: imported and kept, but left out of figures. */
export interface KindFutureDated {
	kind: DatedKind;
	count: number;
	/** Epoch ms: the latest of them; null without any. */
	latest: number | null;
}

export interface DataOverview extends db.DataSummary {
	completeness: { lowBelow: number; kinds: KindCompleteness[] };
	staleness: { staleAfterDays: number; kinds: KindStaleness[] };
	futureDated: { today: string; kinds: KindFutureDated[] };
	duplicates: {
		emailGroups: number;
		emailCustomers: number;
		/** The largest groups' external ids; null for members who may not see customer rows. */
		emailGroupIds: db.DuplicateEmailGroup[] | null;
		repeatedRows: Record<'transactions' | 'events' | 'surveys', number>;
	};
}

export function completeness(summary: db.DataSummary, lowBelow = LOW_COMPLETENESS): KindCompleteness[] {
	const kind = (kind: ImportKind, rows: number, filled: db.FieldCounts): KindCompleteness => ({
		kind,
		rows,
		columns: filled.map(({ field, filled }) => {
			const share = rows ? filled / rows : null;
			return { field, filled, share, low: share !== null && share < lowBelow };
		})
	});
	return [
		kind('customers', summary.customers.count, summary.customers.filled),
		kind('transactions', summary.transactions.count, summary.transactions.filled),
		kind('events', summary.events.count, summary.events.filled),
		kind('surveys', summary.surveys.count, summary.surveys.filled)
	];
}

/**
 * Behavioural data (transactions, events, answers) is judged by its newest row: an export
 * imported yesterday that ends three months ago is three months behind. Customer profiles
 * carry no date of their own, so they are judged by their last import (customers known only
 * from other rows, never imported as customers, are not judged). A kind without data is not
 * stale: it is missing, which the counts show.
 */
export function staleness(summary: db.DataSummary, now: number, staleAfterDays: number): KindStaleness[] {
	const judge = (kind: ImportKind, count: number, latestDataAt: number | null, judgedBy: number | null): KindStaleness => {
		const ageDays = judgedBy === null ? null : Math.max(0, Math.floor((now - judgedBy) / DAY_MS));
		return {
			kind,
			lastImport: summary.lastImports[kind],
			latestDataAt,
			ageDays,
			stale: count > 0 && ageDays !== null && ageDays > staleAfterDays
		};
	};
	// A row dated next year would make any export look current: behaviour is judged by its newest
	// row up to today.
	const behaviour = (kind: DatedKind) => judge(kind, summary[kind].count, summary[kind].latestBeforeFuture, summary[kind].latestBeforeFuture);
	return [
		judge('customers', summary.customers.count, summary.customers.latestAcquiredAt, summary.lastImports.customers?.finishedAt ?? null),
		...DATED_KINDS.map(behaviour)
	];
}

/** Per kind of behavioural data: the rows dated after today (the summary's `futureFrom`). */
export function futureDated(summary: db.DataSummary): KindFutureDated[] {
	return DATED_KINDS.map((kind) => {
		const { futureRows, to } = summary[kind];
		return { kind, count: futureRows, latest: futureRows > 0 ? to : null };
	});
}

/** `today`: the server's date (`YYYY-MM-DD`) the summary's `futureFrom` follows. */
export function dataOverview(
	summary: db.DataSummary,
	options: { now: number; today: string; staleAfterDays: number; mayReadCustomers: boolean }
): DataOverview {
	return {
		...summary,
		completeness: { lowBelow: LOW_COMPLETENESS, kinds: completeness(summary) },
		staleness: { staleAfterDays: options.staleAfterDays, kinds: staleness(summary, options.now, options.staleAfterDays) },
		futureDated: { today: options.today, kinds: futureDated(summary) },
		duplicates: {
			emailGroups: summary.duplicateEmails.groups,
			emailCustomers: summary.duplicateEmails.customers,
			emailGroupIds: options.mayReadCustomers ? summary.duplicateEmails.largest : null,
			repeatedRows: {
				transactions: summary.transactions.repeatedRows,
				events: summary.events.repeatedRows,
				surveys: summary.surveys.repeatedRows
			}
		}
	};
}

// ── the error report ───────────────────────────────────────────────────────────────────────

export type CsvDelimiter = ',' | ';';

/** A number as a file may write it: never a formula, so left as it is. */
const NUMERIC = /^[-+]?[\d.,\s€$]*\d[\d.,\s]*$/;

/**
 * A cell as spreadsheets read it back: quoted when it holds the delimiter, a quote or a line
 * break; and a text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets
 * a leading apostrophe, as OWASP advises against CSV injection. The values come from uploaded
 * files, so they are not to be trusted.
 */
export function csvCell(value: string | number | null, delimiter: CsvDelimiter): string {
	if (value === null) return '';
	let text = String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !NUMERIC.test(text)) text = `'${text}`;
	return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The invalid rows of an import as CSV: a header, then one line per error, CRLF line ends. */
export function errorReportCsv(errors: ImportRowError[], delimiter: CsvDelimiter = ','): string {
	const line = (cells: (string | number | null)[]) => cells.map((cell) => csvCell(cell, delimiter)).join(delimiter);
	return [line(['row', 'column', 'value', 'message']), ...errors.map((e) => line([e.row, e.column, e.value, e.message]))]
		.map((l) => `${l}\r\n`)
		.join('');
}

/** `kapot.csv` → `kapot-errors.csv`; anything but plain letters, digits, `-` and `_` becomes `_`. */
export function errorReportFileName(fileName: string | null, importId: string): string {
	const base = (fileName ?? '').replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 80);
	return `${base || `import-${importId}`}-errors.csv`;
}
