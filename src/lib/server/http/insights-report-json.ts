import { z } from 'zod';
import { REPORT_SECTIONS } from '$lib/domain/insights/report';
import type { ReportJob } from '../reports';

/** A report job as `/api/v1/workspaces/:id/insights/report/:jobId` gives it (the shape OpenAPI documents). */
export const reportJobShape = z
	.object({
		id: z.string(),
		status: z.enum(['queued', 'running', 'done', 'failed']),
		progress: z.number().min(0).max(1).nullable().describe('Share done; null once it failed'),
		phase: z.enum(['waiting', 'computing', 'printing']).nullable().describe('While queued or running: waiting its turn, computing the sections, or printing'),
		reason: z.string().nullable().describe('Why it failed, in plain words'),
		sections: z.array(z.enum(REPORT_SECTIONS)),
		personaIds: z.array(z.string()),
		boardIds: z.array(z.string()).describe('Journey maps printed whole'),
		locale: z.enum(['en', 'nl']).describe("The report's language: the requesting user's"),
		createdAt: z.string(),
		pdfUrl: z.string().nullable().describe('Once done: where the PDF downloads (for a while; then the job is gone)'),
		bytes: z.number().int().nullable(),
		filename: z.string()
	})
	.meta({ id: 'ReportJob' });

export function reportJobJson(job: ReportJob): z.infer<typeof reportJobShape> {
	const { state } = job;
	return {
		id: job.id,
		status: state.status,
		progress: state.status === 'failed' ? null : state.progress,
		phase: state.status === 'queued' || state.status === 'running' ? state.phase : null,
		reason: state.status === 'failed' ? state.reason : null,
		sections: job.choice.sections,
		personaIds: job.choice.personaIds,
		boardIds: job.choice.boardIds,
		locale: job.locale,
		createdAt: job.createdAt.toISOString(),
		pdfUrl: state.status === 'done' ? `/api/v1/workspaces/${job.workspaceId}/insights/report/${job.id}/pdf` : null,
		bytes: state.status === 'done' ? state.bytes : null,
		filename: job.filename
	};
}
