import { json } from '@sveltejs/kit';
import { loginSchema } from '$lib/schemas';
import { logIn } from '$lib/server/auth';
import { api, readJson } from '$lib/server/http/api';
import { userJson } from '$lib/server/http/json';
import { clientAddress, startSession } from '$lib/server/http/request';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async (event) => {
	const input = await readJson(event, loginSchema);
	const user = await logIn(input, clientAddress(event));
	startSession(event, user);
	return json({ user: userJson(user) });
});
