/**
 * Every survey figure comes with its n, and a figure on too few respondents is flagged rather than
 * shown as if it were solid.
 */

/** Default minimum number of respondents before a figure is considered reliable. */
export const DEFAULT_MINIMUM_RESPONDENTS = 30;

export interface RespondentOptions {
	/** Figures on fewer respondents get lowN = true. Default 30. */
	minimumRespondents?: number;
}

export const isLowN = (n: number, options: RespondentOptions = {}): boolean => n < (options.minimumRespondents ?? DEFAULT_MINIMUM_RESPONDENTS);

/** Checks survey scores are whole numbers on the scale: a 0–10 answer in a 1–5 question is a data error, not a score. */
export function checkScores(scores: readonly number[], min: number, max: number, label: string): void {
	for (const s of scores) {
		if (!(Number.isInteger(s) && s >= min && s <= max)) throw new RangeError(`${label} scores must be whole numbers from ${min} to ${max}, got ${s}`);
	}
}

export interface Grouped<T> {
	key: string;
	result: T;
}

/**
 * Computes a figure per group (channel, journey step, month, customer group…): groups sorted by
 * key, so output order never depends on input order.
 */
export function byGroup<Row, T>(rows: readonly Row[], keyOf: (row: Row) => string, figure: (rows: Row[]) => T): Grouped<T>[] {
	const groups = new Map<string, Row[]>();
	for (const row of rows) {
		const key = keyOf(row);
		let list = groups.get(key);
		if (!list) groups.set(key, (list = []));
		list.push(row);
	}
	return [...groups.keys()].sort().map((key) => ({ key, result: figure(groups.get(key)!) }));
}
