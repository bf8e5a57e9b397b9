/**
 * The event log sorted once by customer, then time, so every funnel question afterwards (another
 * cut, another window, another board) is one forward walk over contiguous memory per customer
 * instead of a sort. Build it once per dataset version and keep it.
 */
import type { EventLog } from './types';

export interface IndexedEventLog extends EventLog {
	/** Brand, so computeFunnel can tell an indexed log from a raw one without guessing. */
	readonly indexed: true;
	/**
	 * Events of customer c are rows customerStart[c] … customerStart[c + 1] − 1, ordered by time;
	 * events at the same ms by type code, then channel code, so the result never depends on the
	 * order rows arrived in.
	 */
	customerStart: Int32Array;
	eventCount: number;
	/** The most events one customer has: sizes scratch space in the walk. */
	maxEventsPerCustomer: number;
	/** Per customer: 1 when two of their events share a millisecond (the walk's slower, tie-aware path). */
	hasTies: Uint8Array;
	/** Events per type code: what the step-binding picker shows beside each type. */
	typeCounts: Int32Array;
}

export const isIndexed = (log: EventLog | IndexedEventLog): log is IndexedEventLog =>
	(log as Partial<IndexedEventLog>).indexed === true;

/** Refuses a malformed log here, where the row is known, rather than returning silently wrong counts later. */
function checkShape(log: EventLog): void {
	const n = log.customer.length;
	if (log.at.length !== n || log.type.length !== n || log.channel.length !== n)
		throw new RangeError(`event log columns differ in length: customer ${n}, at ${log.at.length}, type ${log.type.length}, channel ${log.channel.length}`);
	if (!Number.isInteger(log.customerCount) || log.customerCount < 0) throw new RangeError(`customerCount must be a whole number ≥ 0, got ${log.customerCount}`);
}

function checkRows(log: EventLog, from: number, to: number): void {
	const customers = log.customerCount;
	const types = log.eventTypes.length;
	const channels = log.channels.length;
	for (let i = from; i < to; i++) {
		const c = log.customer[i]!;
		const t = log.type[i]!;
		const ch = log.channel[i]!;
		if (c < 0 || c >= customers) throw new RangeError(`event ${i}: customer ${c} outside 0…${customers - 1}`);
		if (t < 0 || t >= types) throw new RangeError(`event ${i}: type ${t} outside 0…${types - 1}`);
		if (ch < -1 || ch >= channels) throw new RangeError(`event ${i}: channel ${ch} outside −1…${channels - 1}`);
		if (!Number.isFinite(log.at[i]!)) throw new RangeError(`event ${i}: time ${log.at[i]} is not a finite epoch ms`);
	}
}

/** (at, type, channel) of row a comes before that of row b. */
const before = (at: Float64Array, type: Int32Array, channel: Int32Array, a: number, b: number): boolean =>
	at[a]! < at[b]! || (at[a] === at[b] && (type[a]! < type[b]! || (type[a] === type[b] && channel[a]! < channel[b]!)));

/** Segments this short sort fastest by insertion, in place across the three columns. */
const INSERTION_LIMIT = 48;

function insertionSort(at: Float64Array, type: Int32Array, channel: Int32Array, start: number, end: number): void {
	for (let i = start + 1; i < end; i++) {
		const t = at[i]!;
		const ty = type[i]!;
		const ch = channel[i]!;
		let j = i - 1;
		while (j >= start && (at[j]! > t || (at[j] === t && (type[j]! > ty || (type[j] === ty && channel[j]! > ch))))) {
			at[j + 1] = at[j]!;
			type[j + 1] = type[j]!;
			channel[j + 1] = channel[j]!;
			j--;
		}
		at[j + 1] = t;
		type[j + 1] = ty;
		channel[j + 1] = ch;
	}
}

/** Long segments (heavy customers) through a comparison sort of positions, then one permutation. */
function permutationSort(at: Float64Array, type: Int32Array, channel: Int32Array, start: number, end: number): void {
	const length = end - start;
	const order = new Int32Array(length);
	for (let k = 0; k < length; k++) order[k] = start + k;
	order.sort((a, b) => (before(at, type, channel, a, b) ? -1 : before(at, type, channel, b, a) ? 1 : 0));
	const at2 = new Float64Array(length);
	const type2 = new Int32Array(length);
	const channel2 = new Int32Array(length);
	for (let k = 0; k < length; k++) {
		const row = order[k]!;
		at2[k] = at[row]!;
		type2[k] = type[row]!;
		channel2[k] = channel[row]!;
	}
	at.set(at2, start);
	type.set(type2, start);
	channel.set(channel2, start);
}

/**
 * Sorts the log by customer (counting sort: linear, and customers are dense) and then by time
 * within each customer. Copies the columns; the input is left as it was.
 */
export function indexEventLog(log: EventLog | IndexedEventLog): IndexedEventLog {
	const steps = indexEventLogInSteps(log, Infinity);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/** Rows a step of indexEventLogInSteps handles: a few ms of a server's time, also when other processes share its cores. */
export const INDEX_STEP_ROWS = 25_000;

/**
 * indexEventLog in steps of about `rowsPerStep` rows: the server lets other requests in between
 * (five million events take over a second to index).
 */
export function* indexEventLogInSteps(log: EventLog | IndexedEventLog, rowsPerStep = INDEX_STEP_ROWS): Generator<void, IndexedEventLog, void> {
	if (isIndexed(log)) return log;
	checkShape(log);
	const n = log.customer.length;
	for (let from = 0; from < n; from += rowsPerStep) {
		checkRows(log, from, Math.min(n, from + rowsPerStep));
		yield;
	}
	const customers = log.customerCount;
	const customerStart = new Int32Array(customers + 1);
	for (let i = 0; i < n; i++) customerStart[log.customer[i]! + 1]!++;
	let maxEventsPerCustomer = 0;
	for (let c = 0; c < customers; c++) {
		maxEventsPerCustomer = Math.max(maxEventsPerCustomer, customerStart[c + 1]!);
		customerStart[c + 1]! += customerStart[c]!;
	}
	yield;
	const next = customerStart.slice(0, customers);
	const customer = new Int32Array(n);
	const at = new Float64Array(n);
	const type = new Int32Array(n);
	const channel = new Int32Array(n);
	const typeCounts = new Int32Array(log.eventTypes.length);
	for (let from = 0; from < n; from += rowsPerStep) {
		const to = Math.min(n, from + rowsPerStep);
		for (let i = from; i < to; i++) {
			const c = log.customer[i]!;
			const row = next[c]!++;
			customer[row] = c;
			at[row] = log.at[i]!;
			type[row] = log.type[i]!;
			channel[row] = log.channel[i]!;
			typeCounts[log.type[i]!]!++;
		}
		yield;
	}
	const hasTies = new Uint8Array(customers);
	let sinceStep = 0;
	for (let c = 0; c < customers; c++) {
		const start = customerStart[c]!;
		const end = customerStart[c + 1]!;
		if (end - start <= INSERTION_LIMIT) insertionSort(at, type, channel, start, end);
		else permutationSort(at, type, channel, start, end);
		for (let i = start + 1; i < end; i++) {
			if (at[i] === at[i - 1]) {
				hasTies[c] = 1;
				break;
			}
		}
		sinceStep += end - start;
		if (sinceStep >= rowsPerStep) {
			sinceStep = 0;
			yield;
		}
	}
	return {
		indexed: true,
		customer,
		at,
		type,
		channel,
		eventTypes: log.eventTypes,
		channels: log.channels,
		customerCount: customers,
		customerStart,
		eventCount: n,
		maxEventsPerCustomer,
		hasTies,
		typeCounts
	};
}
