import { json } from '@sveltejs/kit';
import { groupPresetSchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { api, readJson } from '$lib/server/http/api';
import { groupJson } from '$lib/server/http/json';
import { applyPreset } from '$lib/server/groups';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const input = await readJson(event, groupPresetSchema);
	const locale = input.locale ?? user.locale ?? 'en';
	const created = await applyPreset(user, event.params.id, input.preset, locale);
	return json({ items: created.map(groupJson) }, { status: 201 });
});
