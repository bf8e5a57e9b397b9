import { clearSessionCookie, invalidateSession, requireUser } from '$lib/server/auth';
import { api } from '$lib/server/http/api';
import { noContent } from '$lib/server/http/json';
import { isHttps } from '$lib/server/http/request';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api((event) => {
	requireUser(event.locals.user);
	// A bearer-token caller has no session to end; the token stays valid until revoked.
	if (event.locals.session) {
		invalidateSession(event.locals.session.id);
		clearSessionCookie(event.cookies, isHttps(event));
	}
	return noContent();
});
