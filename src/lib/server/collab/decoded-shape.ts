import * as Y from 'yjs';
import { depthInDoc, docItem } from './doc-depth';
import type { Missing, ShapeLimits, UpdateShape } from './update-shape';

/*
 * The shape of an update judged on its decoded structs (Y.decodeUpdate: a Y.Item per struct,
 * a new Y.Map/Y.Array per type content). Too slow for the server's thread on every incoming
 * update — update-shape.ts judges those from the bytes — but stored state is rewritten here
 * (pruneOverDeep needs the structs to re-encode them), once per room load, and the tests
 * hold the scanner's verdicts against `inspectDecoded`.
 */

export type Struct = Y.Item | Y.GC | Y.Skip;

/** The struct holds no content anywhere (garbage collected, skipped, or its parent is gone). */
const NOWHERE = -1;

/** The structs of one update by client, ordered by clock, for lookups by ID. */
export class StructIndex {
	readonly byClient = new Map<number, Struct[]>();

	constructor(structs: Struct[]) {
		for (const struct of structs) {
			let list = this.byClient.get(struct.id.client);
			if (!list) this.byClient.set(struct.id.client, (list = []));
			list.push(struct);
		}
		for (const list of this.byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
	}

	/** The struct of this update that contains `id`; skips hold nothing. */
	find(id: Y.ID): Struct | undefined {
		const list = this.byClient.get(id.client);
		if (!list) return undefined;
		let low = 0;
		let high = list.length - 1;
		while (low <= high) {
			const middle = (low + high) >> 1;
			const struct = list[middle]!;
			if (id.clock < struct.id.clock) high = middle - 1;
			else if (id.clock >= struct.id.clock + struct.length) low = middle + 1;
			else return struct instanceof Y.Skip ? undefined : struct;
		}
		return undefined;
	}
}

/**
 * For every struct of an update, the depth of the type it lives in (0: a top-level type),
 * resolving parents through the update itself and through `doc`, without recursion: a list
 * of a million items is a chain of a million origins.
 */
export function containerDepths(structs: Struct[], doc: Y.Doc | null, cap: number): Map<Struct, number> {
	const index = new StructIndex(structs);
	const depths = new Map<Struct, number>();

	// Either the answer, or the struct whose answer (plus `nested`) is this one's.
	const step = (struct: Struct): number | { on: Struct; nested: 0 | 1 } => {
		if (!(struct instanceof Y.Item)) return NOWHERE;
		const parent = struct.parent as unknown;
		if (typeof parent === 'string') return 0;
		if (parent instanceof Y.ID) {
			const inUpdate = index.find(parent);
			if (inUpdate) {
				const isType = inUpdate instanceof Y.Item && inUpdate.content instanceof Y.ContentType;
				return isType && inUpdate.id.clock === parent.clock ? { on: inUpdate, nested: 1 } : NOWHERE;
			}
			const item = docItem(doc, parent.client, parent.clock);
			return item instanceof Y.Item && item.content instanceof Y.ContentType
				? depthInDoc(item.content.type, cap)
				: NOWHERE;
		}
		// Neither parent nor key written: it lives where its left (or right) neighbour lives.
		const neighbour = struct.origin ?? struct.rightOrigin;
		if (!neighbour) return NOWHERE;
		const inUpdate = index.find(neighbour);
		if (inUpdate) return { on: inUpdate, nested: 0 };
		const item = docItem(doc, neighbour.client, neighbour.clock);
		return item instanceof Y.Item ? depthInDoc(item.parent as Y.AbstractType<unknown>, cap) : NOWHERE;
	};

	const visiting = new Set<Struct>();
	for (const start of structs) {
		if (depths.has(start)) continue;
		const stack: Struct[] = [start];
		visiting.add(start);
		while (stack.length) {
			const struct = stack[stack.length - 1]!;
			const next = step(struct);
			let depth: number | undefined;
			if (typeof next === 'number') depth = next;
			else {
				const known = depths.get(next.on);
				if (known !== undefined) depth = known === NOWHERE ? NOWHERE : known + next.nested;
				// A cycle of references: Yjs could never place these either.
				else if (visiting.has(next.on)) depth = NOWHERE;
				else {
					visiting.add(next.on);
					stack.push(next.on);
					continue;
				}
			}
			depths.set(struct, depth);
			visiting.delete(struct);
			stack.pop();
		}
	}
	return depths;
}

/** Depth of the type a struct creates, if it creates one. */
export function createdDepth(struct: Struct, depths: Map<Struct, number>): number | null {
	if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) return null;
	const container = depths.get(struct) ?? NOWHERE;
	return container === NOWHERE ? null : container + 1;
}

interface DecodedDeleteSet {
	clients: Map<number, Array<{ clock: number; len: number }>>;
}

/**
 * The first (client, clock) the update needs that neither the document nor the update holds:
 * a gap before its own structs, an origin or parent that never arrived, or a deletion of
 * something unknown. Null when Yjs would integrate all of it at once.
 */
function firstMissing(structs: Struct[], ds: DecodedDeleteSet, doc: Y.Doc): Missing | null {
	const known = new Map<number, number>();
	const knownEnd = (client: number) => known.get(client) ?? Y.getState(doc.store, client);
	for (const [client, list] of new StructIndex(structs).byClient) {
		let end = Y.getState(doc.store, client);
		for (const struct of list) {
			if (struct.id.clock > end) return { client, clock: end };
			if (!(struct instanceof Y.Skip)) end = Math.max(end, struct.id.clock + struct.length);
		}
		known.set(client, end);
	}
	for (const struct of structs) {
		if (!(struct instanceof Y.Item)) continue;
		const parent = struct.parent as unknown;
		for (const id of [struct.origin, struct.rightOrigin, parent instanceof Y.ID ? parent : null]) {
			if (id && id.clock >= knownEnd(id.client)) return { client: id.client, clock: knownEnd(id.client) };
		}
	}
	for (const [client, ranges] of ds.clients) {
		for (const range of ranges) {
			if (range.clock + range.len > knownEnd(client)) return { client, clock: knownEnd(client) };
		}
	}
	return null;
}

export function decodeStructs(update: Uint8Array): { structs: Struct[]; ds: DecodedDeleteSet } {
	return Y.decodeUpdate(update) as { structs: Struct[]; ds: DecodedDeleteSet };
}

/** inspectUpdate's verdict reached through Y.decodeUpdate (what it did before the scanner). */
export function inspectDecoded(update: Uint8Array, doc: Y.Doc, limits: ShapeLimits): UpdateShape {
	let decoded: ReturnType<typeof decodeStructs>;
	try {
		decoded = decodeStructs(update);
	} catch (error) {
		return { kind: 'malformed', reason: (error as Error).message };
	}
	const { structs, ds } = decoded;
	if (structs.length > limits.maxStructs) return { kind: 'too-many-structs', structs: structs.length };
	const missing = firstMissing(structs, ds, doc);
	if (missing) return { kind: 'gap', missing };
	const depths = containerDepths(structs, doc, limits.maxDepth);
	let deepest = 0;
	for (const struct of structs) {
		const depth = createdDepth(struct, depths);
		if (depth !== null && depth > deepest) deepest = depth;
	}
	if (deepest > limits.maxDepth) return { kind: 'too-deep', depth: deepest };
	return { kind: 'ok', structs: structs.length, deepest };
}
