/**
 * What the step-binding picker shows beside each event type: how many events and customers it
 * has, and on which channels — counted from the indexed log the funnel walks anyway, so the
 * question costs one pass over memory rather than a GROUP BY over every event on the server's
 * thread.
 */
import type { IndexedEventLog } from './event-index';

export interface EventTypeFigures {
	eventType: string;
	events: number;
	/** Distinct customers with at least one event of the type. */
	customers: number;
	/** Events per channel ("" = not recorded), most first (then by name). */
	channels: { channel: string; events: number }[];
}

/** Rows counted between pauses: a few milliseconds of work, so millions of events never hold a thread long. */
const ROWS_PER_STEP = 200_000;

/** Event types with events, most events first (then by id). */
export function eventTypeFigures(log: IndexedEventLog): EventTypeFigures[] {
	const steps = countEventTypes(log);
	for (;;) {
		const next = steps.next();
		if (next.done) return next.value;
	}
}

/**
 * The same, as steps: the generator pauses after every ROWS_PER_STEP rows, so a caller on the
 * server's thread can let other requests run in between.
 */
export function* countEventTypes(log: IndexedEventLog): Generator<void, EventTypeFigures[], void> {
	const types = log.eventTypes.length;
	const slots = log.channels.length + 1;
	const customers = new Int32Array(types);
	// Rows are grouped by customer: a type's customer is new when it differs from the last one seen.
	const lastCustomer = new Int32Array(types).fill(-1);
	const byChannel = new Int32Array(types * slots);
	let sincePause = 0;
	for (let c = 0; c < log.customerCount; c++) {
		const end = log.customerStart[c + 1]!;
		sincePause += end - log.customerStart[c]!;
		if (sincePause >= ROWS_PER_STEP) {
			sincePause = 0;
			yield;
		}
		for (let i = log.customerStart[c]!; i < end; i++) {
			const t = log.type[i]!;
			if (lastCustomer[t] !== c) {
				lastCustomer[t] = c;
				customers[t]!++;
			}
			byChannel[t * slots + log.channel[i]! + 1]!++;
		}
	}
	const figures: EventTypeFigures[] = [];
	for (let t = 0; t < types; t++) {
		if (log.typeCounts[t] === 0) continue;
		const channels: { channel: string; events: number }[] = [];
		for (let s = 0; s < slots; s++) {
			const events = byChannel[t * slots + s]!;
			if (events > 0) channels.push({ channel: s === 0 ? '' : log.channels[s - 1]!, events });
		}
		channels.sort((a, b) => b.events - a.events || (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0));
		figures.push({ eventType: log.eventTypes[t]!, events: log.typeCounts[t]!, customers: customers[t]!, channels });
	}
	return figures.sort((a, b) => b.events - a.events || (a.eventType < b.eventType ? -1 : a.eventType > b.eventType ? 1 : 0));
}
