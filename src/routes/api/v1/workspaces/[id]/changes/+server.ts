import { requireUser } from '$lib/server/auth';
import { api } from '$lib/server/http/api';
import { workspaceChanges } from '$lib/server/workspaces';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params }) =>
	workspaceChanges(requireUser(locals.user), params.id, {
		sessionId: locals.session?.id ?? null,
		apiTokenId: locals.apiTokenId
	})
);
