/**
 * Test-only readers for the published reference data sets in ../shared/data (a sibling of the
 * repository root). Not exported from index.ts: the engine itself does no I/O.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Transaction } from './summary';

/** Beside the checkout, or the workplace's shared folder (a worktree sits one level deeper). */
function dataFile(path: string): string {
	const beside = fileURLToPath(new URL(`../../../../../shared/data/${path}`, import.meta.url));
	return readFileSync(existsSync(beside) ? beside : `/work/shared/data/${path}`, 'utf8');
}

/** CDNOW_sample.txt: sample customer id, date (yyyymmdd), CDs, dollar value — one row per transaction. */
export function cdnowSampleTransactions(): Transaction[] {
	return dataFile('cdnow/CDNOW_sample.txt')
		.trim()
		.split('\n')
		.map((line) => {
			const [, customerId, date, cds, dollars] = line.trim().split(/\s+/) as [string, string, string, string, string];
			return {
				customerId,
				occurredAt: Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8))),
				amount: Number(dollars),
				quantity: Number(cds)
			};
		});
}

/** The calibration used in the papers: 1997-01-01 … 1997-09-30, in weeks; the holdout runs to 1998-06-30. */
export const CDNOW_CALIBRATION_END = Date.UTC(1997, 8, 30);
export const CDNOW_HOLDOUT_END = Date.UTC(1998, 5, 30);

function csvRows(path: string): number[][] {
	return dataFile(path)
		.trim()
		.split('\n')
		.slice(1)
		.map((line) => line.split(',').map(Number));
}

/** cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T (weeks, 2 decimals), zbar. */
export function cdnowPublishedSummary(): { id: number; x: number; tx: number; T: number; zbar: number }[] {
	return csvRows('cdnow/cdnow_customers_summary_with_transactions.csv').map(([id, x, tx, T, zbar]) => ({ id: id!, x: x!, tx: tx!, T: T!, zbar: zbar! }));
}

/** cdnow_customers_summary.csv: ID, frequency, recency, T. */
export function cdnowFrequencySummary(): { id: number; x: number; tx: number; T: number }[] {
	return csvRows('cdnow/cdnow_customers_summary.csv').map(([id, x, tx, T]) => ({ id: id!, x: x!, tx: tx!, T: T! }));
}

/** btyd/sbg_paper.csv: customer_id, recency (year of churn; 8 = still active after year 7), T, cohort. */
export function sbgPaperCustomers(): { cohort: string; churnYear: number | null }[] {
	return dataFile('btyd/sbg_paper.csv')
		.trim()
		.split('\n')
		.slice(1)
		.map((line) => {
			const [, recency, , cohort] = line.split(',') as [string, string, string, string];
			const year = Number(recency);
			return { cohort: cohort.trim(), churnYear: year >= 8 ? null : year };
		});
}
