import { api } from '$lib/server/http/api';
import { noContent } from '$lib/server/http/json';
import { eraseCustomer } from '$lib/server/imports';
import type { RequestHandler } from './$types';

export const DELETE: RequestHandler = api(({ locals, params }) => {
	eraseCustomer(locals.user, params.id, params.externalId);
	return noContent();
});
