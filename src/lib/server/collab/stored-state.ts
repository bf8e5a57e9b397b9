import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { config } from '../config';
import { containerDepths, createdDepth, StructIndex, type Struct } from './decoded-shape';
import { deepestNesting } from './update-shape';

/**
 * Stored state that may predate the depth limit: types nested deeper than `maxDepth` (and all
 * they hold) become garbage-collected structs of the same length, so every clock stays
 * accounted for and everything else loads as it was. Yjs then drops whatever lived inside.
 * Returns the update unchanged when nothing is too deep.
 */
export function pruneOverDeep(update: Uint8Array, maxDepth: number): { update: Uint8Array; pruned: number } {
	// Nearly always nothing is too deep, and the scan tells without building every struct; the
	// decoded structs are needed only to rewrite them (and to throw on bytes that do not read).
	const deepest = deepestNesting(update, maxDepth);
	if (deepest !== null && deepest <= maxDepth) return { update, pruned: 0 };
	const { structs, ds } = Y.decodeUpdate(update) as {
		structs: Struct[];
		ds: { clients: Map<number, Array<{ clock: number; len: number }>> };
	};
	const depths = containerDepths(structs, null, maxDepth);
	const tooDeep = (struct: Struct) =>
		(depths.get(struct) ?? 0) > maxDepth || (createdDepth(struct, depths) ?? 0) > maxDepth;
	const pruned = structs.filter(tooDeep).length;
	if (!pruned) return { update, pruned };

	const encoder = new Y.UpdateEncoderV1();
	const clients = [...new StructIndex(structs).byClient].sort((a, b) => b[0] - a[0]);
	encoding.writeVarUint(encoder.restEncoder, clients.length);
	for (const [client, list] of clients) {
		encoding.writeVarUint(encoder.restEncoder, list.length);
		encoder.writeClient(client);
		encoding.writeVarUint(encoder.restEncoder, list[0]!.id.clock);
		for (const struct of list) (tooDeep(struct) ? new Y.GC(struct.id, struct.length) : struct).write(encoder, 0);
	}
	encoding.writeVarUint(encoder.restEncoder, ds.clients.size);
	for (const [client, ranges] of ds.clients) {
		encoder.resetDsCurVal();
		encoding.writeVarUint(encoder.restEncoder, client);
		encoding.writeVarUint(encoder.restEncoder, ranges.length);
		for (const range of ranges) {
			encoder.writeDsClock(range.clock);
			encoder.writeDsLen(range.len);
		}
	}
	return { update: encoder.toUint8Array(), pruned };
}

/**
 * Applies stored updates (a document's log, or a version's state) to `doc` as one, without
 * anything nested deeper than the collaboration server accepts.
 */
export function applyStoredState(doc: Y.Doc, stored: Uint8Array[], label: string, origin?: unknown): void {
	if (!stored.length) return;
	const merged = stored.length === 1 ? stored[0]! : Y.mergeUpdates(stored);
	const { update, pruned } = pruneOverDeep(merged, config.collab.maxDepth);
	if (pruned) console.warn(`[collab] ${label}: left out ${pruned} structs nested deeper than ${config.collab.maxDepth}`);
	Y.applyUpdate(doc, update, origin);
}
