import { json } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { personaDeriveSchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { api, readJson } from '$lib/server/http/api';
import { derivationJson } from '$lib/server/http/json';
import { startDerivation } from '$lib/server/personas';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const input = await readJson(event, personaDeriveSchema);
	const derivation = await startDerivation(user, event.params.id, { ...input, locale: getLocale() });
	return json(derivationJson(derivation), {
		status: 202,
		headers: { location: `/api/v1/persona-derivations/${derivation.id}`, 'retry-after': '1' }
	});
});
