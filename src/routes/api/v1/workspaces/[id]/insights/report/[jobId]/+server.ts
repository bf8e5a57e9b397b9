import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth';
import { api } from '$lib/server/http/api';
import { reportJobJson } from '$lib/server/http/insights-report-json';
import { reportJob } from '$lib/server/reports';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params }) => json(reportJobJson(reportJob(requireUser(locals.user), params.id, params.jobId))));
