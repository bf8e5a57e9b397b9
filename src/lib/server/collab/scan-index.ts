import { SKIP, type ScannedUpdate } from './update-scan';

/*
 * Lookups by ID into a scanned update, as decoded-shape.ts's StructIndex does over decoded
 * structs: same order (clients as they first appear, each client's structs by clock, a stable
 * sort), same binary search, so both find the same struct even in an update that lists a
 * client twice with overlapping clocks.
 */

/** The scanned structs by client, ordered by clock (stable), for lookups by ID. */
export class ScanIndex {
	/** Client → [from, to) positions of its structs in clock order, clients as they first appear. */
	readonly byClient = new Map<number, [number, number]>();
	/** Struct at each position; null when that is the update's own order (each client sent once). */
	readonly order: Uint32Array | null = null;

	constructor(readonly scan: ScannedUpdate) {
		const runs = scan.runs;
		let repeated = false;
		for (let r = 0; r < runs.length; r += 3) {
			const [client, first, count] = [runs[r]!, runs[r + 1]!, runs[r + 2]!];
			if (!count) continue;
			if (this.byClient.has(client)) repeated = true;
			else this.byClient.set(client, [first, first + count]);
		}
		// Within one client's run clocks only grow; a client sent twice needs merging.
		if (!repeated) return;
		const lists = new Map<number, number[]>();
		for (let r = 0; r < runs.length; r += 3) {
			const [client, first, count] = [runs[r]!, runs[r + 1]!, runs[r + 2]!];
			if (!count) continue;
			let list = lists.get(client);
			if (!list) lists.set(client, (list = []));
			for (let i = first; i < first + count; i++) list.push(i);
		}
		const order = new Uint32Array(scan.count);
		let at = 0;
		for (const [client, list] of lists) {
			list.sort((a, b) => scan.clock[a]! - scan.clock[b]!);
			this.byClient.set(client, [at, at + list.length]);
			order.set(list, at);
			at += list.length;
		}
		this.order = order;
	}

	at(position: number): number {
		return this.order ? this.order[position]! : position;
	}

	// Lookups come in runs for one client; client IDs above 2^30 make slow Map keys.
	#lastClient = NaN;
	#lastRange: [number, number] | undefined;

	/** The struct of this update that contains (client, clock), or -1; skips hold nothing. */
	find(client: number, clock: number): number {
		if (client !== this.#lastClient) {
			this.#lastClient = client;
			this.#lastRange = this.byClient.get(client);
		}
		const range = this.#lastRange;
		if (!range) return -1;
		const { clock: clocks, length } = this.scan;
		let low = range[0];
		let high = range[1] - 1;
		while (low <= high) {
			const middle = (low + high) >> 1;
			const i = this.at(middle);
			if (clock < clocks[i]!) high = middle - 1;
			else if (clock >= clocks[i]! + length[i]!) low = middle + 1;
			else return this.scan.kind[i] === SKIP ? -1 : i;
		}
		return -1;
	}
}
