import * as Y from 'yjs';

/*
 * Comments on a board's cards live in a document of their own, beside the board's: so the
 * board can be read-only for viewers while the comments are open to them when the workspace
 * allows it. Only this module knows its shape:
 *
 *   comments  Y.Map  id → Y.Map { cardId, parentId, authorId, authorName, body, createdAt, resolved, mentions }
 */

export interface Comment {
	id: string;
	cardId: string;
	parentId: string | null;
	authorId: string;
	authorName: string;
	body: string;
	createdAt: number;
	resolved: boolean;
	mentions: string[];
}

/** The collaboration room of a board's comments. */
export const commentsRoomName = (boardId: string) => `${boardId}.comments`;

type Entry = Y.Map<unknown>;
const commentsMap = (doc: Y.Doc) => doc.getMap<Entry>('comments');
const str = (value: unknown) => (typeof value === 'string' ? value : '');

function newId(): string {
	const bytes = new Uint8Array(9);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('').slice(0, 14);
}

/** All comments, oldest first; malformed entries are left out. */
export function readComments(doc: Y.Doc): Comment[] {
	const comments: Comment[] = [];
	for (const [id, entry] of commentsMap(doc)) {
		if (!(entry instanceof Y.Map) || typeof entry.get('cardId') !== 'string') continue;
		const mentions = entry.get('mentions');
		comments.push({
			id,
			cardId: entry.get('cardId') as string,
			parentId: typeof entry.get('parentId') === 'string' ? (entry.get('parentId') as string) : null,
			authorId: str(entry.get('authorId')),
			authorName: str(entry.get('authorName')),
			body: str(entry.get('body')),
			createdAt: typeof entry.get('createdAt') === 'number' ? (entry.get('createdAt') as number) : 0,
			resolved: entry.get('resolved') === true,
			mentions: Array.isArray(mentions) ? mentions.filter((m): m is string => typeof m === 'string') : []
		});
	}
	return comments.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export function addComment(
	doc: Y.Doc,
	input: { cardId: string; parentId?: string | null; authorId: string; authorName: string; body: string; mentions?: string[] },
	origin?: unknown
): string {
	const id = newId();
	doc.transact(() => {
		// Strictly after every comment this replica knows, so a quick reply never sorts above its parent.
		let latest = 0;
		for (const comment of commentsMap(doc).values()) {
			const at = comment instanceof Y.Map ? comment.get('createdAt') : 0;
			if (typeof at === 'number' && at > latest) latest = at;
		}
		const entry = new Y.Map<unknown>();
		entry.set('cardId', input.cardId);
		entry.set('parentId', input.parentId ?? null);
		entry.set('authorId', input.authorId);
		entry.set('authorName', input.authorName);
		entry.set('body', input.body);
		entry.set('createdAt', Math.max(Date.now(), latest + 1));
		entry.set('resolved', false);
		entry.set('mentions', input.mentions ?? []);
		commentsMap(doc).set(id, entry);
	}, origin);
	return id;
}

export function setCommentResolved(doc: Y.Doc, id: string, resolved: boolean, origin?: unknown): void {
	doc.transact(() => {
		const entry = commentsMap(doc).get(id);
		if (!(entry instanceof Y.Map)) throw new Error(`comment ${id} does not exist`);
		entry.set('resolved', resolved);
	}, origin);
}

/** Deletes a comment with its replies. */
export function deleteComment(doc: Y.Doc, id: string, origin?: unknown): void {
	doc.transact(() => {
		commentsMap(doc).delete(id);
		for (const [replyId, reply] of [...commentsMap(doc).entries()]) {
			if (reply instanceof Y.Map && reply.get('parentId') === id) commentsMap(doc).delete(replyId);
		}
	}, origin);
}

/** `@Ann` or `@Ann de Vries` mentions the members whose name follows the @. */
export function mentionedMembers(body: string, members: Array<{ id: string; name: string }>): string[] {
	const lower = body.toLowerCase();
	return members
		.filter((m) => {
			const name = m.name.toLowerCase();
			return lower.includes(`@${name}`) || lower.includes(`@${name.split(' ')[0]}`);
		})
		.map((m) => m.id);
}
