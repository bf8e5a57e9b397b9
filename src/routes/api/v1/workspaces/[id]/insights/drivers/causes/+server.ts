import { json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { driverCauseSchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { api, readJson } from '$lib/server/http/api';
import { addDriverAsCause } from '$lib/server/insights';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const input = await readJson(event, driverCauseSchema);
	const added = await addDriverAsCause(user, event.params.id, { ...input, laneTitle: m.insights_driver_lane() });
	return json({ boardId: input.boardId, ...added }, { status: 201 });
});
