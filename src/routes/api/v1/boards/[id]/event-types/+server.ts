import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/api';
import { boardEventTypes } from '$lib/server/insights';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) => json({ items: await boardEventTypes(locals.user, params.id) }));
