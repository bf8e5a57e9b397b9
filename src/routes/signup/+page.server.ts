import { redirect } from '@sveltejs/kit';
import { signupSchema } from '$lib/schemas';
import { signUp } from '$lib/server/auth';
import { runForm, sameSitePath } from '$lib/server/http/forms';
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
		runForm(event, 'signup', async (fields) => {
			const input = parseInput(signupSchema, fields);
			const user = await signUp(input, clientAddress(event));
			startSession(event, user);
			redirect(303, sameSitePath(fields.redirectTo));
		})
};
