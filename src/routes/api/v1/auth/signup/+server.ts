import { json } from '@sveltejs/kit';
import { signupSchema } from '$lib/schemas';
import { signUp } from '$lib/server/auth';
import { api, readJson } from '$lib/server/http/api';
import { userJson } from '$lib/server/http/json';
import { clientAddress, startSession } from '$lib/server/http/request';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async (event) => {
	const input = await readJson(event, signupSchema);
	const user = await signUp(input, clientAddress(event));
	startSession(event, user);
	return json({ user: userJson(user) }, { status: 201 });
});
