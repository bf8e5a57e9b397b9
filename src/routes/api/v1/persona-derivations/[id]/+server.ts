import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/api';
import { derivationJson } from '$lib/server/http/json';
import { getDerivation } from '$lib/server/personas';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params }) => json(derivationJson(getDerivation(locals.user, params.id))));
