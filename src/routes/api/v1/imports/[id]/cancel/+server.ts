import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/api';
import { importJson } from '$lib/server/http/json';
import { cancelImport } from '$lib/server/imports';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(({ locals, params }) => json(importJson(cancelImport(locals.user, params.id))));
