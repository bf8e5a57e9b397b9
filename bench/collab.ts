/**
 * npm run bench:collab — measures the collaboration server against a bare in-memory
 * reference (@y/websocket-server, no auth, no storage) with real y-websocket clients.
 * Prints figures; asserts nothing. Run after `vite build`.
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { rssBytes, sleep, startReference, startWaymark, type Target } from './support';

const quantile = (sorted: number[], q: number) =>
	sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;

interface Client {
	doc: Y.Doc;
	provider: WebsocketProvider;
}

async function scenario(
	target: Target,
	label: string,
	clientsPerRoom: number,
	roomCount: number,
	edits: number,
	print: boolean
) {
	const rssBefore = rssBytes(target.process.pid!);
	const statsBefore = await target.stats();
	const rooms: Client[][] = [];
	const syncTimes: number[] = [];
	for (let r = 0; r < roomCount; r++) {
		const room = await target.newRoom();
		const clients: Client[] = [];
		await Promise.all(
			Array.from({ length: clientsPerRoom }, async () => {
				const doc = new Y.Doc();
				const started = performance.now();
				const provider = new WebsocketProvider(target.url, room, doc, {
					WebSocketPolyfill: WebSocket as never,
					params: target.params,
					disableBc: true
				});
				clients.push({ doc, provider });
				await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
				syncTimes.push(performance.now() - started);
			})
		);
		rooms.push(clients);
	}

	const sentAt = new Map<string, number>();
	const latencies: number[] = [];
	let received = 0;
	for (const clients of rooms) {
		for (const { doc } of clients) {
			doc.getMap<number>('bench').observe((event, transaction) => {
				if (transaction.local) return;
				const now = performance.now();
				for (const key of event.keysChanged) {
					const sent = sentAt.get(key);
					if (sent !== undefined) {
						latencies.push(now - sent);
						received += 1;
					}
				}
			});
		}
	}

	// Writers take turns: one edit at a time per room, all rooms in step.
	const interval = Math.max(10, clientsPerRoom / 10);
	for (let e = 0; e < edits; e++) {
		rooms.forEach((clients, r) => {
			const writer = clients[e % clients.length]!;
			const key = `r${r}e${e}`;
			sentAt.set(key, performance.now());
			writer.doc.getMap<number>('bench').set(key, e);
		});
		await sleep(interval);
	}
	const expected = edits * roomCount * (clientsPerRoom - 1);
	for (let waited = 0; received < expected && waited < 15_000; waited += 100) await sleep(100);

	const rssAfter = rssBytes(target.process.pid!);
	const statsAfter = await target.stats();
	for (const clients of rooms) for (const { provider, doc } of clients) (provider.destroy(), doc.destroy());

	latencies.sort((a, b) => a - b);
	syncTimes.sort((a, b) => a - b);
	const ms = (v: number) => `${v.toFixed(1)} ms`;
	const mb = (v: number) => `${(v / 1024 / 1024).toFixed(1)} MiB`;
	const figures = {
		scenario: label,
		server: target.name,
		'p50 / p95 / p99 / max': `${ms(quantile(latencies, 0.5))} / ${ms(quantile(latencies, 0.95))} / ${ms(quantile(latencies, 0.99))} / ${ms(latencies.at(-1) ?? NaN)}`,
		'lost updates': expected - received,
		'connect+sync p50 / max': `${ms(quantile(syncTimes, 0.5))} / ${ms(syncTimes.at(-1) ?? NaN)}`,
		'RSS before → after': `${mb(rssBefore)} → ${mb(rssAfter)}`,
		'RSS per room': mb((rssAfter - rssBefore) / roomCount),
		'bytes stored / update':
			statsBefore && statsAfter
				? ((statsAfter.bytes - statsBefore.bytes) / Math.max(1, statsAfter.updates - statsBefore.updates)).toFixed(1)
				: 'n/a (in memory)'
	};
	if (print) console.log(JSON.stringify(figures));
	await sleep(500);
	return { p95: quantile(latencies, 0.95), lost: expected - received };
}

async function main() {
	// Every y-websocket client adds a process exit listener.
	process.setMaxListeners(0);
	const edits = Number(process.env.BENCH_EDITS ?? 300);
	const repeats = Number(process.env.BENCH_REPEATS ?? 3);
	const plans: Array<[string, number, number]> = [
		['10 clients, 1 room', 10, 1],
		['50 clients, 1 room', 50, 1],
		['200 clients, 1 room', 200, 1],
		['200 clients, 20 rooms', 10, 20]
	];
	// One run is noisy on a shared 2-core machine: each scenario runs `repeats` times per server,
	// servers alternating, after a warm-up; the comparison uses the median p95.
	const p95s: Record<string, Record<string, number[]>> = {};
	const targets = [await startReference(), await startWaymark()];
	try {
		for (const target of targets) await scenario(target, 'warm-up', 10, 1, 50, false);
		for (let round = 0; round < repeats; round++) {
			for (const [label, clients, rooms] of plans) {
				for (const target of targets) {
					const { p95 } = await scenario(target, label, clients, rooms, edits, round === repeats - 1);
					((p95s[label] ??= {})[target.name] ??= []).push(p95);
				}
			}
		}
	} finally {
		for (const target of targets) target.process.kill('SIGTERM');
		await sleep(300);
		for (const target of targets) target.cleanup();
	}
	const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
	console.log(`\nmedian p95 over ${repeats} runs of ${edits} edits:`);
	for (const [label] of plans) {
		const { waymark = [], reference = [] } = p95s[label]!;
		const ratio = median(waymark) / median(reference);
		console.log(`  ${label}: waymark ${median(waymark).toFixed(1)} ms, reference ${median(reference).toFixed(1)} ms = ${ratio.toFixed(2)}×${label.startsWith('50 ') ? ' (target ≤ 1.25×)' : ''}`);
	}
	process.exit(0);
}

void main();
