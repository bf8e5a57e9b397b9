import type * as Y from 'yjs';
import { migrateBoard } from '$lib/domain/board';
import { boardRole, roleAllows } from '../auth';
import * as db from '../db';

export type DocumentAccess = 'write' | 'read';

/**
 * A kind of collaborative document: which room names it owns and who may open them.
 * Boards are the first kind; persona documents will be the next, beside it.
 */
export interface DocumentKind {
	name: string;
	owns(roomName: string): boolean;
	/** Null when the user may not open the room, or it does not exist: both look the same. */
	authorize(userId: string, roomName: string): { access: DocumentAccess; workspaceId: string } | null;
	/** Runs once when the room is loaded, before anyone syncs (e.g. schema migrations). */
	prepare?(doc: Y.Doc): void;
}

const BOARD_ID = /^[a-z2-7]{16}$/;

export const boardDocuments: DocumentKind = {
	name: 'board',
	owns: (roomName) => BOARD_ID.test(roomName),
	authorize(userId, roomName) {
		const board = db.findBoard(roomName);
		const role = board && boardRole(userId, board.id);
		if (!board || !role) return null;
		return { access: roleAllows(role, 'boards:write') ? 'write' : 'read', workspaceId: board.workspaceId };
	},
	prepare(doc) {
		migrateBoard(doc);
	}
};

const kinds: DocumentKind[] = [boardDocuments];

export function documentKindOf(roomName: string): DocumentKind | undefined {
	return kinds.find((kind) => kind.owns(roomName));
}
