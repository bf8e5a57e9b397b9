import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth';
import { boardVersions } from '$lib/server/collab';
import { notFound } from '$lib/server/errors';
import { api } from '$lib/server/http/api';
import { versionWithStateJson } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params }) => {
	const user = requireUser(locals.user);
	const versionId = Number(params.versionId);
	if (!Number.isSafeInteger(versionId) || versionId < 1) throw notFound('Version');
	return json(versionWithStateJson(boardVersions().get(user, params.id, versionId)));
});
