import { boardCreateSchema, boardUpdateSchema } from '$lib/schemas';
import { requireBoard, requireWorkspace } from '$lib/server/auth';
import { createBoard, deleteBoard, duplicateBoard, updateBoard } from '$lib/server/boards';
import * as db from '$lib/server/db';
import { loadPage, runForm } from '$lib/server/http/forms';
import { parseInput } from '$lib/server/http/validation';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, () => {
		const { workspace } = requireWorkspace(event.locals.user, event.params.workspaceId, 'boards:read');
		const archived = event.url.searchParams.has('archived');
		return { archived, boards: db.listBoards(workspace.id, { archived, limit: 100 }).items };
	});

export const actions: Actions = {
	create: (event) =>
		runForm(event, 'create', (fields) => {
			const input = parseInput(boardCreateSchema, { title: fields.title, template: fields.template || undefined });
			// The template speaks the language the page is shown in.
			createBoard(event.locals.user, event.params.workspaceId, { ...input, locale: getLocale() });
		}),
	rename: (event) =>
		runForm(event, 'rename', (fields) => {
			const { title } = parseInput(boardUpdateSchema, { title: fields.title });
			updateBoard(event.locals.user, fields.boardId ?? '', { title });
		}),
	duplicate: (event) =>
		runForm(event, 'duplicate', (fields) => {
			// The copy is named in the user's language: "Title (copy)" / "Title (kopie)".
			const { board } = requireBoard(event.locals.user, fields.boardId ?? '', 'boards:write');
			duplicateBoard(event.locals.user, board.id, m.board_copy_title({ title: board.title }).slice(0, 120));
		}),
	archive: (event) =>
		runForm(event, 'archive', (fields) => {
			updateBoard(event.locals.user, fields.boardId ?? '', { archived: true });
		}),
	unarchive: (event) =>
		runForm(event, 'unarchive', (fields) => {
			updateBoard(event.locals.user, fields.boardId ?? '', { archived: false });
		}),
	delete: (event) =>
		runForm(event, 'delete', (fields) => {
			deleteBoard(event.locals.user, fields.boardId ?? '');
		})
};
