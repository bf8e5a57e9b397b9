import { api } from '$lib/server/http/api';
import { noContent } from '$lib/server/http/json';
import { revokeInvite } from '$lib/server/workspaces';
import type { RequestHandler } from './$types';

export const DELETE: RequestHandler = api(({ locals, params }) => {
	revokeInvite(locals.user, params.id, params.inviteId);
	return noContent();
});
