import { listSessions, requireUser } from '$lib/server/auth';
import { api, pageJson, readPageQuery } from '$lib/server/http/api';
import { sessionJson } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, url }) => {
	const user = requireUser(locals.user);
	const currentId = locals.session?.id ?? null;
	return pageJson(listSessions(user.id, readPageQuery(url)), (session) => sessionJson(session, currentId));
});
