import type { Browser } from 'playwright-core';

/*
 * Prints one page of this server to a PDF with headless Chromium, driven by playwright-core.
 * The browser starts on the first print and stays open for the next until `close()`. Used in the
 * report-printer worker thread (printer.worker.ts) and, without a bundled worker (`vite dev`), in
 * the server's own thread.
 */

/** As test/chromium.ts starts Debian's Chromium: no background connections, no QUIC. */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage'
];

export interface PrintRequest {
	/** The print route, on this server's own loopback address. */
	url: string;
	/** Headers for the requests to this server only (the render token). */
	headers: Record<string, string>;
	/** The footer's "page x of y" words are numbers only; its title is the report's. */
	title: string;
}

/** 210 mm less 2 × 14 mm of margin, at 96 CSS pixels to the inch; the height is one page's. */
const A4_CONTENT_VIEWPORT = { width: 688, height: 1000 };

/** A print route page may take this long: the job has computed its sections before. */
const NAVIGATION_TIMEOUT_MS = 60_000;

/** What SvelteKit's `__data.json` says on its first line: `data`, `redirect` or `error`. */
function dataKind(body: string): string {
	try {
		return (JSON.parse(body.split('\n')[0] ?? '') as { type?: string }).type ?? 'nothing';
	} catch {
		return 'something unreadable';
	}
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export class PdfPrinter {
	#browser: Promise<Browser> | null = null;

	constructor(private readonly executablePath: string) {}

	#open(): Promise<Browser> {
		this.#browser ??= import('playwright-core')
			.then(({ chromium }) => chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_ARGS, headless: true }))
			.catch((error: unknown) => {
				this.#browser = null;
				throw error;
			});
		return this.#browser;
	}

	async print(request: PrintRequest): Promise<Uint8Array> {
		const browser = await this.#open();
		const origin = new URL(request.url).origin;
		// Laid out at the width of the A4 paper between its margins, in print media from the start:
		// the charts measure their width once, in the browser, and draw at it.
		const context = await browser.newContext({ extraHTTPHeaders: request.headers, viewport: A4_CONTENT_VIEWPORT });
		try {
			const page = await context.newPage();
			// The route renders in the browser from its data (ssr = false): a refusal (a redirect to
			// the login, an error) arrives there, and ends the print at once instead of at a timeout.
			let refused: (reason: Error) => void = () => {};
			const refusal = new Promise<never>((_, reject) => (refused = reject));
			refusal.catch(() => {});
			// The render token goes to this server and nowhere else; nothing is fetched from outside.
			await page.route('**/*', async (route) => {
				const url = new URL(route.request().url());
				if (url.origin !== origin) return route.abort('blockedbyclient');
				if (!url.pathname.endsWith('/__data.json')) return route.continue();
				const answer = await route.fetch();
				const body = await answer.text();
				const kind = answer.ok() ? dataKind(body) : `HTTP ${answer.status()}`;
				if (kind !== 'data') refused(new Error(`The print route's data answered ${kind}`));
				await route.fulfill({ response: answer, body });
			});
			await page.emulateMedia({ media: 'print' });
			const response = await page.goto(request.url, { waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS });
			if (!response?.ok()) throw new Error(`The print route answered ${response?.status() ?? 'nothing'}`);
			// The print route marks itself once its charts are drawn (report/+page.svelte).
			await Promise.race([page.waitForSelector('html[data-report-ready]', { state: 'attached', timeout: NAVIGATION_TIMEOUT_MS }), refusal]);
			return await page.pdf({
				format: 'A4',
				printBackground: true,
				preferCSSPageSize: true,
				displayHeaderFooter: true,
				headerTemplate: '<span></span>',
				footerTemplate: `<div style="font-size:8px;width:100%;padding:0 12mm;display:flex;justify-content:space-between;color:#555"><span>${escapeHtml(request.title)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
				margin: { top: '14mm', bottom: '16mm', left: '14mm', right: '14mm' }
			});
		} finally {
			await context.close();
		}
	}

	/** Closes the browser (and its processes); the next print starts another. */
	async close(): Promise<void> {
		const browser = this.#browser;
		this.#browser = null;
		if (browser) await (await browser.catch(() => null))?.close();
	}
}
