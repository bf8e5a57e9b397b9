import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment, deleteComment, mentionedMembers, readComments, setCommentResolved } from './index';

describe('comment threads', () => {
	it('form threads that can be resolved, reopened and deleted with their replies', () => {
		const doc = new Y.Doc();
		const root = addComment(doc, { cardId: 'c1', authorId: 'u1', authorName: 'Ann', body: 'Is this right, @Bo?', mentions: ['u2'] });
		addComment(doc, { cardId: 'c1', parentId: root, authorId: 'u2', authorName: 'Bo', body: 'Yes' });
		setCommentResolved(doc, root, true);
		expect(readComments(doc).map((c) => [c.body, c.resolved, c.parentId === root])).toEqual([
			['Is this right, @Bo?', true, false],
			['Yes', false, true]
		]);
		setCommentResolved(doc, root, false);
		expect(readComments(doc)[0]!.resolved).toBe(false);
		deleteComment(doc, root);
		expect(readComments(doc)).toEqual([]);
	});

	it('leave out malformed entries instead of failing', () => {
		const doc = new Y.Doc();
		doc.getMap('comments').set('junk', 5);
		doc.getMap('comments').set('no-card', new Y.Map());
		addComment(doc, { cardId: 'c', authorId: 'u', authorName: 'U', body: 'fine' });
		expect(readComments(doc).map((c) => c.body)).toEqual(['fine']);
	});

	it('find @mentions by full or first name, case-insensitively', () => {
		const members = [
			{ id: 'a', name: 'Anna de Vries' },
			{ id: 'b', name: 'Bram' },
			{ id: 'c', name: 'Cor' }
		];
		expect(mentionedMembers('Ask @anna and @Bram about it', members)).toEqual(['a', 'b']);
		expect(mentionedMembers('@Anna de Vries?', members)).toEqual(['a']);
		expect(mentionedMembers('no mentions here', members)).toEqual([]);
	});
});
