import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { nestedMaps, updatesAfterAGap } from '../../../../test/integration/hostile-updates';
import { containerDepths, createdDepth, decodeStructs, inspectDecoded } from './decoded-shape';
import { mutated, randomCases, seeded } from './random-updates.fixture';
import { pruneOverDeep } from './stored-state';
import { MAX_VALUE_NESTING } from './update-scan';
import { deepestNesting, inspectUpdate, type ShapeLimits, type UpdateShape } from './update-shape';

const limits = { maxDepth: 32, maxStructs: 100_000 };

/** Every update `change` makes to `doc`, merged. */
function updateOf(doc: Y.Doc, change: () => void): Uint8Array {
	const updates: Uint8Array[] = [];
	const record = (update: Uint8Array) => updates.push(update);
	doc.on('update', record);
	doc.transact(change);
	doc.off('update', record);
	return Y.mergeUpdates(updates);
}

function nest(doc: Y.Doc, levels: number, under = doc.getMap('items')): Y.Map<unknown> {
	let map = under;
	for (let i = 0; i < levels; i++) {
		const child = new Y.Map<unknown>();
		map.set('k', child);
		map = child;
	}
	return map;
}

/** A deletion of `len` structs of `client` from clock 0, as a hostile client would craft it. */
function deletion(client: number, len: number): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	encoding.writeVarUint(encoder, 1);
	encoding.writeVarUint(encoder, client);
	encoding.writeVarUint(encoder, 1);
	encoding.writeVarUint(encoder, 0);
	encoding.writeVarUint(encoder, len);
	return encoding.toUint8Array(encoder);
}

describe('inspectUpdate', () => {
	it('accepts a board-shaped edit and tells its depth', () => {
		const client = new Y.Doc();
		const update = updateOf(client, () => {
			const card = new Y.Map<unknown>();
			const body = new Y.Text();
			body.insert(0, 'Checkout is slow');
			card.set('body', body);
			client.getMap('items').set('card-1', card);
			client.getArray('stages').push(['Orientation']);
		});
		expect(inspectUpdate(update, new Y.Doc(), limits)).toMatchObject({ kind: 'ok', deepest: 2 });
	});

	it('refuses 20,000 nested maps sent in one update', () => {
		const client = new Y.Doc();
		const update = updateOf(client, () => nest(client, 20_000));
		expect(inspectUpdate(update, new Y.Doc(), limits)).toEqual({ kind: 'too-deep', depth: 20_000 });
	});

	it('counts the depth the document already has, and parents found through origins', () => {
		const server = new Y.Doc();
		const client = new Y.Doc();
		let deepest!: Y.Map<unknown>;
		Y.applyUpdate(server, updateOf(client, () => (deepest = nest(client, 31))));
		Y.applyUpdate(server, updateOf(client, () => deepest.set('k', new Y.Map())));
		// Set again: this child names no parent, only its left origin (the one it replaces).
		const again = updateOf(client, () => deepest.set('k', new Y.Map()));
		expect(inspectUpdate(again, server, limits)).toMatchObject({ kind: 'ok', deepest: 32 });
		Y.applyUpdate(server, again);
		const tooFar = updateOf(client, () => (deepest.get('k') as Y.Map<unknown>).set('k', new Y.Map()));
		expect(inspectUpdate(tooFar, server, limits)).toEqual({ kind: 'too-deep', depth: 33 });
	});

	it('refuses an update with more structs than the budget', () => {
		const client = new Y.Doc();
		const update = updateOf(client, () => {
			const list = client.getArray<number>('list');
			// Alternating inserts at the front make one struct each.
			for (let i = 0; i < 200; i++) list.insert(0, [i]);
		});
		expect(inspectUpdate(update, new Y.Doc(), { maxDepth: 32, maxStructs: 50 })).toMatchObject({ kind: 'too-many-structs' });
	});

	it('finds the missing predecessor of an update that would stay pending', () => {
		const client = new Y.Doc();
		updateOf(client, () => client.getArray<number>('list').push([1]));
		const second = updateOf(client, () => client.getArray<number>('list').push([2]));
		expect(inspectUpdate(second, new Y.Doc(), limits)).toEqual({
			kind: 'gap',
			missing: { client: client.clientID, clock: 0 }
		});
	});

	it('finds an origin of another client that never arrived', () => {
		const other = new Y.Doc();
		const first = updateOf(other, () => other.getArray<number>('list').push([1]));
		const client = new Y.Doc();
		Y.applyUpdate(client, first);
		const insert = updateOf(client, () => client.getArray<number>('list').push([2]));
		expect(inspectUpdate(insert, new Y.Doc(), limits)).toEqual({
			kind: 'gap',
			missing: { client: other.clientID, clock: 0 }
		});
		const server = new Y.Doc();
		Y.applyUpdate(server, first);
		expect(inspectUpdate(insert, server, limits)).toMatchObject({ kind: 'ok' });
	});

	it('finds a deletion of something the document does not hold', () => {
		expect(inspectUpdate(deletion(1234, 3), new Y.Doc(), limits)).toEqual({
			kind: 'gap',
			missing: { client: 1234, clock: 0 }
		});
	});
});

describe('pruneOverDeep', () => {
	it('makes stored state with a deleted 20,000-deep structure loadable, keeping the rest', () => {
		const client = new Y.Doc();
		const nested = updateOf(client, () => nest(client, 20_000));
		const kept = updateOf(client, () => client.getMap('meta').set('title', 'Journey'));
		const stored = Y.mergeUpdates([nested, kept, deletion(client.clientID, 20_000)]);
		expect(() => Y.applyUpdate(new Y.Doc(), stored)).toThrow(RangeError);

		const { update, pruned } = pruneOverDeep(stored, 32);
		expect(pruned).toBeGreaterThan(19_000);
		const loaded = new Y.Doc();
		Y.applyUpdate(loaded, update);
		expect(loaded.getMap('meta').get('title')).toBe('Journey');
		expect(loaded.getMap('items').size).toBe(0);
		// The document keeps working: its next edit is emitted as an update.
		const emitted: Uint8Array[] = [];
		loaded.on('update', (u: Uint8Array) => emitted.push(u));
		loaded.getMap('meta').set('title', 'Journey 2');
		expect(emitted).toHaveLength(1);
	});

	it('keeps the allowed depth of an undeleted structure', () => {
		const client = new Y.Doc();
		const stored = updateOf(client, () => nest(client, 100));
		const loaded = new Y.Doc();
		Y.applyUpdate(loaded, pruneOverDeep(stored, 32).update);
		let depth = 0;
		for (let map = loaded.getMap('items').get('k'); map instanceof Y.Map; map = map.get('k')) depth += 1;
		expect(depth).toBe(32);
	});

	it('scans stored state for its deepest nesting as the decoded structs would be judged', () => {
		let compared = 0;
		for (let seed = 1; seed <= 60; seed++) {
			for (const { label, update } of randomCases(seed)) {
				const { structs } = decodeStructs(update);
				for (const cap of [1, 2, 32]) {
					const depths = containerDepths(structs, null, cap);
					const decoded = structs.reduce((deepest, struct) => Math.max(deepest, depths.get(struct)!, createdDepth(struct, depths) ?? 0), 0);
					expect(deepestNesting(update, cap), label).toBe(decoded);
					if (decoded > cap) compared += 1;
				}
			}
		}
		expect(compared).toBeGreaterThan(50);
		expect(deepestNesting(new Uint8Array([1]), 32)).toBeNull();
	});

	it('leaves state within the limit untouched', () => {
		const client = new Y.Doc();
		const stored = updateOf(client, () => nest(client, 3));
		expect(pruneOverDeep(stored, 32).update).toBe(stored);
	});
});

interface CraftedItem {
	origin?: [number, number];
	rightOrigin?: [number, number];
	/** A root type's name, or the ID of the type it lives in. */
	parent?: string | [number, number];
	parentSub?: string;
	/** Content ref (info & 31) and its bytes. */
	ref: number;
	content: (encoder: encoding.Encoder) => void;
}

/** A v1 update written by hand (yjs src/utils/encoding.js writeClientsStructs, Item.write). */
function craft(runs: Array<{ client: number; clock: number; items: CraftedItem[] }>, deletes: Array<[number, number, number]> = []): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, runs.length);
	for (const { client, clock, items } of runs) {
		encoding.writeVarUint(encoder, items.length);
		encoding.writeVarUint(encoder, client);
		encoding.writeVarUint(encoder, clock);
		for (const item of items) {
			const info = item.ref | (item.origin ? 0x80 : 0) | (item.rightOrigin ? 0x40 : 0) | (item.parentSub !== undefined ? 0x20 : 0);
			encoding.writeUint8(encoder, info);
			for (const id of [item.origin, item.rightOrigin]) if (id) id.forEach((n) => encoding.writeVarUint(encoder, n));
			if (!item.origin && !item.rightOrigin) {
				if (typeof item.parent === 'string') {
					encoding.writeVarUint(encoder, 1);
					encoding.writeVarString(encoder, item.parent);
				} else {
					encoding.writeVarUint(encoder, 0);
					(item.parent ?? [0, 0]).forEach((n) => encoding.writeVarUint(encoder, n));
				}
				if (item.parentSub !== undefined) encoding.writeVarString(encoder, item.parentSub);
			}
			item.content(encoder);
		}
	}
	encoding.writeVarUint(encoder, deletes.length);
	for (const [client, clock, len] of deletes) {
		encoding.writeVarUint(encoder, client);
		encoding.writeVarUint(encoder, 1);
		encoding.writeVarUint(encoder, clock);
		encoding.writeVarUint(encoder, len);
	}
	return encoding.toUint8Array(encoder);
}

const aMap = { ref: 7, content: (e: encoding.Encoder) => encoding.writeVarUint(e, 1) };
const anAny = (value: unknown) => ({ ref: 8, content: (e: encoding.Encoder) => (encoding.writeVarUint(e, 1), encoding.writeAny(e, value as never)) });

/** Both paths reach the same verdict; the scanner may refuse too many structs having counted fewer. */
function expectSameVerdict(update: Uint8Array, doc: Y.Doc, limits: ShapeLimits, label: string): UpdateShape {
	const scanned = inspectUpdate(update, doc, limits);
	const decoded = inspectDecoded(update, doc, limits);
	if (decoded.kind === 'malformed') {
		// Malformed bytes past the client headers that already announce too many structs.
		expect(['malformed', 'too-many-structs'], label).toContain(scanned.kind);
	} else if (decoded.kind === 'too-many-structs' && scanned.kind === 'too-many-structs') {
		expect(scanned.structs, label).toBeGreaterThan(limits.maxStructs);
		expect(scanned.structs, label).toBeLessThanOrEqual(decoded.structs);
	} else expect(scanned, label).toEqual(decoded);
	return scanned;
}

describe('inspectUpdate reads the bytes as the decoded structs would be judged', () => {
	const limitsToTry: ShapeLimits[] = [limits, { maxDepth: 2, maxStructs: 100_000 }, { maxDepth: 32, maxStructs: 6 }];

	it('agrees on seeded random documents: maps, arrays, text, XML, nested types, deletions, gaps, merges', { timeout: 60_000 }, () => {
		const seen = new Map<string, number>();
		for (let seed = 1; seed <= 150; seed++) {
			for (const { label, update, doc } of randomCases(seed)) {
				for (const caseLimits of limitsToTry) {
					expect(inspectDecoded(update, doc, caseLimits).kind, label).not.toBe('malformed');
					const { kind } = expectSameVerdict(update, doc, caseLimits, label);
					seen.set(kind, (seen.get(kind) ?? 0) + 1);
				}
			}
		}
		// The cases reach every verdict, so agreeing means something.
		for (const kind of ['ok', 'gap', 'too-deep', 'too-many-structs']) expect(seen.get(kind) ?? 0, kind).toBeGreaterThan(50);
	});

	it('agrees on bytes changed, cut short or lengthened, and never throws', { timeout: 60_000 }, () => {
		const random = seeded(99);
		const seen = new Map<string, number>();
		for (let seed = 1; seed <= 80; seed++) {
			for (const { label, update, doc } of randomCases(seed)) {
				for (let n = 0; n < 4; n++) {
					const bytes = mutated(random, update);
					const { kind } = expectSameVerdict(bytes, doc, limits, `${label}, mutated`);
					seen.set(kind, (seen.get(kind) ?? 0) + 1);
				}
			}
		}
		expect(seen.get('malformed') ?? 0).toBeGreaterThan(100);
		expect((seen.get('ok') ?? 0) + (seen.get('gap') ?? 0)).toBeGreaterThan(100);
	});

	it('agrees on the hostile updates', () => {
		const { nest, remove } = nestedMaps(3_000);
		const doc = new Y.Doc();
		expect(expectSameVerdict(nest, doc, limits, 'nest')).toEqual({ kind: 'too-deep', depth: 3_000 });
		expect(expectSameVerdict(remove, doc, limits, 'remove')).toMatchObject({ kind: 'gap' });
		const { withheld, updates } = updatesAfterAGap(3, 2_000);
		for (const update of updates) expect(expectSameVerdict(update, doc, limits, 'after a gap')).toMatchObject({ kind: 'gap' });
		Y.applyUpdate(doc, withheld);
		expect(expectSameVerdict(updates[0]!, doc, limits, 'gap filled')).toMatchObject({ kind: 'ok' });
		expectSameVerdict(deletion(77, 5), doc, limits, 'deletion');
	});

	it('agrees on crafted references: a cycle of origins, a client sent twice, a chain listed backwards', () => {
		const doc = new Y.Doc();
		const cycle = craft([{ client: 5, clock: 0, items: [{ ...aMap, origin: [5, 1] }, { ...aMap, origin: [5, 0] }] }]);
		expect(expectSameVerdict(cycle, doc, limits, 'cycle')).toEqual({ kind: 'ok', structs: 2, deepest: 0 });

		const twice = craft([
			{ client: 7, clock: 2, items: [{ ...aMap, parent: [7, 1] }] },
			{ client: 7, clock: 0, items: [{ ...aMap, parent: 'm', parentSub: 'a' }, { ...aMap, parent: [7, 0], parentSub: 'b' }] }
		]);
		expect(expectSameVerdict(twice, doc, limits, 'twice')).toEqual({ kind: 'ok', structs: 3, deepest: 3 });
		expect(expectSameVerdict(twice, doc, { maxDepth: 2, maxStructs: 10 }, 'twice, too deep')).toEqual({ kind: 'too-deep', depth: 3 });

		// A parent ID that names the middle of a struct, and a parent that is not a type.
		const notTypes = craft([
			{ client: 8, clock: 0, items: [{ ...anAny(['x', 'y']), parent: 'm', parentSub: 'x' }, { ...aMap, parent: [8, 1], parentSub: 'a' }, { ...aMap, parent: [8, 0], parentSub: 'b' }] }
		]);
		expect(expectSameVerdict(notTypes, doc, limits, 'not types')).toEqual({ kind: 'ok', structs: 3, deepest: 0 });

		// Legacy ContentJSON (ref 2), three values long: the next item's origin is its last.
		const json = craft([
			{
				client: 10,
				clock: 0,
				items: [
					{ parent: 'a', ref: 2, content: (e) => ['3', 'undefined', '{"s":[1]}'].reduce((_, c) => encoding.writeVarString(e, c), encoding.writeVarUint(e, 3)) },
					{ ...aMap, origin: [10, 2] }
				]
			}
		]);
		expect(expectSameVerdict(json, doc, limits, 'json')).toEqual({ kind: 'ok', structs: 2, deepest: 1 });
		expect(expectSameVerdict(craft([{ client: 10, clock: 0, items: [{ ...aMap, origin: [10, 3] }] }]), doc, limits, 'json')).toMatchObject({ kind: 'gap' });

		const chain = (length: number) =>
			craft([
				{
					client: 9,
					clock: 0,
					items: Array.from({ length }, (_, k): CraftedItem => (k < length - 1 ? { ...aMap, origin: [9, k + 1] } : { ...aMap, parent: 'm', parentSub: 'a' }))
				}
			]);
		expect(expectSameVerdict(chain(20_000), doc, limits, 'chain')).toEqual({ kind: 'ok', structs: 20_000, deepest: 1 });
	});

	it('follows a million-long chain of origins listed backwards without recursing', { timeout: 60_000 }, () => {
		// Written directly: each item a map whose origin is the next one, the last under the root map.
		const length = 1_000_000;
		const encoder = encoding.createEncoder();
		[1, length, 9, 0].forEach((n) => encoding.writeVarUint(encoder, n));
		for (let k = 0; k < length - 1; k++) {
			encoding.writeUint8(encoder, 0x80 | 7);
			encoding.writeVarUint(encoder, 9);
			encoding.writeVarUint(encoder, k + 1);
			encoding.writeVarUint(encoder, 1);
		}
		encoding.writeUint8(encoder, 0x20 | 7);
		encoding.writeVarUint(encoder, 1);
		encoding.writeVarString(encoder, 'm');
		encoding.writeVarString(encoder, 'a');
		encoding.writeVarUint(encoder, 1);
		encoding.writeVarUint(encoder, 0);
		const update = encoding.toUint8Array(encoder);
		expect(inspectUpdate(update, new Y.Doc(), { maxDepth: 32, maxStructs: 2_000_000 })).toEqual({ kind: 'ok', structs: length, deepest: 1 });
	});

	it('refuses too many structs on the client header alone', () => {
		// Announces a million structs and holds none: nothing past the header is read.
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, 1);
		encoding.writeVarUint(encoder, 1_000_000);
		expect(inspectUpdate(encoding.toUint8Array(encoder), new Y.Doc(), limits)).toEqual({ kind: 'too-many-structs', structs: 1_000_000 });
		expect(inspectUpdate(encoding.toUint8Array(encoder), new Y.Doc(), { maxDepth: 32, maxStructs: 2_000_000 })).toMatchObject({ kind: 'malformed' });
	});

	it('refuses malformed bytes with a reason, as Yjs could not read them either', () => {
		const key = { parent: 'm', parentSub: 'k' } as const;
		const cases: Record<string, Uint8Array> = {
			empty: new Uint8Array(),
			'cut short': nestedMaps(10).nest.subarray(0, 40),
			'content ref 11': craft([{ client: 1, clock: 0, items: [{ ...key, ref: 11, content: () => {} }] }]),
			'a skip with flags': craft([{ client: 1, clock: 0, items: [{ origin: [1, 0], ref: 10, content: (e) => encoding.writeVarUint(e, 1) }] }]),
			'type ref 9': craft([{ client: 1, clock: 0, items: [{ ...key, ref: 7, content: (e) => encoding.writeVarUint(e, 9) }] }]),
			'a key that is not UTF-8': craft([{ client: 1, clock: 0, items: [{ parent: 'm', ref: 7, content: (e) => encoding.writeVarUint(e, 1) }] }]).map((b, i, all) =>
				i === all.indexOf('m'.charCodeAt(0)) ? 0xff : b
			),
			'an embed that is not JSON': craft([{ client: 1, clock: 0, items: [{ ...key, ref: 5, content: (e) => encoding.writeVarString(e, '{"image":') }] }]),
			'a JSON content that is not JSON': craft([{ client: 1, clock: 0, items: [{ ...key, ref: 2, content: (e) => (encoding.writeVarUint(e, 1), encoding.writeVarString(e, 'nope')) }] }]),
			'an unknown value tag': craft([{ client: 1, clock: 0, items: [{ ...key, ref: 8, content: (e) => (encoding.writeVarUint(e, 1), encoding.writeUint8(e, 100)) }] }]),
			'a subdocument without options': craft([{ client: 1, clock: 0, items: [{ ...key, ref: 9, content: (e) => (encoding.writeVarString(e, 'guid'), encoding.writeAny(e, null)) }] }]),
			'a float that runs past the end': craft([{ client: 1, clock: 0, items: [{ ...key, ref: 8, content: (e) => (encoding.writeVarUint(e, 1), encoding.writeUint8(e, 123)) }] }])
		};
		for (const [label, update] of Object.entries(cases)) {
			const verdict = inspectUpdate(update, new Y.Doc(), limits);
			expect(verdict, label).toEqual({ kind: 'malformed', reason: expect.stringMatching(/\w/) });
			expect(inspectDecoded(update, new Y.Doc(), limits).kind, label).toBe('malformed');
		}
	});

	it('refuses values nested deeper than lib0 reads them safely', () => {
		let value: unknown = 1;
		for (let i = 0; i <= MAX_VALUE_NESTING; i++) value = [value];
		const update = craft([{ client: 1, clock: 0, items: [{ parent: 'm', parentSub: 'k', ...anAny(value) }] }]);
		expect(inspectUpdate(update, new Y.Doc(), limits)).toEqual({ kind: 'malformed', reason: `a value nested more than ${MAX_VALUE_NESTING} deep` });
		const shallower = craft([{ client: 1, clock: 0, items: [{ parent: 'm', parentSub: 'k', ...anAny((value as unknown[])[0]) }] }]);
		expect(expectSameVerdict(shallower, new Y.Doc(), limits, 'just within')).toMatchObject({ kind: 'ok' });
	});
});
