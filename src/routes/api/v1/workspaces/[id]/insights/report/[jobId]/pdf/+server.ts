import { requireUser } from '$lib/server/auth';
import { AppError } from '$lib/server/errors';
import { api } from '$lib/server/http/api';
import { reportJob } from '$lib/server/reports';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params }) => {
	const job = reportJob(requireUser(locals.user), params.id, params.jobId);
	if (job.state.status !== 'done' || !job.pdf) throw new AppError(409, 'conflict', job.state.status === 'failed' ? `The report failed: ${job.state.reason}` : 'The report is not printed yet');
	return new Response(new Uint8Array(job.pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(job.pdf.byteLength),
			'content-disposition': `attachment; filename="${job.filename}"`,
			'cache-control': 'private, no-store'
		}
	});
});
