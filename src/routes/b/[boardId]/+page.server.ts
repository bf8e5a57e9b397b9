import { WORKSPACE_SETTINGS_DEPENDENCY } from '$lib/client/workspace-changes';
import { mayComment, requireBoard, roleAllows } from '$lib/server/auth';
import { boardVersions } from '$lib/server/collab';
import * as db from '$lib/server/db';
import { loadPage } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, () => {
		// Loaded again when the workspace's settings change: its currency is on the canvas.
		event.depends(WORKSPACE_SETTINGS_DEPENDENCY);
		const { board, workspace, role, user } = requireBoard(event.locals.user, event.params.boardId, 'boards:read');
		// `?version=N` shows that version read-only instead of the live board.
		const versionId = Number(event.url.searchParams.get('version'));
		const version = Number.isSafeInteger(versionId) && versionId > 0 ? boardVersions().get(user, board.id, versionId) : null;
		// `?card=<id>` (a link from the insights page): that card is selected and in sight.
		const focusCardId = event.url.searchParams.get('card')?.slice(0, 100) || null;
		return {
			focusCardId,
			preview: version && {
				id: version.id,
				label: version.label,
				restoredFrom: version.restoredFrom,
				createdAt: version.createdAt,
				state: Buffer.from(version.state).toString('base64')
			},
			board: {
				id: board.id,
				title: board.title,
				createdAt: board.createdAt,
				updatedAt: board.updatedAt,
				archivedAt: board.archivedAt
			},
			workspace: { id: workspace.id, name: workspace.name, currency: workspace.currency },
			role,
			canEdit: roleAllows(role, 'boards:write'),
			canComment: mayComment(role, workspace),
			me: { id: user.id, name: user.name },
			members: db.listMembers(workspace.id, { limit: 100 }).items.map((m) => ({ id: m.userId, name: m.name }))
		};
	});
