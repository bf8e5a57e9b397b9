import { insightsTableQuerySchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { api } from '$lib/server/http/api';
import { pendingJson } from '$lib/server/http/json';
import { parseInput } from '$lib/server/http/validation';
import { downloadTable } from '$lib/server/insights/tables';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The page's link waits a little longer than a JSON section: a download has no progress bar to show. */
const WAIT_MS = 6_000;

export const GET: RequestHandler = api(async ({ locals, params, url }) => {
	const user = requireUser(locals.user);
	const { format, ...input } = parseInput(insightsTableQuerySchema, Object.fromEntries(url.searchParams));
	const file = await downloadTable(user, params.id, { section: params.section, table: params.table, format, input }, WAIT_MS);
	if (file.status === 'running') return json(pendingJson(file), { status: 202, headers: { 'retry-after': '1' } });
	return new Response(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
});
