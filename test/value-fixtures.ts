import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/* Customer-value fixtures shared by the integration and end-to-end tests. */

/**
 * What a new user imports to try Waymark: 30 customers and 120 purchases spread evenly over 2025
 * (a CSV with customer_id, date, amount). Far too few repeat buyers for BG/NBD and Gamma-Gamma.
 */
export function tinyShopCsv(): string {
	const rows = ['customer_id,date,amount'];
	for (let i = 0; i < 120; i++) {
		const customer = i < 30 ? i : (i * 7) % 30;
		const day = new Date(Date.UTC(2025, 0, 1) + ((i * 97) % 365) * 86_400_000).toISOString().slice(0, 10);
		rows.push(`c${customer},${day},${20 + ((i * 37) % 100)}`);
	}
	return rows.join('\n');
}

/** The published CDNOW sample, beside the checkout or in the workplace's shared folder. */
const besideCheckout = fileURLToPath(new URL('../../shared/data/cdnow/CDNOW_sample.txt', import.meta.url));
const CDNOW = existsSync(besideCheckout) ? besideCheckout : '/work/shared/data/cdnow/CDNOW_sample.txt';

/** The CDNOW sample as a CSV with a gross margin on every transaction but each tenth (a quarter of the amount, in money). */
export function cdnowWithMargin(): { csv: string; share: number; withMargin: number; rows: number } {
	let amount = 0;
	let margin = 0;
	let withMargin = 0;
	const rows = ['customer_id,date,quantity,amount,margin'];
	readFileSync(CDNOW, 'utf8')
		.trim()
		.split('\n')
		.forEach((line, i) => {
			const [, id, date, cds, dollars] = line.trim().split(/\s+/) as [string, string, string, string, string];
			const value = Number(dollars);
			const rowMargin = i % 10 === 9 ? '' : (Math.round(value * 25) / 100).toFixed(2);
			if (rowMargin !== '') {
				withMargin++;
				amount += value;
				margin += Number(rowMargin);
			}
			rows.push(`${id},${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)},${cds},${dollars},${rowMargin}`);
		});
	return { csv: rows.join('\n'), share: margin / amount, withMargin, rows: rows.length - 1 };
}
