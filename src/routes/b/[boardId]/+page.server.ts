import { error } from '@sveltejs/kit';
import { requireBoard, roleAllows } from '$lib/server/auth';
import * as db from '$lib/server/db';
import { AppError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	try {
		const { board, workspace, role, user } = requireBoard(locals.user, params.boardId, 'boards:read');
		return {
			board: { id: board.id, title: board.title, createdAt: board.createdAt, updatedAt: board.updatedAt },
			workspace: { id: workspace.id, name: workspace.name },
			role,
			canEdit: roleAllows(role, 'boards:write'),
			me: { id: user.id, name: user.name },
			members: db.listMembers(workspace.id, { limit: 100 }).items.map((m) => ({ id: m.userId, name: m.name }))
		};
	} catch (e) {
		if (e instanceof AppError) error(e.status, e.message);
		throw e;
	}
};
