import { WORKSPACE_SETTINGS_DEPENDENCY } from '$lib/client/workspace-changes';
import { permissionsOf, requireWorkspace } from '$lib/server/auth';
import { loadPage } from '$lib/server/http/forms';
import { mayLeave } from '$lib/server/workspaces';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) =>
	loadPage(event, () => {
		event.depends(WORKSPACE_SETTINGS_DEPENDENCY);
		const { workspace, role } = requireWorkspace(event.locals.user, event.params.workspaceId, 'workspace:read');
		return {
			workspace: {
				id: workspace.id,
				name: workspace.name,
				viewersMayComment: workspace.viewersMayComment,
				currency: workspace.currency
			},
			role,
			// The only owner is not offered to leave (it would be refused); the pages say why.
			mayLeave: mayLeave(workspace.id, role),
			// Decides which controls to show; every action is still checked by its service.
			can: permissionsOf(role)
		};
	});
