import { redirect } from '@sveltejs/kit';
import { locale as localeSchema } from '$lib/schemas';
import { setLocaleCookie } from '$lib/server/http/locale';
import { sameSitePath } from '$lib/server/http/forms';
import * as db from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	// A wrong value is not worth an error page: the language simply stays as it was.
	default: async ({ request, cookies, locals, url }) => {
		const form = await request.formData();
		const back = sameSitePath(String(form.get('redirectTo') ?? ''), '/');
		const parsed = localeSchema.safeParse(form.get('locale'));
		if (parsed.success) {
			setLocaleCookie(cookies, parsed.data, url);
			if (locals.user) db.updateUser(locals.user.id, { locale: parsed.data });
		}
		redirect(303, back);
	}
};
