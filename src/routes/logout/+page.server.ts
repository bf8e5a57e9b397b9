import { redirect } from '@sveltejs/kit';
import { clearSessionCookie, invalidateSession } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: ({ locals, cookies, url }) => {
		if (locals.session) invalidateSession(locals.session.id);
		clearSessionCookie(cookies, url.protocol === 'https:');
		redirect(303, '/login');
	}
};
