import * as Y from 'yjs';
import type { Missing } from './update-shape';

interface Waiting {
	update: Uint8Array;
	missing: Missing;
	since: number;
}

/**
 * Updates one connection sent before what they build on arrived (e.g. a client that types
 * while its own sync step 2 is still on its way). Held here, outside the document and never
 * merged: Yjs would keep them as pending structs and merge every later update into that set,
 * which one client can make cost seconds per update for everyone. Bounded in count and bytes.
 */
export class WaitingUpdates {
	#entries: Waiting[] = [];
	#bytes = 0;

	constructor(private readonly limits: { maxUpdates: number; maxBytes: number }) {}

	get size(): number {
		return this.#entries.length;
	}

	/** When the longest-waiting update arrived; null when nothing waits. */
	get oldestSince(): number | null {
		let oldest: number | null = null;
		for (const entry of this.#entries) if (oldest === null || entry.since < oldest) oldest = entry.since;
		return oldest;
	}

	/** False, holding nothing, when this update would pass the bound. */
	hold(update: Uint8Array, missing: Missing, since = Date.now()): boolean {
		if (this.#entries.length + 1 > this.limits.maxUpdates) return false;
		if (this.#bytes + update.byteLength > this.limits.maxBytes) return false;
		this.#entries.push({ update, missing, since });
		this.#bytes += update.byteLength;
		return true;
	}

	/** Removes and returns the first update whose missing predecessor `doc` now holds. */
	takeReady(doc: Y.Doc): Waiting | null {
		const index = this.#entries.findIndex(
			({ missing }) => Y.getState(doc.store, missing.client) > missing.clock
		);
		if (index < 0) return null;
		const [entry] = this.#entries.splice(index, 1);
		this.#bytes -= entry!.update.byteLength;
		return entry!;
	}

	clear(): void {
		this.#entries = [];
		this.#bytes = 0;
	}
}
