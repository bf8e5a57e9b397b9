import { notFound } from '$lib/server/errors';
import { api } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

// Unknown API paths answer in the API's JSON error shape rather than with an HTML error page.
const unknownEndpoint: RequestHandler = api(() => {
	throw notFound('Endpoint');
});

export const GET = unknownEndpoint;
export const POST = unknownEndpoint;
export const PUT = unknownEndpoint;
export const PATCH = unknownEndpoint;
export const DELETE = unknownEndpoint;
