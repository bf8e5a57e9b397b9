import type * as Y from 'yjs';
import { migrateBoard } from '$lib/domain/board';
import { migratePersonaDoc, personaIdOfRoom, setPhoto } from '$lib/domain/persona';
import { boardRole, mayComment, roleAllows } from '../auth';
import * as db from '../db';

export type DocumentAccess = 'write' | 'read';

/**
 * A kind of collaborative document: which room names it owns and who may open them.
 * Boards (with their comments) and persona cards.
 */
export interface DocumentKind {
	name: string;
	owns(roomName: string): boolean;
	/** Null when the user may not open the room, or it does not exist: both look the same. */
	authorize(userId: string, roomName: string): { access: DocumentAccess; workspaceId: string } | null;
	/** Runs once when the room is loaded, before anyone syncs (e.g. schema migrations). */
	prepare?(doc: Y.Doc, roomName: string): void;
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

const COMMENTS_ROOM = /^([a-z2-7]{16})\.comments$/;

/** The comments of a board: readable by every member, writable by those who may comment. */
export const boardCommentDocuments: DocumentKind = {
	name: 'board-comments',
	owns: (roomName) => COMMENTS_ROOM.test(roomName),
	authorize(userId, roomName) {
		const boardId = COMMENTS_ROOM.exec(roomName)?.[1];
		const board = boardId ? db.findBoard(boardId) : undefined;
		const role = board && boardRole(userId, board.id);
		const workspace = board && db.findWorkspace(board.workspaceId);
		if (!board || !role || !workspace) return null;
		return { access: mayComment(role, workspace) ? 'write' : 'read', workspaceId: board.workspaceId };
	}
};

/**
 * A persona's card, written together (`<personaId>.persona`): members who may read customer
 * data read it, those who may change personas (groups:write) write it.
 */
export const personaDocuments: DocumentKind = {
	name: 'persona',
	owns: (roomName) => personaIdOfRoom(roomName) !== null,
	authorize(userId, roomName) {
		const persona = db.findPersona(personaIdOfRoom(roomName)!);
		const membership = persona && db.findMembership(persona.workspaceId, userId);
		if (!persona || !membership || !roleAllows(membership.role, 'data:read')) return null;
		return { access: roleAllows(membership.role, 'groups:write') ? 'write' : 'read', workspaceId: persona.workspaceId };
	},
	prepare(doc, roomName) {
		migratePersonaDoc(doc);
		// The photo is stored before the card is pointed at it: a crash in between is mended here.
		const personaId = personaIdOfRoom(roomName)!;
		setPhoto(doc, db.personaPhotoVersions([personaId]).get(personaId) ?? null);
	}
};

const kinds: DocumentKind[] = [boardDocuments, boardCommentDocuments, personaDocuments];

export function documentKindOf(roomName: string): DocumentKind | undefined {
	return kinds.find((kind) => kind.owns(roomName));
}
