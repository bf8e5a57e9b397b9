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
import { runToEnd, type Stepwise } from '$lib/domain/stepwise';
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
 * A transaction log as columns: row i is a transaction of customer `customer[i]`, an index into
 * `customerIds` (external ids). Customers without rows may be listed.
 */
export interface TransactionLog {
	customer: Int32Array;
	/** Epoch milliseconds (UTC). */
	occurredAt: Float64Array;
	amount: Float64Array;
	/** Items; 1 when not known. */
	quantity: Float64Array;
	customerIds: readonly string[];
}

/** Rows between two yields of the stepwise summary. */
export const SUMMARY_STEP_ROWS = 50_000;

/**
 * Builds the per-customer summary. Streams: `transactions` may be any iterable (an array, a
 * generator over database rows), and is read once into compact columns rather than kept as
 * objects. The order of the result is the order in which customers first appear.
 */
export function summarizeTransactions(transactions: Iterable<Transaction>, options: SummaryOptions): CustomerSummary[] {
	return runToEnd(summarizeTransactionsInSteps(transactionLogOf(transactions), options));
}

/** The transactions as columns, customers numbered in the order they first appear. */
export function transactionLogOf(transactions: Iterable<Transaction>): TransactionLog {
	const initial = Array.isArray(transactions) ? Math.max(16, transactions.length) : 1024;
	const customerOf = new Column(new Int32Array(initial), (n) => new Int32Array(n));
	const atOf = new Column(new Float64Array(initial), (n) => new Float64Array(n));
	const amountOf = new Column(new Float64Array(initial), (n) => new Float64Array(n));
	const itemsOf = new Column(new Float64Array(initial), (n) => new Float64Array(n));
	const indexOf = new Map<string, number>();
	const ids: string[] = [];
	// Logs usually come customer by customer (ORDER BY customer, the demo generator): remembering
	// the last customer skips most map look-ups.
	let lastId: string | undefined;
	let lastIndex = -1;
	for (const t of transactions) {
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
		atOf.push(t.occurredAt);
		amountOf.push(t.amount);
		itemsOf.push(t.quantity ?? 1);
	}
	const rows = customerOf.length;
	return {
		customer: customerOf.data.subarray(0, rows),
		occurredAt: atOf.data.subarray(0, rows),
		amount: amountOf.data.subarray(0, rows),
		quantity: itemsOf.data.subarray(0, rows),
		customerIds: ids
	};
}

/** summarizeTransactionsInSteps's summaries with, for each, its customer's index in the log. */
export interface SummariesOfLog {
	summaries: CustomerSummary[];
	customers: Int32Array;
}

/** summarizeTransactions over a log, yielding every `stepRows` rows or so. */
export function* summarizeTransactionsInSteps(log: TransactionLog, options: SummaryOptions, stepRows = SUMMARY_STEP_ROWS): Stepwise<CustomerSummary[]> {
	return (yield* summarizeLogInSteps(log, options, stepRows)).summaries;
}

/**
 * The summary of a log, customers in the order they first appear in it (whatever its numbering),
 * yielding every `stepRows` rows or so.
 */
export function* summarizeLogInSteps(log: TransactionLog, options: SummaryOptions, stepRows = SUMMARY_STEP_ROWS): Stepwise<SummariesOfLog> {
	const unitDays = TIME_UNIT_DAYS[options.timeUnit];
	const calibrationEndDay = utcDay(options.calibrationEnd);
	// (utcDay inlined in the loop below: it runs once per transaction.)
	const holdoutEndDay = options.holdoutEnd === undefined ? null : utcDay(options.holdoutEnd);
	if (holdoutEndDay !== null && holdoutEndDay < calibrationEndDay) throw new RangeError('The holdout period must end after the calibration period');

	const rows = log.customer.length;
	// Customers renumbered in the order they first appear: the order of the result.
	const firstSeen = new Int32Array(log.customerIds.length).fill(-1);
	const logIndexOf: number[] = [];
	const customerOf = new Int32Array(rows);
	const days = new Int32Array(rows);
	for (let from = 0; from < rows; from += stepRows) {
		const to = Math.min(rows, from + stepRows);
		for (let i = from; i < to; i++) {
			const at = log.occurredAt[i]!;
			const amount = log.amount[i]!;
			const own = log.customer[i]!;
			if (!Number.isFinite(at) || !Number.isFinite(amount)) throw new RangeError(`Transaction of ${log.customerIds[own]} has a non-numeric date or amount`);
			let index = firstSeen[own]!;
			if (index < 0) index = firstSeen[own] = logIndexOf.push(own) - 1;
			customerOf[i] = index;
			days[i] = Math.floor(at / DAY_MS);
		}
		yield;
	}

	// Counting sort by customer: O(n), and each customer's transactions end up side by side.
	const customers = logIndexOf.length;
	const start = new Int32Array(customers + 1);
	for (let i = 0; i < rows; i++) start[customerOf[i]! + 1]!++;
	for (let c = 0; c < customers; c++) start[c + 1]! += start[c]!;
	yield;
	const next = start.slice(0, customers);
	const order = new Int32Array(rows);
	for (let i = 0; i < rows; i++) order[next[customerOf[i]!]!++] = i;
	yield;

	const result: CustomerSummary[] = [];
	const resultCustomers: number[] = [];
	const amounts = log.amount;
	const quantities = log.quantity;
	let stepEnd = stepRows;
	for (let c = 0; c < customers; c++) {
		const from = start[c]!;
		const to = start[c + 1]!;
		if (from >= stepEnd) {
			stepEnd = from + stepRows;
			yield;
		}
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
			dayAmount += amounts[row]!;
			revenue += amounts[row]!;
			items += quantities[row]!;
			if (day === firstDay) firstDayAmount += amounts[row]!;
		}
		revenueSquares += dayAmount * dayAmount;
		const x = purchaseDays - 1;
		resultCustomers.push(logIndexOf[c]!);
		result.push({
			customerId: log.customerIds[logIndexOf[c]!]!,
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
	return { summaries: result, customers: Int32Array.from(resultCustomers) };
}
