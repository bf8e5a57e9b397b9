import { templateUpdate, type BoardTemplate, type TemplateLocale } from '$lib/domain/board';
import * as db from '../db';
import { requireBoard, requireWorkspace } from '../auth';
import { announce } from '../events';

export function createBoard(
	user: db.User | null,
	workspaceId: string,
	input: { title: string; template?: BoardTemplate; locale?: TemplateLocale }
): db.Board {
	const access = requireWorkspace(user, workspaceId, 'boards:write');
	const template = input.template ?? 'blank';
	const locale = input.locale ?? access.user.locale ?? 'en';
	return db.insertBoard(
		{ workspaceId, title: input.title, template, createdBy: access.user.id },
		templateUpdate(template, locale)
	);
}

export function updateBoard(
	user: db.User | null,
	boardId: string,
	changes: { title?: string; archived?: boolean }
): db.Board {
	requireBoard(user, boardId, 'boards:write');
	return db.updateBoard(boardId, {
		...(changes.title !== undefined ? { title: changes.title } : {}),
		...(changes.archived !== undefined ? { archivedAt: changes.archived ? new Date() : null } : {})
	})!;
}

export function duplicateBoard(user: db.User | null, boardId: string, title?: string): db.Board {
	const access = requireBoard(user, boardId, 'boards:write');
	const copy = db.insertBoard({
		workspaceId: access.board.workspaceId,
		title: title ?? `${access.board.title} (copy)`,
		template: access.board.template,
		createdBy: access.user.id
	});
	// Every update a live room applies is already stored, so the stored log is the whole board.
	db.copyDocument(access.board.id, copy.id);
	return copy;
}

export function deleteBoard(user: db.User | null, boardId: string): void {
	requireBoard(user, boardId, 'boards:write');
	db.deleteBoard(boardId);
	announce({ kind: 'board-deleted', boardId });
}

export function listBoards(
	user: db.User | null,
	workspaceId: string,
	request: db.PageRequest & { archived?: boolean }
): db.Page<db.Board> {
	requireWorkspace(user, workspaceId, 'boards:read');
	return db.listBoards(workspaceId, request);
}
