import { requireBoard } from '$lib/server/auth';
import { loadPage } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, () => {
		const { board, workspace, role } = requireBoard(event.locals.user, event.params.boardId, 'boards:read');
		return {
			board: {
				id: board.id,
				title: board.title,
				createdAt: board.createdAt,
				updatedAt: board.updatedAt,
				archivedAt: board.archivedAt
			},
			workspace: { id: workspace.id, name: workspace.name },
			role
		};
	});
