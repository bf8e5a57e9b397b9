/**
 * npm run bench:report (after `npx vite build`): the time to print the insights report of the demo
 * workspace — every section, journey map and persona card, about a dozen A4 pages — through the production
 * server and the system's Chromium, and the longest /healthz wait meanwhile (asked every 20 ms).
 * Twice: cold (the sections computed first, Chromium started) and again (sections cached, the
 * browser still open). The demo data is loaded first and not counted. Target: < 15 s, no
 * /healthz wait > 200 ms. BENCH_REPORT_CUSTOMERS sets the demo's size (default 20,000, as
 * `npm start`); BENCH_REPORT_OUT=/tmp/report.pdf keeps the PDF to look at. Asserts nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep } from './support';
import { REPORT_SECTIONS } from '../src/lib/domain/insights/report';

const customers = Number(process.env.BENCH_REPORT_CUSTOMERS ?? 20_000);
const dir = mkdtempSync(join(tmpdir(), 'waymark-bench-report-'));
const port = 4300 + Math.floor(Math.random() * 500);
const base = `http://127.0.0.1:${port}`;

async function pageCount(bytes: Uint8Array): Promise<number> {
	const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
	const pages = pdf.numPages;
	await pdf.destroy();
	return pages;
}

async function main() {
	const child = spawn(process.execPath, ['server.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: base, DATABASE_PATH: join(dir, 'waymark.db'), WAYMARK_DEMO: 'on', WAYMARK_DEMO_CUSTOMERS: String(customers) },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	try {
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		while (!output.includes('Listening on')) await sleep(20);
		const login = await fetch(`${base}/api/v1/auth/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: base },
			body: JSON.stringify({ email: 'demo@waymark.local', password: 'waymark-demo' })
		});
		const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
		const get = async <T>(path: string) => (await (await fetch(`${base}${path}`, { headers: { cookie } })).json()) as T;
		const workspaceId = (await get<{ items: { id: string }[] }>('/api/v1/workspaces')).items[0]!.id;
		while ((await get<{ importing: unknown }>(`/api/v1/workspaces/${workspaceId}/data/under-way`)).importing) await sleep(200);
		const groups = (await get<{ items: { id: string }[] }>(`/api/v1/workspaces/${workspaceId}/groups`)).items;
		// The demo derives its personas after the import, in the background.
		const personaIds: string[] = [];
		for (let look = 0; look < 240 && !personaIds.length; look++) {
			if (look) await sleep(500);
			for (const group of groups) personaIds.push(...(await get<{ items: { id: string }[] }>(`/api/v1/groups/${group.id}/personas`)).items.map((p) => p.id));
		}
		const boardIds = (await get<{ items: { id: string }[] }>(`/api/v1/workspaces/${workspaceId}/boards`)).items.map((b) => b.id);
		console.log(`demo of ${customers} customers in; ${groups.length} groups, ${personaIds.length} personas, ${boardIds.length} journey maps`);

		for (const run of ['cold', 'again']) {
			// The longest /healthz wait while the job computes its sections (the insights page's own
			// computations) and while it prints (Chromium and the print route), apart.
			let phase = 'computing';
			const longest: Record<string, number> = { computing: 0, printing: 0 };
			let probing = true;
			const probes = (async () => {
				while (probing) {
					const asked = performance.now();
					const during = phase;
					await (await fetch(`${base}/healthz`)).arrayBuffer();
					longest[during] = Math.max(longest[during] ?? 0, performance.now() - asked);
					await sleep(20);
				}
			})();
			const started = performance.now();
			let printingAt = started;
			const job = (await (
				await fetch(`${base}/api/v1/workspaces/${workspaceId}/insights/report`, {
					method: 'POST',
					headers: { cookie, origin: base, 'content-type': 'application/json' },
					body: JSON.stringify({ sections: [...REPORT_SECTIONS], personaIds, boardIds })
				})
			).json()) as { id: string };
			let state: { status: string; phase: string | null; pdfUrl: string | null; reason: string | null };
			do {
				await sleep(50);
				state = await get(`/api/v1/workspaces/${workspaceId}/insights/report/${job.id}`);
				if (state.phase === 'printing' && phase !== 'printing') {
					phase = 'printing';
					printingAt = performance.now();
				}
			} while (state.status === 'queued' || state.status === 'running');
			if (state.status !== 'done') throw new Error(`the report failed: ${state.reason}`);
			const bytes = new Uint8Array(await (await fetch(`${base}${state.pdfUrl}`, { headers: { cookie } })).arrayBuffer());
			const ms = performance.now() - started;
			probing = false;
			await probes;
			if (process.env.BENCH_REPORT_OUT) writeFileSync(process.env.BENCH_REPORT_OUT, bytes);
			const s = (value: number) => `${(value / 1000).toFixed(2)} s`;
			console.log(
				`${run}: ${await pageCount(bytes)} pages, ${(bytes.byteLength / 1024).toFixed(0)} KiB in ${s(ms)} ` +
					`(computing the sections ${s(printingAt - started)}, printing ${s(performance.now() - printingAt)}); ` +
					`longest /healthz wait: ${Math.round(Math.max(longest.computing!, longest.printing!))} ms ` +
					`(computing ${Math.round(longest.computing!)} ms, printing ${Math.round(longest.printing!)} ms)`
			);
		}
	} finally {
		child.kill('SIGTERM');
		await new Promise((done) => child.once('exit', done));
		rmSync(dir, { recursive: true, force: true });
	}
}

await main();
