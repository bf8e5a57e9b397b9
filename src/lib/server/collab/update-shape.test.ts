import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { pruneOverDeep } from './stored-state';
import { inspectUpdate } from './update-shape';

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

	it('leaves state within the limit untouched', () => {
		const client = new Y.Doc();
		const stored = updateOf(client, () => nest(client, 3));
		expect(pruneOverDeep(stored, 32).update).toBe(stored);
	});
});
