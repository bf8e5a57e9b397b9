import { api, pageJson, readPageQuery } from '$lib/server/http/api';
import { inviteJson } from '$lib/server/http/json';
import { listInvites } from '$lib/server/workspaces';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params, url }) => {
	return pageJson(listInvites(locals.user, params.id, readPageQuery(url)), inviteJson);
});
