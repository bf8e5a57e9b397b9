import { runToEnd, type Stepwise } from '$lib/domain/stepwise';

/*
 * Who bought in a period, and who bought again in it (behavioural loyalty over one period): a
 * repeat buyer bought on at least two different UTC days of the period, as the repeat purchase
 * days of the summaries count them.
 */

const DAY_MS = 86_400_000;
const STEP_ROWS = 65_536;

export interface PeriodActivity {
	/** Customers (by the columns' numbering) with a purchase in the period. */
	customers: number[];
	repeatBuyers: number;
	/** repeatBuyers / customers, 0–1; NaN without customers. */
	repeatPurchaseRate: number;
}

/** Columns as the transaction reads give them: each row's customer (dense index) and epoch ms. */
export interface PurchaseColumns {
	customer: Int32Array;
	occurredAt: Float64Array;
}

/** `include`: 1 for the customers to count (null = all). */
export function* periodActivityInSteps(
	columns: PurchaseColumns,
	customerCount: number,
	from: number,
	to: number,
	include: Uint8Array | null = null
): Stepwise<PeriodActivity> {
	// The first purchase day seen in the period; any other day makes a repeat buyer (order-free).
	const firstDay = new Float64Array(customerCount).fill(Number.NaN);
	const repeat = new Uint8Array(customerCount);
	for (let start = 0; start < columns.customer.length; start += STEP_ROWS) {
		const end = Math.min(start + STEP_ROWS, columns.customer.length);
		for (let row = start; row < end; row++) {
			const at = columns.occurredAt[row]!;
			if (at < from || at > to) continue;
			const customer = columns.customer[row]!;
			if (include && !include[customer]) continue;
			const purchaseDay = Math.floor(at / DAY_MS);
			const first = firstDay[customer]!;
			if (Number.isNaN(first)) firstDay[customer] = purchaseDay;
			else if (first !== purchaseDay) repeat[customer] = 1;
		}
		yield;
	}
	const customers: number[] = [];
	let repeatBuyers = 0;
	for (let customer = 0; customer < customerCount; customer++) {
		if (Number.isNaN(firstDay[customer]!)) continue;
		customers.push(customer);
		repeatBuyers += repeat[customer]!;
	}
	return { customers, repeatBuyers, repeatPurchaseRate: customers.length > 0 ? repeatBuyers / customers.length : Number.NaN };
}

export const periodActivity = (columns: PurchaseColumns, customerCount: number, from: number, to: number, include: Uint8Array | null = null): PeriodActivity =>
	runToEnd(periodActivityInSteps(columns, customerCount, from, to, include));
