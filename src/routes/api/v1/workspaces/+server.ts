import { json } from '@sveltejs/kit';
import { workspaceCreateSchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { api, pageJson, readJson, readPageQuery } from '$lib/server/http/api';
import { workspaceJson, workspaceSummaryJson } from '$lib/server/http/json';
import { createWorkspace, listWorkspaces } from '$lib/server/workspaces';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, url }) => {
	const user = requireUser(locals.user);
	return pageJson(listWorkspaces(user, readPageQuery(url)), workspaceSummaryJson);
});

export const POST: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const { name } = await readJson(event, workspaceCreateSchema);
	return json(workspaceJson(createWorkspace(user, name)), { status: 201 });
});
