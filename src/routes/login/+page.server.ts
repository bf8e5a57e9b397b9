import { redirect } from '@sveltejs/kit';
import { loginSchema } from '$lib/schemas';
import { logIn } from '$lib/server/auth';
import { runForm, sameSitePath } from '$lib/server/http/forms';
import { setLocaleCookie } from '$lib/server/http/locale';
import { clientAddress, startSession } from '$lib/server/http/request';
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
			const user = await logIn(input, clientAddress(event));
			startSession(event, user);
			if (user.locale) setLocaleCookie(event.cookies, user.locale, event.url);
			redirect(303, sameSitePath(fields.redirectTo));
		})
};
