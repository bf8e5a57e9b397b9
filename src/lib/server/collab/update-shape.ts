import * as Y from 'yjs';
import { depthInDoc, docItem } from './doc-depth';
import { ScanIndex } from './scan-index';
import {
	HAS_ORIGIN,
	HAS_RIGHT_ORIGIN,
	ITEM,
	PARENT_ID,
	PARENT_KEY,
	recycle,
	scanUpdate,
	SKIP,
	TYPE
} from './update-scan';

/*
 * What an update would build, read from its bytes before it touches a document. Yjs walks
 * nested types recursively when it deletes and garbage-collects them, so a structure nested a
 * few thousand levels deep overflows the stack inside a transaction's cleanup and leaves the
 * document unable to emit updates; and an update whose predecessors never arrive is kept as
 * pending structs that every later update is merged into. Both are seen here, cheaply: the
 * struct headers scanned into flat arrays (update-scan.ts), one iterative pass over them, with
 * lookups by binary search. decoded-shape.ts reaches the same verdicts through Y.decodeUpdate.
 */

export interface Missing {
	client: number;
	clock: number;
}

export type UpdateShape =
	| { kind: 'ok'; structs: number; deepest: number }
	/** `structs`: at least this many (the count is refused before the rest is read). */
	| { kind: 'too-many-structs'; structs: number }
	| { kind: 'too-deep'; depth: number }
	/** Applying it now would leave part of it pending: it waits for this (client, clock). */
	| { kind: 'gap'; missing: Missing }
	/** Bytes Yjs could not read (or values nested too deep for it to read safely). */
	| { kind: 'malformed'; reason: string };

export interface ShapeLimits {
	/** Nesting of types below a top-level type: a top-level map's child map is at depth 1. */
	maxDepth: number;
	maxStructs: number;
}

/** The struct holds no content anywhere (garbage collected, skipped, or its parent is gone). */
const NOWHERE = -1;
const UNKNOWN = -2;
/** step() found the struct whose depth (plus `nested`) is this one's. */
const FOLLOW = -3;

/**
 * The first (client, clock) the update needs that neither the document nor the update holds:
 * a gap before its own structs, an origin or parent that never arrived, or a deletion of
 * something unknown. Null when Yjs would integrate all of it at once.
 */
function firstMissing(index: ScanIndex, doc: Y.Doc): Missing | null {
	const scan = index.scan;
	const known = new Map<number, number>();
	for (const [client, [from, to]] of index.byClient) {
		let end = Y.getState(doc.store, client);
		for (let position = from; position < to; position++) {
			const i = index.at(position);
			if (scan.clock[i]! > end) return { client, clock: end };
			if (scan.kind[i] !== SKIP) end = Math.max(end, scan.clock[i]! + scan.length[i]!);
		}
		known.set(client, end);
	}
	let lastClient = NaN;
	let lastEnd = 0;
	const knownEnd = (client: number) => {
		if (client !== lastClient) {
			lastClient = client;
			lastEnd = known.get(client) ?? Y.getState(doc.store, client);
		}
		return lastEnd;
	};
	const needs = (client: number, clock: number) => clock >= knownEnd(client);
	for (let i = 0; i < scan.count; i++) {
		if (scan.kind[i]! < ITEM) continue;
		const flags = scan.flags[i]!;
		let client = -1;
		if (flags & HAS_ORIGIN && needs(scan.originClient[i]!, scan.originClock[i]!)) client = scan.originClient[i]!;
		else if (flags & HAS_RIGHT_ORIGIN && needs(scan.rightClient[i]!, scan.rightClock[i]!)) client = scan.rightClient[i]!;
		else if (flags & PARENT_ID && needs(scan.parentClient[i]!, scan.parentClock[i]!)) client = scan.parentClient[i]!;
		if (client !== -1) return { client, clock: knownEnd(client) };
	}
	for (const [client, end] of scan.deletedUpTo) {
		if (end > knownEnd(client)) return { client, clock: knownEnd(client) };
	}
	return null;
}

/** Work arrays of containerDepths, kept for the next inspection when small (as update-scan.ts keeps its arrays). */
const REUSED_WORK = 1024;
let work = { depths: new Int32Array(64), stack: new Int32Array(64), visiting: new Uint8Array(64) };

function workFor(count: number): typeof work {
	if (count <= work.depths.length) return work;
	const larger = { depths: new Int32Array(count), stack: new Int32Array(count), visiting: new Uint8Array(count) };
	if (count <= REUSED_WORK) work = larger;
	return larger;
}

/**
 * For every scanned struct, the depth of the type it lives in (0: a top-level type; NOWHERE),
 * resolving parents through the update itself and through `doc`, without recursion: a list
 * of a million items is a chain of a million origins.
 */
function containerDepths(index: ScanIndex, doc: Y.Doc | null, cap: number): Int32Array {
	const scan = index.scan;
	const { kind, flags, clock } = scan;
	const { depths, stack, visiting } = workFor(scan.count);
	depths.fill(UNKNOWN, 0, scan.count);
	visiting.fill(0, 0, scan.count);
	let on = 0;
	let nested = 0;

	// The answer, or FOLLOW with `on` (and `nested`) set.
	const step = (i: number): number => {
		if (kind[i]! < ITEM) return NOWHERE;
		const f = flags[i]!;
		if (f & PARENT_KEY) return 0;
		if (f & PARENT_ID) {
			const parentClient = scan.parentClient[i]!;
			const parentClock = scan.parentClock[i]!;
			const inUpdate = index.find(parentClient, parentClock);
			if (inUpdate !== -1) {
				if (kind[inUpdate] !== TYPE || clock[inUpdate] !== parentClock) return NOWHERE;
				on = inUpdate;
				nested = 1;
				return FOLLOW;
			}
			const item = docItem(doc, parentClient, parentClock);
			return item instanceof Y.Item && item.content instanceof Y.ContentType
				? depthInDoc(item.content.type, cap)
				: NOWHERE;
		}
		// Neither parent nor key written: it lives where its left (or right) neighbour lives.
		let neighbourClient: number;
		let neighbourClock: number;
		if (f & HAS_ORIGIN) {
			neighbourClient = scan.originClient[i]!;
			neighbourClock = scan.originClock[i]!;
		} else if (f & HAS_RIGHT_ORIGIN) {
			neighbourClient = scan.rightClient[i]!;
			neighbourClock = scan.rightClock[i]!;
		} else return NOWHERE;
		const inUpdate = index.find(neighbourClient, neighbourClock);
		if (inUpdate !== -1) {
			on = inUpdate;
			nested = 0;
			return FOLLOW;
		}
		const item = docItem(doc, neighbourClient, neighbourClock);
		return item instanceof Y.Item ? depthInDoc(item.parent as Y.AbstractType<unknown>, cap) : NOWHERE;
	};

	// Each struct is on the stack at most once: `visiting` turns a revisit into a cycle.
	for (let start = 0; start < scan.count; start++) {
		if (depths[start] !== UNKNOWN) continue;
		let top = 0;
		stack[top++] = start;
		visiting[start] = 1;
		while (top) {
			const i = stack[top - 1]!;
			let depth = step(i);
			if (depth === FOLLOW) {
				const known = depths[on]!;
				if (known !== UNKNOWN) depth = known === NOWHERE ? NOWHERE : known + nested;
				// A cycle of references: Yjs could never place these either.
				else if (visiting[on]) depth = NOWHERE;
				else {
					visiting[on] = 1;
					stack[top++] = on;
					continue;
				}
			}
			depths[i] = depth;
			visiting[i] = 0;
			top -= 1;
		}
	}
	return depths;
}

/** What applying `update` to `doc` would do, judged against the limits; changes nothing. */
export function inspectUpdate(update: Uint8Array, doc: Y.Doc, limits: ShapeLimits): UpdateShape {
	const scanned = scanUpdate(update, limits.maxStructs);
	if (scanned.kind !== 'scanned') return scanned;
	const index = new ScanIndex(scanned.update);
	const missing = firstMissing(index, doc);
	if (missing) {
		recycle(scanned.update);
		return { kind: 'gap', missing };
	}
	const depths = containerDepths(index, doc, limits.maxDepth);
	const { kind, count } = scanned.update;
	let deepest = 0;
	for (let i = 0; i < count; i++) {
		// The depth of the type this struct creates.
		if (kind[i] === TYPE && depths[i] !== NOWHERE && depths[i]! + 1 > deepest) deepest = depths[i]! + 1;
	}
	recycle(scanned.update);
	if (deepest > limits.maxDepth) return { kind: 'too-deep', depth: deepest };
	return { kind: 'ok', structs: count, deepest };
}

/**
 * The deepest anything in stored state sits: the type a struct lives in or the one it creates,
 * resolved within the state alone (as pruneOverDeep judges it). Null when the bytes cannot be read.
 */
export function deepestNesting(update: Uint8Array, cap: number): number | null {
	const scanned = scanUpdate(update, Infinity);
	if (scanned.kind !== 'scanned') return null;
	const depths = containerDepths(new ScanIndex(scanned.update), null, cap);
	const { kind, count } = scanned.update;
	let deepest = 0;
	for (let i = 0; i < count; i++) {
		const depth = depths[i]! + (kind[i] === TYPE && depths[i] !== NOWHERE ? 1 : 0);
		if (depth > deepest) deepest = depth;
	}
	recycle(scanned.update);
	return deepest;
}
