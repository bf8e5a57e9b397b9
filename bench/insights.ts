/**
 * npm run bench:insights — the insights page's data for 200,000 customers and 5,000,000 events
 * over 5 journey maps with 30 bound steps each, through the real built server.
 *
 * Setup (not counted): the generated journey (10 stages × 3 alternatives, 25 events a customer)
 * and purchases drawn from the BG/NBD story are written straight into the server's SQLite file as finished
 * imports leave them; five maps are bound to the 30 steps over the collaboration websocket.
 * Then: the customer measures of the new dataset version, which an import's commit starts
 * rebuilding (timed on their own); every section of /api/v1/workspaces/:id/insights/... asked at
 * once until each answers 200 (cold: the event index and the CLV fits of the new dataset version), the same again (cached: the sum of the sections asked one after another, as the page
 * loads them), the page itself, the drop-off drivers of one step cold and cached, the server's
 * peak RSS and the longest /healthz wait during the cold run.
 * Targets (issue 14): cached < 300 ms, cold < 5 s, no /healthz wait > 200 ms. Asserts nothing.
 * Run after `vite build`. BENCH_INSIGHTS_CUSTOMERS sets the size.
 */
import type Database from 'better-sqlite3';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { generateJourney } from '../src/lib/server/analytics/funnel/synthetic';
import { createRandom } from '../src/lib/server/analytics/segmentation/random';
import { bindBoard, writeDataset } from './journey-dataset';
import { keepAliveResets, peakRssBytes, probeHealth, request, rssBytes, sleep, startWaymark } from './support';

const CUSTOMERS = Number(process.env.BENCH_INSIGHTS_CUSTOMERS ?? 200_000);
const STAGES = 10;
const ALTERNATIVES = 3;
const MAPS = 5;
const RUNS = 7;
const POLL_MS = 20;
const DAY = 86_400_000;
const SECTIONS = ['headline', 'value', 'leaks', 'loyalty', 'opportunities', 'channels', 'aims'];

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A Gamma(shape, 1) draw (Marsaglia–Tsang; shape < 1 boosted). */
function gamma(random: ReturnType<typeof createRandom>, shape: number): number {
	if (shape < 1) return gamma(random, shape + 1) * Math.pow(1 - random.next(), 1 / shape);
	const d = shape - 1 / 3;
	const c = 1 / Math.sqrt(9 * d);
	for (;;) {
		const z = random.normal();
		const v = Math.pow(1 + c * z, 3);
		if (v > 0 && Math.log(1 - random.next()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
	}
}

/**
 * Purchases as the BG/NBD story tells them (CDNOW-like parameters: r 0.24, α 4.4 weeks, a 0.79,
 * b 2.43), each customer's first at a random day of the journey's year, over the 52 weeks after
 * it: the value model fits this data as it fits real data, not a shape no model was made for.
 */
function writePurchases(sqlite: Database.Database, workspaceId: string, customerIds: Int32Array): { kind: 'transactions'; rows: number }[] {
	const random = createRandom(14);
	const start = Date.UTC(2025, 0, 1);
	const insert = sqlite.prepare('insert into customer_transactions (workspace_id, customer_id, occurred_at, amount, row_hash) values (?, ?, ?, ?, ?)');
	let rows = 0;
	const WEEK = 7 * DAY;
	for (const id of customerIds) {
		const rate = gamma(random, 0.24) / 4.4;
		const pA = gamma(random, 0.79);
		const dropout = pA / (pA + gamma(random, 2.43));
		const spend = 15 + gamma(random, 2) * 20;
		let at = start + Math.floor(random.next() * 365) * DAY;
		const end = at + 52 * WEEK;
		for (let k = 0; at <= end; k++) {
			insert.run(workspaceId, id, Math.floor(at / DAY) * DAY, Math.round(spend * (0.7 + random.next() * 0.6)), `t${k}`);
			rows++;
			if (k > 0 && random.next() < dropout) break;
			at += (-Math.log(1 - random.next()) / Math.max(rate, 1e-6)) * WEEK;
		}
	}
	return [{ kind: 'transactions', rows }];
}

async function main() {
	process.setMaxListeners(0);
	console.log(`bench:insights — Node ${process.version}`);
	const setupStarted = performance.now();
	const generated = generateJourney({ customers: CUSTOMERS, seed: 2026, stepsPerStage: Array(STAGES).fill(ALTERNATIVES), eventsPerCustomer: 25 });
	const target = await startWaymark();
	const pid = target.process.pid!;
	process.on('exit', () => target.process.kill('SIGTERM'));
	const auth = { authorization: `Bearer ${target.token}` };
	try {
		const boards: string[] = [];
		for (let m = 0; m < MAPS; m++) boards.push(await target.newRoom());
		writeDataset(target, generated, (sqlite, ids) => writePurchases(sqlite, target.workspaceId, ids));
		let cardStep = new Map<string, number>();
		for (const board of boards) cardStep = await bindBoard(target, board, generated, STAGES, ALTERNATIVES);
		console.log(
			`setup (not counted): ${generated.log.customer.length.toLocaleString('en')} events of ${CUSTOMERS.toLocaleString('en')} customers and their purchases written, ` +
				`${MAPS} maps × ${cardStep.size} bound steps, in ${seconds(performance.now() - setupStarted)}`
		);
		const rssBefore = rssBytes(pid);
		const base = `${target.origin}/api/v1/workspaces/${target.workspaceId}/insights`;
		const get = async (path: string) => {
			const response = await request(`${base}/${path}`, { headers: auth });
			const body = await response.text();
			return { status: response.status, body };
		};
		// The sections this build has, from its OpenAPI document (asking them would start them).
		const documented = Object.keys(((await (await request(`${target.origin}/api/v1/openapi.json`)).json()) as { paths: Record<string, unknown> }).paths);
		const sections = SECTIONS.filter((name) => documented.includes(`/api/v1/workspaces/{id}/insights/${name}`));
		const untilDone = async (path: string) => {
			const started = performance.now();
			for (;;) {
				const answer = await get(path);
				if (answer.status === 200) return performance.now() - started;
				if (answer.status !== 202) throw new Error(`${path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
				await sleep(POLL_MS);
			}
		};

		// An import's commit starts the rebuild of the customer measures (groups/warm-measures.ts); this
		// set-up wrote past the server, so a preview of a group starts it here, timed on its own.
		const measuresProber = probeHealth(target.origin, POLL_MS, request);
		const measuresStarted = performance.now();
		const preview = await request(`${target.origin}/api/v1/workspaces/${target.workspaceId}/groups/preview`, {
			method: 'POST',
			headers: { ...auth, 'content-type': 'application/json' },
			body: JSON.stringify({ rule: { match: 'all', conditions: [] } })
		});
		if (preview.status !== 200) throw new Error(`the group preview answered ${preview.status}: ${(await preview.text()).slice(0, 300)}`);
		await preview.text();
		const measuresMs = performance.now() - measuresStarted;
		const measuresStall = await measuresProber.stop();
		console.log(
			`customer measures of the new dataset version (rebuilt as an import commits, before anyone opens a page): ${seconds(measuresMs)}; ` +
				`longest /healthz wait meanwhile ${measuresStall.longest.toFixed(0)} ms`
		);

		const prober = probeHealth(target.origin, POLL_MS, request);
		const coldStarted = performance.now();
		const coldBySection = await Promise.all(sections.map((name) => untilDone(name)));
		const coldMs = performance.now() - coldStarted;
		const { longest, probes } = await prober.stop();
		const peakAfterCold = peakRssBytes(pid);
		console.log(
			`cold, every section asked at once until 200: ${seconds(coldMs)} (${sections.map((name, i) => `${name} ${seconds(coldBySection[i]!)}`).join(', ')}); ` +
				`longest /healthz wait meanwhile ${longest.toFixed(0)} ms over ${probes} probes${keepAliveResets.count ? ` (${keepAliveResets.count} keep-alive resets asked again)` : ''}`
		);

		const cachedRuns: number[] = [];
		const perSection = new Map<string, number[]>(sections.map((name) => [name, []]));
		for (let r = 0; r < RUNS; r++) {
			const started = performance.now();
			for (const name of sections) {
				const one = performance.now();
				const answer = await get(name);
				if (answer.status !== 200) throw new Error(`cached ${name} answered ${answer.status}`);
				perSection.get(name)!.push(performance.now() - one);
			}
			cachedRuns.push(performance.now() - started);
		}
		console.log(
			`cached, the sections one after another (as the page loads them): median ${median(cachedRuns).toFixed(0)} ms over ${RUNS} runs ` +
				`(${sections.map((name) => `${name} ${median(perSection.get(name)!).toFixed(0)} ms`).join(', ')})`
		);

		const pageTimes: number[] = [];
		for (let r = 0; r < RUNS; r++) {
			const started = performance.now();
			const response = await request(`${target.origin}/w/${target.workspaceId}/insights`, { headers: { cookie: target.cookie } });
			await response.text();
			if (response.status !== 200) throw new Error(`the page answered ${response.status}`);
			pageTimes.push(performance.now() - started);
		}
		console.log(`cached, the page itself (HTML with every section): median ${median(pageTimes).toFixed(0)} ms over ${RUNS} GETs`);

		const stepCard = [...cardStep].find(([, step]) => step === 0)![0];
		const driversPath = `drivers?boardId=${boards.at(-1)}&cardId=${stepCard}`;
		const driverProber = probeHealth(target.origin, POLL_MS, request);
		const driversCold = await untilDone(driversPath);
		const driverStall = await driverProber.stop();
		const driverTimes: number[] = [];
		for (let r = 0; r < RUNS; r++) {
			const started = performance.now();
			await get(driversPath);
			driverTimes.push(performance.now() - started);
		}
		console.log(
			`drop-off drivers of a first-stage step: cold ${seconds(driversCold)} (longest /healthz wait ${driverStall.longest.toFixed(0)} ms), cached median ${median(driverTimes).toFixed(0)} ms`
		);
		console.log(`server RSS: ${mib(rssBefore)} before, peak (VmHWM) ${mib(peakAfterCold)} after the cold run, ${mib(peakRssBytes(pid))} at the end`);
	} finally {
		target.process.kill('SIGTERM');
		await once(target.process, 'exit');
		target.cleanup();
	}
	process.exit(0);
}

await main();
