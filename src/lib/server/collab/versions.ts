import * as Y from 'yjs';
import { requireBoard } from '../auth';
import * as db from '../db';
import { notFound } from '../errors';
import { replaceDocContent } from './restore';
import { config } from '../config';
import { applyStoredState, pruneOverDeep } from './stored-state';
import type { CollabServer } from './server';

export const RESTORE_ORIGIN = 'version-restore';

/** Version history of one board's document: list, snapshot now, restore. */
export class BoardVersions {
	constructor(private readonly collab: CollabServer) {}

	list(user: db.User | null, boardId: string, page: db.PageRequest = {}): db.Page<db.DocVersionSummary> {
		requireBoard(user, boardId, 'boards:read');
		return db.listDocVersions(boardId, page);
	}

	/** One version with its stored state, for a read-only preview. */
	get(user: db.User | null, boardId: string, versionId: number): db.DocVersion {
		requireBoard(user, boardId, 'boards:read');
		const version = db.findDocVersion(boardId, versionId);
		if (!version) throw notFound('Version');
		// A version kept before the depth limit would overflow the previewing browser's stack.
		const { update, pruned } = pruneOverDeep(new Uint8Array(version.state), config.collab.maxDepth);
		return pruned ? { ...version, state: Buffer.from(update) } : version;
	}

	create(user: db.User | null, boardId: string, label: string | null): db.DocVersionSummary {
		const { board, user: actor } = requireBoard(user, boardId, 'boards:write');
		const room = this.collab.openRoom(board.id, board.workspaceId);
		return db.insertDocVersion({
			docName: board.id,
			label,
			kind: 'named',
			state: Y.encodeStateAsUpdate(room.doc),
			createdBy: actor.id
		});
	}

	/**
	 * Brings the live document back to a version, as a new update that every connected client
	 * receives. What was there before is kept as an automatic version, so nothing is lost.
	 */
	restore(user: db.User | null, boardId: string, versionId: number): db.DocVersionSummary {
		const { board, user: actor } = requireBoard(user, boardId, 'boards:write');
		const version = db.findDocVersion(board.id, versionId);
		if (!version) throw notFound('Version');
		const room = this.collab.openRoom(board.id, board.workspaceId);
		const backup = db.insertDocVersion({
			docName: board.id,
			label: null,
			kind: 'auto',
			restoredFrom: versionId,
			state: Y.encodeStateAsUpdate(room.doc),
			createdBy: actor.id
		});
		const source = new Y.Doc();
		try {
			applyStoredState(source, [new Uint8Array(version.state)], `version ${versionId} of ${board.id}`);
			room.change((doc) => replaceDocContent(doc, source, RESTORE_ORIGIN));
		} finally {
			source.destroy();
		}
		return backup;
	}
}

