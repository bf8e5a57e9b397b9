import { redirect } from '@sveltejs/kit';
import { loginSchema } from '$lib/schemas';
import { createSession, logIn, setSessionCookie } from '$lib/server/auth';
import { runForm, sameSitePath } from '$lib/server/http/forms';
import { setLocaleCookie } from '$lib/server/http/locale';
import { parseInput } from '$lib/server/http/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const redirectTo = sameSitePath(url.searchParams.get('redirectTo'));
	if (locals.user) redirect(303, redirectTo);
	return { redirectTo };
};

export const actions: Actions = {
	default: (event) =>
		runForm(event, 'login', async (fields) => {
			const input = parseInput(loginSchema, fields);
			const user = await logIn(input, event.getClientAddress());
			const { token, session } = createSession(user.id, {
				userAgent: event.request.headers.get('user-agent'),
				ipAddress: event.getClientAddress()
			});
			const secure = event.url.protocol === 'https:';
			setSessionCookie(event.cookies, token, session.expiresAt, secure);
			if (user.locale) setLocaleCookie(event.cookies, user.locale, event.url);
			redirect(303, sameSitePath(fields.redirectTo));
		})
};
