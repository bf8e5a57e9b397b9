import { requireUser, revokeApiToken } from '$lib/server/auth';
import { api } from '$lib/server/http/api';
import { noContent } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

export const DELETE: RequestHandler = api(({ locals, params }) => {
	revokeApiToken(requireUser(locals.user).id, params.id);
	return noContent();
});
