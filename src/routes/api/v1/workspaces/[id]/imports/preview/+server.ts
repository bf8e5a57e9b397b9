import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/api';
import { importPreviewJson } from '$lib/server/http/json';
import { previewImport } from '$lib/server/imports';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async ({ locals, params, request }) =>
	json(importPreviewJson(await previewImport(locals.user, params.id, request)))
);
