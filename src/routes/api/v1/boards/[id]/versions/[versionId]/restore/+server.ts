import { json } from '@sveltejs/kit';
import { boardVersions, versionJson } from '$lib/server/collab';
import { notFound } from '$lib/server/errors';
import { api } from '$lib/server/http/api';

export const POST = api(({ locals, params }) => {
	const versionId = Number(params.versionId);
	if (!Number.isSafeInteger(versionId) || versionId < 1) throw notFound('Version');
	const backup = boardVersions().restore(locals.user, params.id!, versionId);
	return json({ restored: versionId, backup: versionJson(backup) });
});
