/**
 * npm run bench:import — imports 1,000,000 generated transaction rows through the API into a
 * fresh server and prints rows/s, the server's peak memory, how long other requests waited
 * meanwhile (/healthz every 20 ms) and how long a write from another connection waited for the
 * write lock (the import's final move holds it). Then uploads a hostile 200 MB file without a
 * line break and prints how long /healthz waited while it was refused. Prints figures; asserts
 * nothing. Run after `vite build`.
 */
import { openAsBlob, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { keepAliveResets, probeHealth, request, rssBytes, sleep, startWaymark } from './support';
import { CUSTOMERS, generateTransactions } from './transactions-file';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
function peakRss(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/**
 * Takes the database's write lock every `everyMs` from a connection of its own (BEGIN IMMEDIATE,
 * then ROLLBACK) in a thread of its own (a wait blocks its thread): its longest wait is the
 * longest time a write of the server's thread would have waited meanwhile.
 */
function probeWriteLock(path: string, everyMs: number) {
	const source = `
		const { parentPort, workerData } = require('node:worker_threads');
		const Database = require(workerData.driver);
		const client = new Database(workerData.path, { fileMustExist: true });
		client.pragma('busy_timeout = 600000');
		let longest = 0;
		let probing = true;
		parentPort.on('message', () => { probing = false; });
		const tick = () => {
			if (!probing) { client.close(); parentPort.postMessage(longest); return; }
			const asked = performance.now();
			client.exec('begin immediate');
			client.exec('rollback');
			longest = Math.max(longest, performance.now() - asked);
			setTimeout(tick, workerData.everyMs);
		};
		tick();`;
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	const worker = new Worker(source, { eval: true, workerData: { path, everyMs, driver } });
	return {
		async stop(): Promise<number> {
			worker.postMessage('stop');
			const [longest] = (await once(worker, 'message')) as [number];
			await worker.terminate();
			return longest;
		}
	};
}

/** A 200 MB upload without a single line break: refused, and the server must go on answering. */
async function hostileUpload(origin: string, auth: Record<string, string>, workspaceId: string) {
	const form = new FormData();
	form.append('kind', 'transactions');
	form.append('file', new Blob([Buffer.from('klantnummer;datum;bedrag\nK1;01-01-2024;'), Buffer.alloc(200 * 1024 * 1024, '1')]), 'endless.csv');
	const health = probeHealth(origin, 20, request);
	const asked = performance.now();
	const response = await fetch(`${origin}/api/v1/workspaces/${workspaceId}/imports`, { method: 'POST', headers: { ...auth, origin }, body: form });
	const answer = (await response.json()) as { error?: { fields?: { file?: string } } };
	const answeredAfter = performance.now() - asked;
	const { longest, probes } = await health.stop();
	console.log(
		`hostile 200 MB single-line upload: ${response.status} in ${(answeredAfter / 1000).toFixed(1)} s (${answer.error?.fields?.file ?? 'no file error'}); longest /healthz wait meanwhile ${longest.toFixed(0)} ms (${probes} probes)`
	);
}

async function main() {
	const dir = await mkdtemp(join(tmpdir(), 'waymark-bench-import-'));
	const file = process.env.BENCH_IMPORT_FILE ?? join(dir, 'transactions.csv');
	if (!process.env.BENCH_IMPORT_FILE) await generateTransactions(file, ROWS);
	const target = await startWaymark();
	const pid = target.process.pid!;
	try {
		const auth = { authorization: `Bearer ${target.token}` };
		const workspace = (await (
			await fetch(`${target.origin}/api/v1/workspaces`, {
				method: 'POST',
				headers: { ...auth, 'content-type': 'application/json' },
				body: JSON.stringify({ name: 'Import bench' })
			})
		).json()) as { id: string };
		const rssBefore = rssBytes(pid);
		const form = new FormData();
		form.append('kind', 'transactions');
		form.append('file', await openAsBlob(file), 'transactions.csv');
		const started = performance.now();
		const response = await fetch(`${target.origin}/api/v1/workspaces/${workspace.id}/imports`, {
			method: 'POST',
			headers: { ...auth, origin: target.origin },
			body: form
		});
		const accepted = (await response.json()) as { id: string };
		if (response.status !== 202) throw new Error(`upload failed: ${response.status} ${JSON.stringify(accepted)}`);
		const uploaded = performance.now();
		const health = probeHealth(target.origin, 20, request);
		const writeLock = probeWriteLock(target.databasePath, 20);
		let peakSampled = 0;
		let slowest = 0;
		let resets = 0;
		let status: { status: string; rowsImported: number; rowsTotal: number; message: string | null } | undefined;
		for (;;) {
			peakSampled = Math.max(peakSampled, rssBytes(pid));
			const asked = performance.now();
			try {
				status = (await (await fetch(`${target.origin}/api/v1/imports/${accepted.id}`, { headers: auth })).json()) as typeof status;
			} catch {
				// While the final transaction holds the event loop, the server's keep-alive timer
				// can close the idle socket just as the next request goes out: ask again.
				resets++;
				continue;
			} finally {
				slowest = Math.max(slowest, performance.now() - asked);
			}
			if (process.env.BENCH_TRACE) console.log(((performance.now() - started) / 1000).toFixed(1), mb(rssBytes(pid)), JSON.stringify(status).slice(0, 120));
			if (!['queued', 'running'].includes(status!.status)) break;
			await sleep(100);
		}
		const done = performance.now();
		const healthWaits = await health.stop();
		const longestWriteWait = await writeLock.stop();
		const seconds = (done - started) / 1000;
		console.log(`file: ${ROWS.toLocaleString('en')} rows, ${mb(statSync(file).size)}`);
		console.log(`status: ${status!.status}${status!.message ? ` (${status!.message})` : ''}, rows imported ${status!.rowsImported.toLocaleString('en')} of ${status!.rowsTotal.toLocaleString('en')}`);
		console.log(`upload: ${((uploaded - started) / 1000).toFixed(1)} s; upload to done: ${seconds.toFixed(1)} s`);
		console.log(`throughput: ${Math.round(status!.rowsTotal / seconds).toLocaleString('en')} rows/s (upload included)`);
		console.log(`server RSS: before ${mb(rssBefore)}, peak sampled ${mb(peakSampled)}, VmHWM ${mb(peakRss(pid))}`);
		console.log(`slowest status request while importing: ${slowest.toFixed(0)} ms (${resets} keep-alive resets retried)`);
		console.log(`longest /healthz wait while importing: ${healthWaits.longest.toFixed(0)} ms (${healthWaits.probes} probes, every 20 ms; ${keepAliveResets.count} keep-alive resets retried)`);
		console.log(`longest wait for the write lock while importing (BEGIN IMMEDIATE every 20 ms from another connection): ${longestWriteWait.toFixed(0)} ms`);

		// Customer groups on the imported data: the first count builds the per-customer measures
		// (recency, frequency, revenue, RFM) for the new dataset version; later counts reuse them.
		const preview = async (rule: unknown) => {
			const asked = performance.now();
			const answer = await fetch(`${target.origin}/api/v1/workspaces/${workspace.id}/groups/preview`, {
				method: 'POST',
				headers: { ...auth, 'content-type': 'application/json' },
				body: JSON.stringify({ rule })
			});
			const figures = (await answer.json()) as { customers: number };
			return { ms: performance.now() - asked, customers: figures.customers };
		};
		const top20 = { match: 'all', conditions: [{ field: 'revenueRankPercent', op: 'lt', value: 20 }] };
		const first = await preview(top20);
		const again = await preview(top20);
		const mixed = await preview({
			match: 'any',
			conditions: [
				{ match: 'all', conditions: [{ field: 'boughtCategory', op: 'includes', value: 'Boeken' }, { field: 'rScore', op: 'gte', value: 4 }] },
				{ field: 'transactions', op: 'gte', value: 30 }
			]
		});
		console.log(`group count, first after import (builds measures of ${CUSTOMERS.toLocaleString('en')} customers): ${first.ms.toFixed(0)} ms`);
		console.log(`group count, top 20% again: ${again.ms.toFixed(0)} ms (${again.customers.toLocaleString('en')} customers)`);
		console.log(`group count, category + RFM or frequency: ${mixed.ms.toFixed(0)} ms (${mixed.customers.toLocaleString('en')} customers)`);

		await hostileUpload(target.origin, auth, workspace.id);
	} finally {
		target.process.kill('SIGTERM');
		await once(target.process, 'exit');
		target.cleanup();
		rmSync(dir, { recursive: true, force: true });
	}
}

await main();
