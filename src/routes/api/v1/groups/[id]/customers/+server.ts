import { api, pageJson, readPageQuery } from '$lib/server/http/api';
import { groupMemberJson } from '$lib/server/http/json';
import { groupCustomers } from '$lib/server/groups';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params, url }) =>
	pageJson(await groupCustomers(locals.user, params.id, readPageQuery(url)), groupMemberJson)
);
