import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/api';
import { dataSummaryJson } from '$lib/server/http/json';
import { dataSummary } from '$lib/server/imports';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params }) => json(dataSummaryJson(dataSummary(locals.user, params.id))));
