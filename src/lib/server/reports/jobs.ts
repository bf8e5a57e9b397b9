import { randomBytes } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { AddressInfo } from 'node:net';
import { REPORT_SECTIONS, reportSearchParams, type ReportChoice } from '$lib/domain/insights/report';
import * as db from '../db';
import { requireWorkspace } from '../auth';
import { AppError, notFound } from '../errors';
import type { InsightsInput } from '../insights';
import { insightsQuerySchema } from '$lib/schemas';
import { printPdf, requirePrinterBrowser } from './printer';
import { RENDER_TOKEN_HEADER, issueRenderToken, revokeRenderToken } from './render-tokens';
import { reportSection } from './sections';

/*
 * Report jobs: POST starts one, GET polls it. They run one at a time, in the order asked (a two-
 * core machine prints one report well, not four badly). A job first has its sections computed —
 * the insights page's cached computations, in steps and worker threads, with their progress —
 * and then has Chromium print the print route, whose sections are then ready. Jobs and their
 * PDFs live in this process's memory for KEEP_MS after they end, then they are dropped.
 */

const KEEP_MS = 15 * 60_000;
/** More waiting reports than this and the answer is "try again later". */
const MAX_WAITING = 8;
/** How long one look at a computing section waits before the job reports its progress. */
const LOOK_MS = 500;

export type JobState =
	| { status: 'queued' | 'running'; progress: number; phase: 'waiting' | 'computing' | 'printing' }
	| { status: 'done'; progress: 1; bytes: number }
	| { status: 'failed'; reason: string };

export interface ReportJob {
	id: string;
	userId: string;
	workspaceId: string;
	locale: 'en' | 'nl';
	choice: ReportChoice;
	filename: string;
	createdAt: Date;
	state: JobState;
	pdf: Buffer | null;
}

const jobs = new Map<string, ReportJob>();
const queue: ReportJob[] = [];
let working = false;

/** The address Chromium reaches this server on, never leaving the machine; `fallback` under a server we did not start. */
function loopbackOrigin(fallback: string): string {
	const address = globalThis.__waymarkHttpServer?.address() as AddressInfo | string | null | undefined;
	if (!address || typeof address === 'string') return fallback;
	const host = address.family === 'IPv6' ? (address.address === '::' ? '[::1]' : `[${address.address}]`) : address.address === '0.0.0.0' ? '127.0.0.1' : address.address;
	return `http://${host}:${address.port}`;
}

const slug = (name: string) =>
	name
		.normalize('NFKD')
		.replace(/[^\w\s-]/g, '')
		.trim()
		.replace(/[\s_]+/g, '-')
		.toLowerCase()
		.slice(0, 40) || 'workspace';

function keepFor(job: ReportJob): void {
	setTimeout(() => jobs.delete(job.id), KEEP_MS).unref();
}

async function computeSections(job: ReportJob, user: db.User): Promise<void> {
	const input: InsightsInput = insightsQuerySchema.parse(job.choice.filters);
	const { sections } = job.choice;
	for (const [index, section] of sections.entries()) {
		for (;;) {
			await yieldToEventLoop();
			const state = await reportSection(section, user, job.workspaceId, input, LOOK_MS);
			if (state.progress === null) break;
			job.state = { status: 'running', phase: 'computing', progress: (0.8 * (index + state.progress)) / sections.length };
		}
	}
}

async function run(job: ReportJob, origin: string): Promise<void> {
	job.state = { status: 'running', phase: 'computing', progress: 0 };
	const user = db.findUserById(job.userId);
	if (!user) throw notFound('User');
	// Access is asked again: the job may have waited while the user was removed from the workspace.
	requireWorkspace(user, job.workspaceId, 'data:read');
	await computeSections(job, user);
	job.state = { status: 'running', phase: 'printing', progress: 0.85 };
	const path = `/w/${job.workspaceId}/insights/report`;
	const token = issueRenderToken(user.id, path, job.locale);
	try {
		const workspace = db.findWorkspace(job.workspaceId);
		const pdf = await printPdf({
			url: `${origin}${path}?${reportSearchParams(job.choice)}`,
			headers: { [RENDER_TOKEN_HEADER]: token },
			title: workspace?.name ?? 'Waymark'
		});
		job.pdf = pdf;
		job.state = { status: 'done', progress: 1, bytes: pdf.byteLength };
	} finally {
		revokeRenderToken(token);
	}
}

async function work(origin: string): Promise<void> {
	if (working) return;
	working = true;
	try {
		for (let job = queue.shift(); job; job = queue.shift()) {
			try {
				await run(job, origin);
			} catch (error) {
				// The reason is the user's to read: an AppError says it plainly; anything else is logged, not shown.
				if (!(error instanceof AppError)) console.error(`[reports] job ${job.id} failed`, error);
				job.state = { status: 'failed', reason: error instanceof AppError ? error.message : 'The report could not be printed; the server log says why.' };
			}
			keepFor(job);
		}
	} finally {
		working = false;
	}
}

/** Starts a report of the workspace for the user, in the user's language; 503 at once without a browser. */
export async function startReport(user: db.User, workspaceId: string, choice: ReportChoice, locale: 'en' | 'nl', requestOrigin: string): Promise<ReportJob> {
	const { workspace } = requireWorkspace(user, workspaceId, 'data:read');
	await requirePrinterBrowser();
	if (queue.length >= MAX_WAITING) throw new AppError(503, 'unavailable', 'Too many reports are waiting to be printed; try again in a minute.', undefined, { 'Retry-After': '30' });
	const day = new Date().toISOString().slice(0, 10);
	const job: ReportJob = {
		id: randomBytes(12).toString('base64url'),
		userId: user.id,
		workspaceId,
		locale,
		choice: { ...choice, sections: REPORT_SECTIONS.filter((s) => choice.sections.includes(s)) },
		filename: `waymark-${slug(workspace.name)}-${day}.pdf`,
		createdAt: new Date(),
		state: { status: 'queued', phase: 'waiting', progress: 0 },
		pdf: null
	};
	jobs.set(job.id, job);
	queue.push(job);
	void work(loopbackOrigin(requestOrigin));
	return job;
}

/** A report job of this user in this workspace (another's is not found, as if it did not exist). */
export function reportJob(user: db.User, workspaceId: string, jobId: string): ReportJob {
	requireWorkspace(user, workspaceId, 'data:read');
	const job = jobs.get(jobId);
	if (!job || job.userId !== user.id || job.workspaceId !== workspaceId) throw notFound('Report');
	return job;
}
