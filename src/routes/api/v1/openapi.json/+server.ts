import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/api';
import { openApiDocument } from '$lib/server/http/openapi';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(() => json(openApiDocument()));
