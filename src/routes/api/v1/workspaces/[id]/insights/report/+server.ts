import { json } from '@sveltejs/kit';
import { reportRequestSchema } from '$lib/schemas';
import { getLocale } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth';
import { api, readJson } from '$lib/server/http/api';
import { reportJobJson } from '$lib/server/http/insights-report-json';
import { startReport } from '$lib/server/reports';
import type { RequestHandler } from './$types';

/** Starts printing a report in the requesting user's language; poll the job it answers with. */
export const POST: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const choice = await readJson(event, reportRequestSchema);
	const job = await startReport(user, event.params.id, choice, getLocale(), event.url.origin);
	return json(reportJobJson(job), { status: 202, headers: { location: `/api/v1/workspaces/${event.params.id}/insights/report/${job.id}` } });
});
