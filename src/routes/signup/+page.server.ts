import { redirect } from '@sveltejs/kit';
import { signupSchema } from '$lib/schemas';
import { createSession, setSessionCookie, signUp } from '$lib/server/auth';
import { runForm, sameSitePath } from '$lib/server/http/forms';
import { parseInput } from '$lib/server/http/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const redirectTo = sameSitePath(url.searchParams.get('redirectTo'));
	if (locals.user) redirect(303, redirectTo);
	return { redirectTo };
};

export const actions: Actions = {
	default: (event) =>
		runForm(event, 'signup', async (fields) => {
			const input = parseInput(signupSchema, fields);
			const user = await signUp(input, event.getClientAddress());
			const { token, session } = createSession(user.id, {
				userAgent: event.request.headers.get('user-agent'),
				ipAddress: event.getClientAddress()
			});
			setSessionCookie(event.cookies, token, session.expiresAt, event.url.protocol === 'https:');
			redirect(303, sameSitePath(fields.redirectTo));
		})
};
