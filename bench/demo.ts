/**
 * npm run bench:demo (after `npx vite build`): the demo's first start. Prints how long the demo
 * data takes to generate and the longest event-loop stall while it is (in this process), then —
 * through the production server on a fresh database — how long until it answers, until the demo
 * data is in (`GET …/data/under-way` says nothing is on its way), and the longest /healthz wait
 * meanwhile. BENCH_DEMO_CUSTOMERS sets the size (default 20,000, as `npm start`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoData } from '../src/lib/server/demo-data/index';
import { writeDemoCsvFiles } from '../src/lib/server/demo/csv-files';

const customers = Number(process.env.BENCH_DEMO_CUSTOMERS ?? 20_000);
const dir = mkdtempSync(join(tmpdir(), 'waymark-bench-demo-'));

async function generation() {
	let last = performance.now();
	let worst = 0;
	const timer = setInterval(() => {
		const now = performance.now();
		worst = Math.max(worst, now - last - 10);
		last = now;
	}, 10);
	const started = performance.now();
	await writeDemoCsvFiles(generateDemoData({ customers, seed: 42 }), join(dir, 'files'), 'nl');
	clearInterval(timer);
	console.log(`generation of ${customers} customers: ${Math.round(performance.now() - started)} ms; longest event-loop stall ${Math.round(worst)} ms`);
}

async function throughServer() {
	const port = 4300 + Math.floor(Math.random() * 500);
	const base = `http://127.0.0.1:${port}`;
	const started = performance.now();
	const child = spawn(process.execPath, ['server.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: join(dir, 'waymark.db'), WAYMARK_DEMO: 'on', WAYMARK_DEMO_CUSTOMERS: String(customers) },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	while (!output.includes('Listening on')) await new Promise((wait) => setTimeout(wait, 20));
	console.log(`server answering after ${Math.round(performance.now() - started)} ms`);
	const login = await fetch(`${base}/api/v1/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email: 'demo@waymark.local', password: 'waymark-demo' })
	});
	const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
	const workspaceId = ((await (await fetch(`${base}/api/v1/workspaces`, { headers: { cookie } })).json()) as { items: { id: string }[] }).items[0]!.id;
	let worst = 0;
	for (;;) {
		const asked = performance.now();
		await fetch(`${base}/healthz`);
		worst = Math.max(worst, performance.now() - asked);
		const { importing } = (await (await fetch(`${base}/api/v1/workspaces/${workspaceId}/data/under-way`, { headers: { cookie } })).json()) as { importing: unknown };
		if (!importing) break;
		await new Promise((wait) => setTimeout(wait, 100));
	}
	console.log(`demo data in after ${Math.round(performance.now() - started)} ms; longest /healthz wait meanwhile ${Math.round(worst)} ms`);
	child.kill('SIGTERM');
	await new Promise((done) => child.once('exit', done));
}

try {
	await generation();
	await throughServer();
} finally {
	rmSync(dir, { recursive: true, force: true });
}
