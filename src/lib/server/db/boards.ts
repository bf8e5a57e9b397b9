import { and, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { commentsRoomName } from '$lib/domain/comments';
import { newId } from '../ids';
import { getDb } from './connection';
import { keyset, toPage, type Page, type PageRequest } from './pagination';
import { boards, docUpdates, docVersions, type Board } from './schema';

export function insertBoard(
	input: { workspaceId: string; title: string; template: string; createdBy: string },
	initialState?: Uint8Array
): Board {
	return getDb().transaction((tx) => {
		const board = tx
			.insert(boards)
			.values({ id: newId(), ...input, updatedAt: new Date() })
			.returning()
			.get();
		// The board's document starts with its template, stored with the board in one transaction.
		if (initialState) tx.insert(docUpdates).values({ docName: board.id, update: Buffer.from(initialState) }).run();
		return board;
	}, { behavior: 'immediate' });
}

export function findBoard(id: string): Board | undefined {
	return getDb().select().from(boards).where(eq(boards.id, id)).get();
}

export function listBoards(
	workspaceId: string,
	request: PageRequest & { archived?: boolean }
): Page<Board> {
	const { where, limit } = keyset(boards.createdAt, boards.id, request, 'desc');
	const archived = request.archived ? isNotNull(boards.archivedAt) : isNull(boards.archivedAt);
	const rows = getDb()
		.select()
		.from(boards)
		.where(and(eq(boards.workspaceId, workspaceId), archived, where))
		.orderBy(desc(boards.createdAt), desc(boards.id))
		.limit(limit)
		.all();
	return toPage(rows, limit, (row) => ({ time: row.createdAt, id: row.id }));
}

export function updateBoard(
	id: string,
	changes: Partial<Pick<Board, 'title' | 'archivedAt'>>
): Board | undefined {
	return getDb()
		.update(boards)
		.set({ ...changes, updatedAt: new Date() })
		.where(eq(boards.id, id))
		.returning()
		.get();
}

/** A board's collaborative documents: the board itself (named by its id) and its comments. */
export const boardDocumentNames = (boardId: string) => [boardId, commentsRoomName(boardId)];

/** The board's documents go with it, in the same transaction. */
export function deleteBoard(id: string): void {
	getDb().transaction((tx) => {
		tx.delete(docUpdates).where(inArray(docUpdates.docName, boardDocumentNames(id))).run();
		tx.delete(docVersions).where(inArray(docVersions.docName, boardDocumentNames(id))).run();
		tx.delete(boards).where(eq(boards.id, id)).run();
	}, { behavior: 'immediate' });
}
