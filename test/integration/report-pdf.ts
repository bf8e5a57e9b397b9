import type { Client } from './helpers';

/* Reports through the API as the browser asks for them: start a job, poll it, download the PDF, read its text. */

export interface ReportJobJson {
	id: string;
	status: 'queued' | 'running' | 'done' | 'failed';
	progress: number | null;
	phase: string | null;
	reason: string | null;
	pdfUrl: string | null;
	locale: 'en' | 'nl';
	filename: string;
}

/** Polls a started report until it ends; every look in between says how far it is. */
export async function finishedReport(client: Client, workspaceId: string, jobId: string): Promise<ReportJobJson> {
	for (let i = 0; i < 600; i++) {
		const job = await client.get<ReportJobJson>(`/api/v1/workspaces/${workspaceId}/insights/report/${jobId}`);
		if (job.status !== 200) throw new Error(`job ${jobId}: ${job.status} ${JSON.stringify(job.body)}`);
		if (job.body.status === 'done' || job.body.status === 'failed') return job.body;
		if (job.body.progress === null || job.body.progress < 0 || job.body.progress > 1) throw new Error(`progress out of range: ${job.body.progress}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`report ${jobId} did not finish`);
}

/** The bytes of a download, with the client's session (the JSON client reads bodies as text). */
export async function downloadBytes(client: Client, path: string): Promise<{ status: number; type: string | null; disposition: string | null; bytes: Uint8Array }> {
	const headers: Record<string, string> = { 'x-forwarded-for': client.ip };
	if (client.cookies.size) headers.cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	if (client.bearer) headers.authorization = `Bearer ${client.bearer}`;
	const response = await fetch(new URL(path, client.baseUrl), { headers });
	return {
		status: response.status,
		type: response.headers.get('content-type'),
		disposition: response.headers.get('content-disposition'),
		bytes: new Uint8Array(await response.arrayBuffer())
	};
}

/** The text of every page of a PDF, as pdf.js reads it (one string per page), and each page's size in points. */
export async function pdfPages(bytes: Uint8Array): Promise<{ pages: string[]; sizes: { width: number; height: number }[] }> {
	const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
	const pages: string[] = [];
	const sizes: { width: number; height: number }[] = [];
	for (let number = 1; number <= pdf.numPages; number++) {
		const page = await pdf.getPage(number);
		const { width, height } = page.getViewport({ scale: 1 });
		sizes.push({ width, height });
		const content = await page.getTextContent();
		pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
	}
	await pdf.destroy();
	return { pages, sizes };
}
