/**
 * npm run bench:personas:server — a persona derivation of 20,000 customers (BENCH_PERSONA_CUSTOMERS)
 * through the real built server, as test/integration/persona-worker.test.ts runs it: customers and
 * transactions imported over the API, one group of everyone, k = "auto". A prober asks /healthz
 * every 20 ms meanwhile; each wait is booked against the derivation's stage at the time, so the
 * longest event-loop hold per stage shows which part of the job runs on the main thread. A hold
 * over the server's keep-alive timeout (5 s) resets the sockets that wait meanwhile (ECONNRESET
 * at the client); resets are counted and asked again. Prints figures; asserts nothing. Run after
 * `npx vite build`.
 */
import { performance } from 'node:perf_hooks';
import { keepAliveResets, request, sleep, startWaymark } from './support';

const CUSTOMERS = Number(process.env.BENCH_PERSONA_CUSTOMERS ?? 20_000);
const POLL_MS = 20;
const DAY = 86_400_000;
const END = Date.UTC(2026, 5, 30);

/** Seeded customers with 1–6 purchases in four kinds (the worker test's data). */
function generated(count: number) {
	let a = 21;
	const rng = () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const customers = ['customer_id,name'];
	const transactions = ['customer_id,date,amount,channel,category'];
	for (let i = 0; i < count; i++) {
		customers.push(`c-${i},Klant ${i}`);
		const kind = i % 4;
		const last = END - Math.floor(rng() * 30 * (kind * 3 + 1)) * DAY;
		for (let p = 0, n = 1 + Math.floor(rng() * (kind + 2)); p < n; p++) {
			const at = new Date(last - p * Math.floor(10 + rng() * 40) * DAY).toISOString().slice(0, 10);
			transactions.push(`c-${i},${at},${(15 + kind * 60 + rng() * 40).toFixed(2)},${['app', 'web', 'shop'][kind % 3]},${['Snacks', 'Wonen', 'Boeken', 'Speelgoed'][kind]}`);
		}
	}
	return { customers: customers.join('\n'), transactions: transactions.join('\n') };
}

const target = await startWaymark();
try {
	const auth = { authorization: `Bearer ${target.token}` };
	const json = { ...auth, 'content-type': 'application/json' };
	const api = (path: string) => `${target.origin}/api/v1${path}`;
	const data = generated(CUSTOMERS);
	for (const kind of ['customers', 'transactions'] as const) {
		const form = new FormData();
		form.set('kind', kind);
		form.set('file', new Blob([data[kind]], { type: 'text/csv' }), `${kind}.csv`);
		const started = (await (
			await request(api(`/workspaces/${target.workspaceId}/imports`), { method: 'POST', headers: { ...auth, origin: target.origin }, body: form })
		).json()) as { id: string };
		for (;;) {
			const status = ((await (await request(api(`/imports/${started.id}`), { headers: auth })).json()) as { status: string }).status;
			if (status === 'done') break;
			if (status === 'failed') throw new Error(`the ${kind} import failed`);
			await sleep(200);
		}
	}
	const group = (await (
		await request(api(`/workspaces/${target.workspaceId}/groups`), {
			method: 'POST',
			headers: json,
			body: JSON.stringify({ name: 'Everyone', rule: { match: 'all', conditions: [] } })
		})
	).json()) as { id: string };

	let stage = 'queued';
	const longest = new Map<string, number>();
	let probing = true;
	const prober = (async () => {
		while (probing) {
			const asked = performance.now();
			const during = stage;
			await (await request(`${target.origin}/healthz`)).arrayBuffer();
			const wait = performance.now() - asked;
			longest.set(during, Math.max(longest.get(during) ?? 0, wait));
			await sleep(POLL_MS);
		}
	})();
	const started = performance.now();
	const derivation = (await (
		await request(api(`/groups/${group.id}/personas/derive`), { method: 'POST', headers: json, body: JSON.stringify({ k: 'auto', seed: 3 }) })
	).json()) as { id: string };
	let job: { status: string; stage: string | null; k: { chosen: number | null } };
	for (;;) {
		job = (await (await request(api(`/persona-derivations/${derivation.id}`), { headers: auth })).json()) as typeof job;
		if (job.status !== 'queued' && job.status !== 'running') break;
		stage = job.stage ?? job.status;
		await sleep(50);
	}
	probing = false;
	await prober;
	console.log(
		`derivation of ${CUSTOMERS.toLocaleString('en')} customers: ${job.status}, k = ${job.k.chosen}, ` +
			`${((performance.now() - started) / 1000).toFixed(1)} s${keepAliveResets.count ? ` (${keepAliveResets.count} keep-alive resets asked again)` : ''}`
	);
	for (const [name, ms] of longest) console.log(`  longest /healthz wait while ${name}: ${ms.toFixed(0)} ms`);
} finally {
	target.process.kill();
	target.cleanup();
}
