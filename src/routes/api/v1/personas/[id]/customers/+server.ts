import { api, pageJson, readPageQuery } from '$lib/server/http/api';
import { personaMemberJson } from '$lib/server/http/json';
import { personaCustomers } from '$lib/server/personas';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params, url }) =>
	pageJson(personaCustomers(locals.user, params.id, readPageQuery(url)), personaMemberJson)
);
