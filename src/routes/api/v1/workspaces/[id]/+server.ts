import { json } from '@sveltejs/kit';
import { workspaceUpdateSchema } from '$lib/schemas';
import { requireUser, requireWorkspace } from '$lib/server/auth';
import { api, readJson } from '$lib/server/http/api';
import { noContent, workspaceDetailJson, workspaceJson } from '$lib/server/http/json';
import { deleteWorkspace, updateWorkspace } from '$lib/server/workspaces';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params }) => {
	const { workspace, role } = requireWorkspace(locals.user, params.id, 'workspace:read');
	return json(workspaceDetailJson(workspace, role));
});

export const PATCH: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const changes = await readJson(event, workspaceUpdateSchema);
	return json(workspaceJson(updateWorkspace(user, event.params.id, changes)));
});

export const DELETE: RequestHandler = api(({ locals, params }) => {
	deleteWorkspace(locals.user, params.id);
	return noContent();
});
