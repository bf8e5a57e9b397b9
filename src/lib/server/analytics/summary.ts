/**
 * Turns a transaction log into the per-customer statistics the customer-base models need, by the
 * convention of Fader, Hardie & Lee (2005) and the BTYD/lifetimes packages:
 * - all transactions of a customer on one UTC calendar day count as one purchase (their amounts
 *   and items added up);
 * - x is the number of repeat purchase days in the calibration period (the first day is the
 *   customer's acquisition, not a repeat);
 * - t_x is the time from the first to the last purchase day, T the time from the first purchase
 *   day to the calibration end day, both in the chosen time unit;
 * - the monetary value is the mean of the repeat purchase days' amounts (Gamma-Gamma is fitted on
 *   repeat purchases only), 0 for a customer without repeats.
 * Customers whose first purchase is after the calibration end are not in the calibration data
 * and are left out.
 */
import { DAY_MS, TIME_UNIT_DAYS, utcDay, type TimeUnit } from './time-unit';

export interface Transaction {
	customerId: string;
	/** Epoch milliseconds (UTC). */
	occurredAt: number;
	/** Amount spent (a currency; the models do not care which, but do not mix them). */
	amount: number;
	/** Items bought in the transaction; 1 when not known. */
	quantity?: number;
}

export interface SummaryOptions {
	/** Epoch ms of any moment on the last calibration day: transactions on that UTC day are included. */
	calibrationEnd: number;
	timeUnit: TimeUnit;
	/** Epoch ms of any moment on the last holdout day; purchase days after calibration up to it are counted. */
	holdoutEnd?: number;
}

export interface CustomerSummary {
	customerId: string;
	/** Repeat purchase days in calibration. */
	x: number;
	/** First to last purchase day, in time units. */
	tx: number;
	/** First purchase day to calibration end day, in time units. */
	T: number;
	/** Mean amount of the repeat purchase days; 0 when x = 0. */
	monetaryValue: number;
	/** Epoch ms of the start (00:00 UTC) of the first purchase day. */
	firstPurchaseAt: number;
	/** Purchase days in calibration, the first included (x + 1). */
	purchaseDays: number;
	/** Amount over all calibration purchase days, the first included. */
	revenue: number;
	/** Sum of the squared amounts of the calibration purchase days (for the spread of a customer's spend). */
	revenueSquares: number;
	/** Items over all calibration purchase days. */
	items: number;
	/** Purchase days after calibration end up to the holdout end; null without a holdout period. */
	holdoutPurchaseDays: number | null;
}

/** A growable column of numbers, so an iterable of unknown length streams into typed arrays. */
class Column<A extends Float64Array | Int32Array> {
	length = 0;
	constructor(
		public data: A,
		private readonly make: (size: number) => A
	) {}
	push(value: number) {
		if (this.length === this.data.length) {
			const bigger = this.make(this.data.length * 2);
			bigger.set(this.data);
			this.data = bigger;
		}
		this.data[this.length++] = value;
	}
}

/**
 * Builds the per-customer summary. Streams: `transactions` may be any iterable (an array, a
 * generator over database rows), and is read once into compact columns rather than kept as
 * objects. The order of the result is the order in which customers first appear.
 */
export function summarizeTransactions(transactions: Iterable<Transaction>, options: SummaryOptions): CustomerSummary[] {
	const unitDays = TIME_UNIT_DAYS[options.timeUnit];
	const calibrationEndDay = utcDay(options.calibrationEnd);
	// (utcDay inlined in the loop below: it runs once per transaction.)
	const holdoutEndDay = options.holdoutEnd === undefined ? null : utcDay(options.holdoutEnd);
	if (holdoutEndDay !== null && holdoutEndDay < calibrationEndDay) throw new RangeError('The holdout period must end after the calibration period');

	const initial = Array.isArray(transactions) ? Math.max(16, transactions.length) : 1024;
	const customerOf = new Column(new Int32Array(initial), (n) => new Int32Array(n));
	const dayOf = new Column(new Int32Array(initial), (n) => new Int32Array(n));
	const amountOf = new Column(new Float64Array(initial), (n) => new Float64Array(n));
	const itemsOf = new Column(new Float64Array(initial), (n) => new Float64Array(n));
	const indexOf = new Map<string, number>();
	const ids: string[] = [];
	// Logs usually come customer by customer (ORDER BY customer, the demo generator): remembering
	// the last customer skips most map look-ups.
	let lastId: string | undefined;
	let lastIndex = -1;
	for (const t of transactions) {
		if (!Number.isFinite(t.occurredAt) || !Number.isFinite(t.amount)) throw new RangeError(`Transaction of ${t.customerId} has a non-numeric date or amount`);
		if (t.customerId !== lastId) {
			let index = indexOf.get(t.customerId);
			if (index === undefined) {
				index = ids.length;
				indexOf.set(t.customerId, index);
				ids.push(t.customerId);
			}
			lastId = t.customerId;
			lastIndex = index;
		}
		customerOf.push(lastIndex);
		dayOf.push(Math.floor(t.occurredAt / DAY_MS));
		amountOf.push(t.amount);
		itemsOf.push(t.quantity ?? 1);
	}

	// Counting sort by customer: O(n), and each customer's transactions end up side by side.
	const customers = ids.length;
	const rows = customerOf.length;
	const start = new Int32Array(customers + 1);
	for (let i = 0; i < rows; i++) start[customerOf.data[i]! + 1]!++;
	for (let c = 0; c < customers; c++) start[c + 1]! += start[c]!;
	const next = start.slice(0, customers);
	const order = new Int32Array(rows);
	for (let i = 0; i < rows; i++) order[next[customerOf.data[i]!]!++] = i;

	const result: CustomerSummary[] = [];
	const days = dayOf.data;
	for (let c = 0; c < customers; c++) {
		const from = start[c]!;
		const to = start[c + 1]!;
		// Insertion sort by day: a customer has few transactions, usually already in order.
		for (let i = from + 1; i < to; i++) {
			const row = order[i]!;
			let j = i - 1;
			while (j >= from && days[order[j]!]! > days[row]!) {
				order[j + 1] = order[j]!;
				j--;
			}
			order[j + 1] = row;
		}
		const firstDay = days[order[from]!]!;
		if (firstDay > calibrationEndDay) continue;

		let purchaseDays = 0;
		let lastDay = firstDay;
		let revenue = 0;
		let items = 0;
		let firstDayAmount = 0;
		let revenueSquares = 0;
		let dayAmount = 0;
		let holdoutPurchaseDays = 0;
		let previousDay = Number.NaN;
		for (let i = from; i < to; i++) {
			const row = order[i]!;
			const day = days[row]!;
			if (day > calibrationEndDay) {
				if (holdoutEndDay !== null && day <= holdoutEndDay && day !== previousDay) holdoutPurchaseDays++;
				previousDay = day;
				continue;
			}
			if (day !== previousDay) {
				purchaseDays++;
				revenueSquares += dayAmount * dayAmount;
				dayAmount = 0;
			}
			previousDay = day;
			lastDay = day;
			dayAmount += amountOf.data[row]!;
			revenue += amountOf.data[row]!;
			items += itemsOf.data[row]!;
			if (day === firstDay) firstDayAmount += amountOf.data[row]!;
		}
		revenueSquares += dayAmount * dayAmount;
		const x = purchaseDays - 1;
		result.push({
			customerId: ids[c]!,
			x,
			tx: (lastDay - firstDay) / unitDays,
			T: (calibrationEndDay - firstDay) / unitDays,
			monetaryValue: x > 0 ? (revenue - firstDayAmount) / x : 0,
			firstPurchaseAt: firstDay * DAY_MS,
			purchaseDays,
			revenue,
			revenueSquares,
			items,
			holdoutPurchaseDays: holdoutEndDay === null ? null : holdoutPurchaseDays
		});
	}
	return result;
}
