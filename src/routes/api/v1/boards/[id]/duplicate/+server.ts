import { json } from '@sveltejs/kit';
import { boardDuplicateSchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { duplicateBoard } from '$lib/server/boards';
import { api, readJson } from '$lib/server/http/api';
import { boardJson } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const { title } = await readJson(event, boardDuplicateSchema);
	return json(boardJson(duplicateBoard(user, event.params.id, title)), { status: 201 });
});
