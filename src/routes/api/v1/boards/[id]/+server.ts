import { json } from '@sveltejs/kit';
import { boardUpdateSchema } from '$lib/schemas';
import { requireBoard, requireUser } from '$lib/server/auth';
import { deleteBoard, updateBoard } from '$lib/server/boards';
import { api, readJson } from '$lib/server/http/api';
import { boardJson, noContent } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params }) => {
	return json(boardJson(requireBoard(locals.user, params.id, 'boards:read').board));
});

export const PATCH: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const changes = await readJson(event, boardUpdateSchema);
	return json(boardJson(updateBoard(user, event.params.id, changes)));
});

export const DELETE: RequestHandler = api(({ locals, params }) => {
	deleteBoard(locals.user, params.id);
	return noContent();
});
