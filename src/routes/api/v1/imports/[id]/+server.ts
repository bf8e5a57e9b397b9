import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/api';
import { importJson } from '$lib/server/http/json';
import { getImport } from '$lib/server/imports';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params }) => json(importJson(getImport(locals.user, params.id))));
