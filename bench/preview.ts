/**
 * npm run bench:preview — previews Excel workbooks of about 2.5, 10 and 40 MB (the orders export
 * of test/workbooks.ts) and a CSV export through the production server (after `npx vite build`),
 * and prints how long each preview takes and the longest /healthz wait while it runs: a preview
 * reads the first rows of the chosen sheet, and must not hold the event loop while it unpacks
 * a large workbook. `BENCH_PREVIEW_ROWS=64000,250000` picks the workbook sizes.
 */
import { openAsBlob, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ORDERS_SHEET, writeOrdersWorkbook } from '../test/workbooks';
import { peakRssBytes, probeHealth, startWaymark } from './support';

const SIZES = (process.env.BENCH_PREVIEW_ROWS ?? '64000,250000,1000000').split(',').map(Number);
const POLL_MS = 10;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
	const dir = await mkdtemp(join(tmpdir(), 'waymark-bench-preview-'));
	const target = await startWaymark();
	try {
		const preview = async (path: string, fileName: string, fields: Record<string, string>) => {
			const form = new FormData();
			for (const [name, value] of Object.entries(fields)) form.append(name, value);
			form.append('file', await openAsBlob(path), fileName);
			const prober = probeHealth(target.origin, POLL_MS);
			const started = performance.now();
			const response = await fetch(`${target.origin}/api/v1/workspaces/${target.workspaceId}/imports/preview`, {
				method: 'POST',
				headers: { authorization: `Bearer ${target.token}`, origin: target.origin },
				body: form
			});
			const body = (await response.json()) as { rows?: string[][]; error?: unknown };
			const ms = performance.now() - started;
			const { longest, probes } = await prober.stop();
			if (response.status !== 200) throw new Error(`preview answered ${response.status}: ${JSON.stringify(body)}`);
			return `${(ms / 1000).toFixed(2)} s, ${body.rows!.length} rows shown; longest /healthz wait ${longest.toFixed(0)} ms over ${probes} probes`;
		};

		for (const rows of SIZES) {
			const path = join(dir, `orders-${rows}.xlsx`);
			const madeAt = performance.now();
			const bytes = await writeOrdersWorkbook(path, rows);
			console.log(`workbook: ${rows.toLocaleString('en')} orders, ${mb(bytes)} (written in ${((performance.now() - madeAt) / 1000).toFixed(1)} s)`);
			console.log(`  preview of its orders sheet: ${await preview(path, 'orders.xlsx', { kind: 'transactions', sheet: ORDERS_SHEET })}`);
			console.log(`  preview of its first sheet:  ${await preview(path, 'orders.xlsx', { kind: 'transactions' })}`);
		}

		const csv = join(dir, 'orders.csv');
		const lines = ['klantnummer;datum;bedrag'];
		for (let i = 0; i < 1_000_000; i++) lines.push(`K${i % 50_000};${1 + (i % 28)}-0${1 + (i % 9)}-2025;${(i % 300) + 1},95`);
		writeFileSync(csv, lines.join('\n'));
		console.log(`CSV: 1,000,000 rows, ${mb(statSync(csv).size)}, sent whole`);
		console.log(`  preview: ${await preview(csv, 'orders.csv', { kind: 'transactions' })}`);
		console.log(`server peak RSS (VmHWM): ${mb(peakRssBytes(target.process.pid!))}`);
	} finally {
		target.process.kill('SIGTERM');
		target.cleanup();
		await rm(dir, { recursive: true, force: true });
	}
}

await main();
