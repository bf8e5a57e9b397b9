import { json } from '@sveltejs/kit';
import { versionCreateSchema } from '$lib/schemas';
import { boardVersions, versionJson } from '$lib/server/collab';
import { api, readJson } from '$lib/server/http/api';

export const GET = api(({ locals, params }) =>
	json({ items: boardVersions().list(locals.user, params.id!).map(versionJson), nextCursor: null })
);

export const POST = api(async (event) => {
	const input = await readJson(event, versionCreateSchema);
	const version = boardVersions().create(event.locals.user, event.params.id!, input.label || null);
	return json(versionJson(version), { status: 201 });
});
