import { access, constants } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import { builtWorkerFile } from '../workers/locate';
import { PdfPrinter, type PrintRequest } from './print-pdf';
import type { PrinterAnswer, PrinterRequest } from './printer-protocol';

/*
 * The one headless Chromium that prints reports, started on demand in the report-printer worker
 * thread and closed when no report has been printed for a while (its processes go with it). The
 * jobs print one at a time (jobs.ts), so there is one print in flight at most. Without the bundled
 * worker (`vite dev`, vitest) the printer runs in this thread.
 */

/** Debian's Chromium, as the tests use it; WAYMARK_CHROMIUM_PATH points elsewhere. */
export const chromiumPath = () => process.env.WAYMARK_CHROMIUM_PATH || '/usr/bin/chromium';

/** How long the browser stays open after a print, for the next report to start quickly. */
const IDLE_MS = Number(process.env.WAYMARK_REPORT_BROWSER_IDLE_SECONDS || 60) * 1000;

/** The clear error when there is no browser to print with (503: the server lacks it, not the request). */
export const browserMissing = (path: string) =>
	new AppError(503, 'unavailable', `Reports cannot be printed: no Chromium at ${path}. Install it (apt-get install chromium) or set WAYMARK_CHROMIUM_PATH.`);

/** Throws `browserMissing` unless the configured Chromium is there and executable. */
export async function requirePrinterBrowser(): Promise<void> {
	const path = chromiumPath();
	try {
		await access(path, constants.X_OK);
	} catch {
		throw browserMissing(path);
	}
}

let worker: Worker | null = null;
let inThread: PdfPrinter | null = null;
let idleTimer: NodeJS.Timeout | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve: (pdf: Buffer) => void; reject: (error: Error) => void }>();

function failAll(error: Error): void {
	for (const { reject } of waiting.values()) reject(error);
	waiting.clear();
}

function startWorker(file: URL): Worker {
	const started = new Worker(file, { name: 'report-printer' });
	started.on('message', (answer: PrinterAnswer) => {
		if (answer.type === 'closed') return;
		const pending = waiting.get(answer.id);
		waiting.delete(answer.id);
		if (answer.type === 'printed') pending?.resolve(Buffer.from(answer.pdf));
		else pending?.reject(new Error(answer.message));
	});
	started.on('error', (error) => failAll(new Error(`The report printer failed: ${error.message}`)));
	started.on('exit', (code) => {
		if (worker === started) worker = null;
		failAll(new Error(`The report printer stopped (code ${code}) before it answered`));
	});
	return started;
}

/** Prints a page of this server to an A4 PDF. */
export async function printPdf(request: PrintRequest): Promise<Buffer> {
	await requirePrinterBrowser();
	clearTimeout(idleTimer);
	try {
		const file = builtWorkerFile('report-printer');
		if (!file) {
			inThread ??= new PdfPrinter(chromiumPath());
			return Buffer.from(await inThread.print(request));
		}
		worker ??= startWorker(file);
		const id = nextId++;
		const printed = new Promise<Buffer>((resolve, reject) => waiting.set(id, { resolve, reject }));
		worker.postMessage({ type: 'print', id, executablePath: chromiumPath(), request } satisfies PrinterRequest);
		return await printed;
	} finally {
		idleTimer = setTimeout(() => void closePrinter(), IDLE_MS);
		idleTimer.unref();
	}
}

/** Closes the browser and its worker (idle, or the server shutting down). */
export async function closePrinter(): Promise<void> {
	clearTimeout(idleTimer);
	const open = inThread;
	inThread = null;
	await open?.close().catch(() => {});
	const running = worker;
	if (!running) return;
	worker = null;
	// The worker closes Chromium itself first: terminated at once, it would leave the browser's processes behind.
	const closed = new Promise<void>((resolve) => {
		const timer = setTimeout(resolve, 5_000);
		running.on('message', (answer: PrinterAnswer) => {
			if (answer.type === 'closed') {
				clearTimeout(timer);
				resolve();
			}
		});
	});
	running.postMessage({ type: 'close' } satisfies PrinterRequest);
	await closed;
	await running.terminate();
}
