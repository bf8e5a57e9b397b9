import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { replaceDocContent } from './restore';

function boardLike(title: string, cards: string[]) {
	const doc = new Y.Doc();
	doc.transact(() => {
		doc.getMap('meta').set('title', title);
		const items = doc.getMap<Y.Map<unknown>>('items');
		for (const text of cards) {
			const card = new Y.Map<unknown>();
			const body = new Y.Text();
			body.insert(0, text);
			card.set('body', body);
			items.set(text, card);
		}
		doc.getArray<string>('stages').push(cards.map((c) => `stage-${c}`));
		doc.getText('notes').insert(0, `notes of ${title}`);
	});
	return doc;
}

function decoded(doc: Y.Doc) {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
	return copy;
}

function snapshotOf(doc: Y.Doc) {
	return {
		meta: doc.getMap('meta').toJSON(),
		items: doc.getMap('items').toJSON(),
		stages: doc.getArray('stages').toJSON(),
		notes: doc.getText('notes').toString()
	};
}

describe('restoring a version into a live document', () => {
	it('makes the live document equal to the version, nested types included', () => {
		const version = boardLike('v1', ['a', 'b']);
		const live = boardLike('v2', ['c']);
		live.getMap('extra').set('only-live', 1);
		replaceDocContent(live, decoded(version), 'restore');
		expect(snapshotOf(live)).toEqual(snapshotOf(version));
		expect(live.getMap('extra').size).toBe(0);
	});

	it('reaches a collaborator as one update and both converge', () => {
		const live = boardLike('now', ['x']);
		const peer = decoded(live);
		const updates: Uint8Array[] = [];
		live.on('update', (update: Uint8Array) => updates.push(update));
		replaceDocContent(live, decoded(boardLike('then', ['y', 'z'])), 'restore');
		expect(updates).toHaveLength(1);
		Y.applyUpdate(peer, updates[0]!);
		expect(snapshotOf(peer)).toEqual(snapshotOf(live));
		expect(snapshotOf(peer).meta).toEqual({ title: 'then' });
	});
});
