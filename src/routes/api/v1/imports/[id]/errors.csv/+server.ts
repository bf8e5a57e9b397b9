import { requireUser } from '$lib/server/auth';
import { api } from '$lib/server/http/api';
import { readErrorReportQuery } from '$lib/server/http/request';
import { importErrorReport } from '$lib/server/imports';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params, url }) => {
	const user = requireUser(locals.user);
	const { fileName, csv } = importErrorReport(user, params.id, readErrorReportQuery(url).delimiter);
	// The byte-order mark makes spreadsheets read the file as UTF-8.
	return new Response(`\uFEFF${csv}`, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName}"`
		}
	});
});
