import { clearSessionCookie, requireUser, revokeUserSession } from '$lib/server/auth';
import { notFound } from '$lib/server/errors';
import { api } from '$lib/server/http/api';
import { noContent } from '$lib/server/http/json';
import { isHttps } from '$lib/server/http/request';
import type { RequestHandler } from './$types';

export const DELETE: RequestHandler = api((event) => {
	const user = requireUser(event.locals.user);
	if (!revokeUserSession(user.id, event.params.id)) throw notFound('Session');
	if (event.params.id === event.locals.session?.id) clearSessionCookie(event.cookies, isHttps(event));
	return noContent();
});
