import { json } from '@sveltejs/kit';
import { dataUnderWay } from '$lib/server/arrivals';
import { api } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params }) => json({ importing: dataUnderWay(locals.user, params.id) }));
