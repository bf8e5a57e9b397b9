import { changePasswordSchema } from '$lib/schemas';
import { changePassword, requireUser } from '$lib/server/auth';
import { api, readJson } from '$lib/server/http/api';
import { noContent } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const input = await readJson(event, changePasswordSchema);
	await changePassword(user, event.locals.session?.id ?? null, input.currentPassword, input.newPassword);
	return noContent();
});
