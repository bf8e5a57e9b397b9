/**
 * The gross margin a customer base's own transactions show: Σ margin / Σ amount over the
 * transactions that carry a margin (money: the amount minus the cost of goods). A share outside
 * [−1, 1] means the column is not money of the same kind as the amount (a percentage, say), and
 * is not used.
 */

export interface DataMargin {
	/** Σ margin / Σ amount over the transactions with a margin. */
	share: number;
	/** Transactions with a margin. */
	transactions: number;
	/** All transactions counted. */
	ofTransactions: number;
	/** The share is between −1 and 1 (and the amounts add up to more than 0). */
	plausible: boolean;
}

/** Adds up transactions one at a time (they stream from the database once, for the summary too). */
export class MarginTally {
	#amount = 0;
	#margin = 0;
	#with = 0;
	#all = 0;

	add(amount: number, margin: number | null | undefined): void {
		this.#all++;
		if (margin === null || margin === undefined || !Number.isFinite(margin)) return;
		this.#with++;
		this.#amount += amount;
		this.#margin += margin;
	}

	/** Null when no transaction carried a margin. */
	result(): DataMargin | null {
		if (this.#with === 0) return null;
		const share = this.#amount > 0 ? this.#margin / this.#amount : Number.NaN;
		return { share, transactions: this.#with, ofTransactions: this.#all, plausible: share >= -1 && share <= 1 };
	}
}
