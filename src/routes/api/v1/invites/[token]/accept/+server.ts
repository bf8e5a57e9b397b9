import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth';
import { api } from '$lib/server/http/api';
import { acceptInvite } from '$lib/server/workspaces';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(({ locals, params }) => {
	const { workspaceId, role } = acceptInvite(requireUser(locals.user), params.token);
	return json({ workspaceId, role });
});
