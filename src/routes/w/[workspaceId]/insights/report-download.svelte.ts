import type { ReportChoice } from '$lib/domain/insights/report';

/*
 * The "Download report" flow of the insights page: starts a report job, follows its progress and
 * downloads the PDF once printed. One per page; the panel reads its state.
 */

type Phase = 'waiting' | 'computing' | 'printing';

interface JobJson {
	id: string;
	status: 'queued' | 'running' | 'done' | 'failed';
	progress: number | null;
	phase: Phase | null;
	reason: string | null;
	pdfUrl: string | null;
	filename: string;
}

const POLL_MS = 800;

export class ReportDownload {
	#state = $state<'idle' | 'working' | 'done' | 'failed'>('idle');
	#phase = $state<Phase>('waiting');
	#progress = $state(0);
	#reason = $state<string | null>(null);
	/** The server cannot print now (no browser, or too many reports waiting): not the report's fault. */
	#unavailable = $state(false);
	#pdfUrl = $state<string | null>(null);
	#filename = $state('report.pdf');
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(private readonly workspaceId: () => string) {}

	get state() {
		return this.#state;
	}
	get phase() {
		return this.#phase;
	}
	get progress() {
		return this.#progress;
	}
	get unavailable() {
		return this.#unavailable;
	}
	get reason() {
		return this.#reason;
	}
	get pdfUrl() {
		return this.#pdfUrl;
	}
	get filename() {
		return this.#filename;
	}

	async start(choice: ReportChoice): Promise<void> {
		this.stop();
		this.#state = 'working';
		this.#phase = 'waiting';
		this.#progress = 0;
		this.#reason = null;
		this.#unavailable = false;
		this.#pdfUrl = null;
		try {
			const response = await fetch(`/api/v1/workspaces/${this.workspaceId()}/insights/report`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(choice)
			});
			await this.#follow(response);
		} catch {
			this.#fail(null);
		}
	}

	async #follow(response: Response): Promise<void> {
		const body = await response.json().catch(() => null);
		if (!response.ok) {
			this.#unavailable = response.status === 503;
			return this.#fail(body?.error?.message ?? null);
		}
		const job = body as JobJson;
		this.#filename = job.filename;
		if (job.status === 'failed') return this.#fail(job.reason);
		if (job.status === 'done' && job.pdfUrl) {
			this.#state = 'done';
			this.#progress = 1;
			this.#pdfUrl = job.pdfUrl;
			this.#download(job.pdfUrl);
			return;
		}
		this.#phase = job.phase ?? 'waiting';
		this.#progress = job.progress ?? 0;
		this.#timer = setTimeout(async () => {
			try {
				await this.#follow(await fetch(`/api/v1/workspaces/${this.workspaceId()}/insights/report/${job.id}`));
			} catch {
				this.#fail(null);
			}
		}, POLL_MS);
	}

	#fail(reason: string | null): void {
		this.#state = 'failed';
		this.#reason = reason;
	}

	#download(url: string): void {
		const link = document.createElement('a');
		link.href = url;
		link.download = this.#filename;
		document.body.append(link);
		link.click();
		link.remove();
	}

	stop(): void {
		clearTimeout(this.#timer);
	}
}
