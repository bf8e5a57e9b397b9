import { json } from '@sveltejs/kit';
import { groupPreviewSchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { api, readJson } from '$lib/server/http/api';
import { groupFiguresJson } from '$lib/server/http/json';
import { previewRule } from '$lib/server/groups';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const { rule } = await readJson(event, groupPreviewSchema);
	return json(groupFiguresJson(await previewRule(user, event.params.id, rule)));
});
