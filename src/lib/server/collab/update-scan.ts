import * as decoding from 'lib0/decoding';

/*
 * A Yjs v1 update read as far as judging it needs, without building it: per struct its ID,
 * length, kind, origins and parent, in flat typed arrays; contents are stepped over (only their
 * length counts, and whether they create a type); the delete set is kept as the furthest clock
 * it deletes per client. Y.decodeUpdate makes a Y.Item per struct and a Y.Map or Y.Array per
 * type content, which for a hostile update of 20,000 nested maps held the server's thread for
 * hundreds of milliseconds.
 *
 * The format, as yjs 13.6 reads it (src/utils/encoding.js readClientsStructRefs, and the
 * lazyStructReaderGenerator behind Y.decodeUpdate in src/utils/updates.js; DeleteSet.js
 * readDeleteSet):
 *
 *   update     = varUint clients, clients × clientStructs, deleteSet
 *   clientStructs = varUint count, varUint client, varUint firstClock, count × struct
 *   struct     = uint8 info, then by info & 0b11111:
 *                0: GC       varUint length
 *                10: Skip    varUint length (only when info is exactly 10)
 *                else Item:  [info & 0x80] origin (varUint client, varUint clock)
 *                            [info & 0x40] rightOrigin (varUint client, varUint clock)
 *                            when neither: varUint 1 and varString root key, or anything
 *                              else and a parent ID (varUint client, varUint clock);
 *                              [info & 0x20] varString parentSub
 *                            content (src/structs/Item.js readItemContent, contentRefs)
 *   deleteSet  = varUint clients, clients × (varUint client, varUint n, n × (varUint clock, varUint len))
 *
 * Whatever makes Y.decodeUpdate throw (bytes running out, an unknown content or type ref, a
 * skip with flag bits, invalid UTF-8 — lib0 decodes strings with a fatal TextDecoder —, JSON
 * that does not parse, a subdocument without options) is refused here too: applyUpdate would
 * throw reading it inside the room's transaction.
 */

export const GC = 0;
export const SKIP = 1;
export const ITEM = 2;
/** An item whose content is a type (ContentType, content ref 7). */
export const TYPE = 3;

export const HAS_ORIGIN = 1;
export const HAS_RIGHT_ORIGIN = 2;
export const PARENT_KEY = 4;
export const PARENT_ID = 8;

/** Values (ContentAny, subdocument options) nested deeper than this are refused: lib0 reads and writes them recursively, and overflows the stack a few thousand levels down. */
export const MAX_VALUE_NESTING = 1_000;

export class MalformedUpdate extends Error {}

/** The structs of one update, struct i at index i of each array, in the order the update lists them. */
export class ScannedUpdate {
	count = 0;
	client: Float64Array;
	clock: Float64Array;
	length: Float64Array;
	kind: Uint8Array;
	flags: Uint8Array;
	originClient: Float64Array;
	originClock: Float64Array;
	rightClient: Float64Array;
	rightClock: Float64Array;
	parentClient: Float64Array;
	parentClock: Float64Array;
	/** Per client of the delete set (in the order it first lists them), the end of its furthest range. */
	readonly deletedUpTo = new Map<number, number>();
	/** Runs of structs one client header announced: [client, first index, count] triples. */
	readonly runs: number[] = [];

	constructor(capacity: number) {
		this.client = new Float64Array(capacity);
		this.clock = new Float64Array(capacity);
		this.length = new Float64Array(capacity);
		this.kind = new Uint8Array(capacity);
		this.flags = new Uint8Array(capacity);
		this.originClient = new Float64Array(capacity);
		this.originClock = new Float64Array(capacity);
		this.rightClient = new Float64Array(capacity);
		this.rightClock = new Float64Array(capacity);
		this.parentClient = new Float64Array(capacity);
		this.parentClock = new Float64Array(capacity);
	}

	reset(): this {
		this.count = 0;
		this.deletedUpTo.clear();
		this.runs.length = 0;
		return this;
	}

	/** Room for `total` structs; the announced count is known before its structs are read. */
	reserve(total: number): void {
		if (total <= this.kind.length) return;
		const capacity = Math.max(total, this.kind.length * 2);
		const grow = <T extends Float64Array | Uint8Array>(old: T, make: (n: number) => T): T => {
			const next = make(capacity);
			next.set(old);
			return next;
		};
		const f64 = (n: number) => new Float64Array(n);
		this.client = grow(this.client, f64);
		this.clock = grow(this.clock, f64);
		this.length = grow(this.length, f64);
		this.kind = grow(this.kind, (n) => new Uint8Array(n));
		this.flags = grow(this.flags, (n) => new Uint8Array(n));
		this.originClient = grow(this.originClient, f64);
		this.originClock = grow(this.originClock, f64);
		this.rightClient = grow(this.rightClient, f64);
		this.rightClock = grow(this.rightClock, f64);
		this.parentClient = grow(this.parentClient, f64);
		this.parentClock = grow(this.parentClock, f64);
	}
}

export type Scan =
	| { kind: 'scanned'; update: ScannedUpdate }
	/** Refused on the client headers alone: `structs` counts those announced so far. */
	| { kind: 'too-many-structs'; structs: number }
	| { kind: 'malformed'; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function endOfBytes(): never {
	throw new MalformedUpdate('the update ends in the middle of a struct');
}

function readByte(decoder: decoding.Decoder): number {
	if (decoder.pos >= decoder.arr.length) endOfBytes();
	return decoder.arr[decoder.pos++]!;
}

function skipBytes(decoder: decoding.Decoder, count: number): void {
	if (decoder.pos + count > decoder.arr.length) endOfBytes();
	decoder.pos += count;
}

/** Steps over a varString; its length in UTF-16 code units, as JavaScript (and ContentString) counts it. */
function skipString(decoder: decoding.Decoder): number {
	const bytes = decoding.readVarUint(decoder);
	const start = decoder.pos;
	const end = start + bytes;
	if (end > decoder.arr.length) endOfBytes();
	decoder.pos = end;
	const arr = decoder.arr;
	let at = start;
	while (at < end && arr[at]! < 0x80) at += 1;
	if (at === end) return bytes;
	try {
		return utf8.decode(arr.subarray(start, end)).length;
	} catch {
		throw new MalformedUpdate('a string is not valid UTF-8');
	}
}

function parseJSON(text: string): void {
	try {
		JSON.parse(text);
	} catch {
		throw new MalformedUpdate('a JSON content does not parse');
	}
}

/** Steps over a value that holds no others; false for an array or an object (tags 117, 118). */
function skipScalar(decoder: decoding.Decoder, tag: number): boolean {
	switch (tag) {
		case 127: // undefined
		case 126: // null
		case 121: // false
		case 120: // true
			return true;
		case 125: // varInt
			decoding.readVarInt(decoder);
			// readVarInt reads its first byte unchecked.
			if (decoder.pos > decoder.arr.length) endOfBytes();
			return true;
		case 124: // float32
			skipBytes(decoder, 4);
			return true;
		case 123: // float64
		case 122: // bigint64
			skipBytes(decoder, 8);
			return true;
		case 119: // string
			skipString(decoder);
			return true;
		case 116: // Uint8Array
			skipBytes(decoder, decoding.readVarUint(decoder));
			return true;
		case 118: // object: varUint entries, each a varString key and a value
		case 117: // array: varUint values
			return false;
		default:
			throw new MalformedUpdate(`unknown value tag ${tag}`);
	}
}

/** Steps over one lib0 `any` (lib0/decoding readAny, readAnyLookupTable), iteratively. */
function skipAny(decoder: decoding.Decoder): void {
	const first = readByte(decoder);
	if (skipScalar(decoder, first)) return;
	// Per open array or object: values still to read; objects read a key before each.
	const remaining = [decoding.readVarUint(decoder)];
	const isObject = [first === 118];
	while (remaining.length) {
		const level = remaining.length - 1;
		if (remaining[level] === 0) {
			remaining.pop();
			isObject.pop();
			continue;
		}
		remaining[level] = remaining[level]! - 1;
		if (isObject[level]) skipString(decoder);
		const tag = readByte(decoder);
		if (skipScalar(decoder, tag)) continue;
		if (remaining.length >= MAX_VALUE_NESTING) throw new MalformedUpdate(`a value nested more than ${MAX_VALUE_NESTING} deep`);
		remaining.push(decoding.readVarUint(decoder));
		isObject.push(tag === 118);
	}
}

/** Steps over an item's content (yjs src/structs/Item.js contentRefs); its length in clock ticks. */
function skipContent(decoder: decoding.Decoder, ref: number): number {
	switch (ref) {
		case 1: // ContentDeleted: varUint length
			return decoding.readVarUint(decoder);
		case 2: {
			// ContentJSON: varUint count, count × varString of JSON ('undefined' for undefined)
			const count = decoding.readVarUint(decoder);
			for (let i = 0; i < count; i++) {
				const text = decoding.readVarString(decoder);
				if (text !== 'undefined') parseJSON(text);
			}
			return count;
		}
		case 3: // ContentBinary: varUint8Array
			skipBytes(decoder, decoding.readVarUint(decoder));
			return 1;
		case 4: // ContentString: varString, one tick per UTF-16 code unit
			return skipString(decoder);
		case 5: // ContentEmbed: varString of JSON
			parseJSON(decoding.readVarString(decoder));
			return 1;
		case 6: // ContentFormat: varString key, varString of JSON
			skipString(decoder);
			parseJSON(decoding.readVarString(decoder));
			return 1;
		case 7: {
			// ContentType: varUint type ref (src/structs/ContentType.js typeRefs); XmlElement and XmlHook add a varString name
			const typeRef = decoding.readVarUint(decoder);
			if (typeRef > 6) throw new MalformedUpdate(`unknown type ref ${typeRef}`);
			if (typeRef === 3 || typeRef === 5) skipString(decoder);
			return 1;
		}
		case 8: {
			// ContentAny: varUint count, count × any
			const count = decoding.readVarUint(decoder);
			for (let i = 0; i < count; i++) skipAny(decoder);
			return count;
		}
		case 9: {
			// ContentDoc: varString guid, any options (createDocFromOpts reads options.shouldLoad)
			skipString(decoder);
			const tag = decoder.arr[decoder.pos];
			if (tag === 127 || tag === 126) throw new MalformedUpdate('a subdocument without options');
			skipAny(decoder);
			return 1;
		}
		default:
			throw new MalformedUpdate(`unknown content ref ${ref}`);
	}
}

function scan(decoder: decoding.Decoder, maxStructs: number, out: ScannedUpdate): Scan {
	const arr = decoder.arr;
	const clients = decoding.readVarUint(decoder);
	let total = 0;
	for (let c = 0; c < clients; c++) {
		const count = decoding.readVarUint(decoder);
		total += count;
		if (total > maxStructs) return { kind: 'too-many-structs', structs: total };
		if (count * 2 > arr.length - decoder.pos) throw new MalformedUpdate(`${count} structs announced in fewer than ${count * 2} bytes`);
		out.reserve(total);
		const client = decoding.readVarUint(decoder);
		let clock = decoding.readVarUint(decoder);
		out.runs.push(client, out.count, count);
		for (let s = 0; s < count; s++) {
			const i = out.count++;
			out.client[i] = client;
			out.clock[i] = clock;
			const info = readByte(decoder);
			let length: number;
			let flags = 0;
			if (info === 10) {
				out.kind[i] = SKIP;
				length = decoding.readVarUint(decoder);
			} else if ((info & 0b11111) === 0) {
				out.kind[i] = GC;
				length = decoding.readVarUint(decoder);
			} else {
				if (info & 0x80) {
					flags |= HAS_ORIGIN;
					out.originClient[i] = decoding.readVarUint(decoder);
					out.originClock[i] = decoding.readVarUint(decoder);
				}
				if (info & 0x40) {
					flags |= HAS_RIGHT_ORIGIN;
					out.rightClient[i] = decoding.readVarUint(decoder);
					out.rightClock[i] = decoding.readVarUint(decoder);
				}
				if ((info & 0xc0) === 0) {
					if (decoding.readVarUint(decoder) === 1) {
						flags |= PARENT_KEY;
						skipString(decoder);
					} else {
						flags |= PARENT_ID;
						out.parentClient[i] = decoding.readVarUint(decoder);
						out.parentClock[i] = decoding.readVarUint(decoder);
					}
					if (info & 0x20) skipString(decoder);
				}
				const ref = info & 0b11111;
				out.kind[i] = ref === 7 ? TYPE : ITEM;
				length = skipContent(decoder, ref);
			}
			out.flags[i] = flags;
			out.length[i] = length;
			clock += length;
		}
	}
	const dsClients = decoding.readVarUint(decoder);
	for (let c = 0; c < dsClients; c++) {
		const client = decoding.readVarUint(decoder);
		const ranges = decoding.readVarUint(decoder);
		for (let r = 0; r < ranges; r++) {
			const end = decoding.readVarUint(decoder) + decoding.readVarUint(decoder);
			const furthest = out.deletedUpTo.get(client);
			if (furthest === undefined || end > furthest) out.deletedUpTo.set(client, end);
		}
	}
	return { kind: 'scanned', update: out };
}

/**
 * Reads `update`'s struct headers and delete set. More than `maxStructs` structs are refused
 * on the counts the client headers announce, before their structs are read; bytes Yjs could
 * not read are refused with the reason, never thrown.
 */
export function scanUpdate(update: Uint8Array, maxStructs: number): Scan {
	const out = spare?.reset() ?? new ScannedUpdate(64);
	spare = null;
	let result: Scan;
	try {
		result = scan(decoding.createDecoder(update), maxStructs, out);
	} catch (error) {
		result = { kind: 'malformed', reason: error instanceof Error ? error.message : String(error) };
	}
	if (result.kind !== 'scanned') recycle(out);
	return result;
}

/*
 * An ordinary edit is a few structs, and allocating eleven typed arrays for it took longer than
 * reading it: scans of up to REUSED_CAPACITY structs reuse one set (inspections run one at a
 * time on the server's thread), larger ones are left to the garbage collector.
 */
const REUSED_CAPACITY = 1024;
let spare: ScannedUpdate | null = null;

/** Hands a scan's arrays to the next scan: `scanned` must not be read after this. */
export function recycle(scanned: ScannedUpdate): void {
	if (scanned.kind.length <= REUSED_CAPACITY) spare = scanned;
}
