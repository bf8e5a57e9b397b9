import { parentPort } from 'node:worker_threads';
import { runInBackground } from '../workers/background-priority';
import { PdfPrinter } from './print-pdf';
import type { PrinterAnswer, PrinterRequest } from './printer-protocol';

/*
 * Entry of the report-printer worker thread: keeps headless Chromium (through playwright-core)
 * and prints the report pages it is asked for. Loading playwright-core alone takes a third of a
 * second and a PDF of a few megabytes is decoded from Chromium's answer: both here, not on the
 * server's thread. The production build bundles this file into build/server/workers/
 * report-printer.js (vite.config.ts); printer.ts starts it.
 */

const port = parentPort;
if (port) {
	runInBackground();
	let printer: PdfPrinter | null = null;
	port.on('message', async (message: PrinterRequest) => {
		if (message.type === 'close') {
			await printer?.close().catch(() => {});
			printer = null;
			port.postMessage({ type: 'closed' } satisfies PrinterAnswer);
			return;
		}
		try {
			printer ??= new PdfPrinter(message.executablePath);
			const pdf = await printer.print(message.request);
			const copy = pdf.buffer.slice(pdf.byteOffset, pdf.byteOffset + pdf.byteLength) as ArrayBuffer;
			port.postMessage({ type: 'printed', id: message.id, pdf: copy } satisfies PrinterAnswer, [copy]);
		} catch (error) {
			port.postMessage({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) } satisfies PrinterAnswer);
		}
	});
}
