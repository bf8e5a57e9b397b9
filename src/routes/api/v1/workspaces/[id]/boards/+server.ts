import { json } from '@sveltejs/kit';
import { boardCreateSchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { createBoard, listBoards } from '$lib/server/boards';
import { api, pageJson, readJson, readPageQuery } from '$lib/server/http/api';
import { boardJson } from '$lib/server/http/json';
import { readBoardListQuery } from '$lib/server/http/request';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params, url }) => {
	const request = { ...readPageQuery(url), ...readBoardListQuery(url) };
	return pageJson(listBoards(locals.user, params.id, request), boardJson);
});

export const POST: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const input = await readJson(event, boardCreateSchema);
	return json(boardJson(createBoard(user, event.params.id, input)), { status: 201 });
});
