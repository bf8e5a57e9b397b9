/**
 * npm run bench:metrics (second part) — the same journey as the engine part (30 bound steps,
 * 10 stages × 3 alternatives, 5,000,000 events of 200,000 customers), now through the real built
 * server: events read from SQLite, indexed, computed and cached per dataset version, answered by
 * GET /api/v1/boards/:id/metrics (202 while computing, then 200).
 *
 * Setup (not counted): the generated rows are written straight into the server's SQLite file in
 * one transaction, as a finished import leaves them (customers, events, a done import row per
 * kind, the dataset version raised); the board's 30 steps are bound over the collaboration
 * websocket. Prints cold and cached times, other cuts, the server's peak RSS, the longest
 * /healthz wait during the cold computation, and whether the figures equal the planted funnel.
 * Targets (issue 8): cold < 3 s, cached < 50 ms. Asserts nothing. Run after `vite build`.
 */
import { once } from 'node:events';
import { copyFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { computeFunnel, indexEventLog } from '../src/lib/server/analytics/funnel/index';
import { generateJourney, plannedFunnel } from '../src/lib/server/analytics/funnel/synthetic';
import { bindBoard, inGroup, writeDataset } from './journey-dataset';
import { keepAliveResets, peakRssBytes, probeHealth, request, rssBytes, sleep, startWaymark } from './support';

const CUSTOMERS = Number(process.env.BENCH_METRICS_CUSTOMERS ?? 200_000);
const EVENTS_PER_CUSTOMER = 25;
const STAGES = 10;
const ALTERNATIVES = 3;
const RUNS = 7;
const POLL_MS = 20;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface StepFigure {
	cardId: string;
	stage: number;
	reached: number;
	converted: number | null;
	byChannel: { channel: string; reached: number; converted: number }[];
}
interface MetricsBody {
	status: string;
	progress?: number;
	steps: StepFigure[];
	stages: { stage: number; reached: number; skipped: number }[];
	customersInCut: number;
	channels: string[];
}

async function main() {
	process.setMaxListeners(0);
	console.log(`bench:metrics (server) — Node ${process.version}`);
	const setupStarted = performance.now();
	const generated = generateJourney({ customers: CUSTOMERS, seed: 2026, stepsPerStage: Array(STAGES).fill(ALTERNATIVES), eventsPerCustomer: EVENTS_PER_CUSTOMER });
	const generatedAt = performance.now();
	const target = await startWaymark();
	const pid = target.process.pid!;
	// Whatever happens, the server goes with the bench.
	process.on('exit', () => target.process.kill('SIGTERM'));
	const auth = { authorization: `Bearer ${target.token}` };
	try {
		const boardId = await target.newRoom();
		writeDataset(target, generated);
		const writtenAt = performance.now();
		// For looking into the phases offline: the database as the server will read it.
		if (process.env.BENCH_METRICS_SAVE_DB) {
			copyFileSync(target.databasePath, process.env.BENCH_METRICS_SAVE_DB);
			console.log(`saved the database to ${process.env.BENCH_METRICS_SAVE_DB} (workspace ${target.workspaceId})`);
		}
		const cardStep = await bindBoard(target, boardId, generated, STAGES, ALTERNATIVES);
		const boundAt = performance.now();
		console.log(
			`setup (not counted): generated ${generated.log.customer.length.toLocaleString('en')} events of ${CUSTOMERS.toLocaleString('en')} customers in ${seconds(generatedAt - setupStarted)}; ` +
				`written straight into the server's SQLite file in one transaction (as a finished import leaves them) in ${seconds(writtenAt - generatedAt)}; ` +
				`${cardStep.size} steps bound over the websocket in ${seconds(boundAt - writtenAt)}`
		);
		const rssBefore = rssBytes(pid);

		const get = async (query = '') => {
			const response = await request(`${target.origin}/api/v1/boards/${boardId}/metrics${query}`, { headers: auth });
			return { status: response.status, body: (await response.json()) as MetricsBody };
		};
		/** Asks until the answer is 200; the time from the first request to it, and how many 202s came first. */
		const untilDone = async (query = '') => {
			const started = performance.now();
			let pending = 0;
			for (;;) {
				const answer = await get(query);
				if (answer.status === 200) return { ms: performance.now() - started, body: answer.body, pending };
				if (answer.status !== 202) throw new Error(`metrics answered ${answer.status}: ${JSON.stringify(answer.body)}`);
				pending++;
				await sleep(POLL_MS);
			}
		};
		const cachedTimes = async (query = '') => {
			const times: number[] = [];
			for (let r = 0; r < RUNS; r++) {
				const started = performance.now();
				const answer = await get(query);
				times.push(performance.now() - started);
				if (answer.status !== 200) throw new Error(`cached metrics answered ${answer.status}`);
			}
			return `median ${median(times).toFixed(1)} ms, best ${Math.min(...times).toFixed(1)} ms over ${RUNS} GETs`;
		};

		// A prober asks /healthz every 20 ms while the cold computation runs: its longest wait is
		// the longest time the event loop was held.
		const prober = probeHealth(target.origin, POLL_MS, request);
		const cold = await untilDone();
		const { longest: longestStall, probes } = await prober.stop();
		const peakAfterCold = peakRssBytes(pid);
		console.log(
			`cold: ${seconds(cold.ms)} from the first GET to the 200 (${cold.pending} × 202 first; includes the customer measures of the new dataset version); ` +
				`longest /healthz wait meanwhile ${longestStall.toFixed(0)} ms over ${probes} probes${keepAliveResets.count ? ` (${keepAliveResets.count} keep-alive resets asked again)` : ''}`
		);
		console.log(`cached, same question: ${await cachedTimes()}`);

		const groupStarted = performance.now();
		const group = (await (
			await request(`${target.origin}/api/v1/workspaces/${target.workspaceId}/groups`, {
				method: 'POST',
				headers: { ...auth, 'content-type': 'application/json' },
				body: JSON.stringify({ name: 'Utrecht', rule: { match: 'all', conditions: [{ field: 'city', op: 'eq', value: 'Utrecht' }] } })
			})
		).json()) as { id: string };
		const groupMs = performance.now() - groupStarted;
		const groupCold = await untilDone(`?groupId=${group.id}`);
		console.log(
			`another cut, group "city = Utrecht" (1 in 5 customers): first ${groupCold.ms.toFixed(0)} ms (events already indexed; group created in ${groupMs.toFixed(0)} ms, not counted); cached ${await cachedTimes(`?groupId=${group.id}`)}`
		);
		const channelCold = await untilDone('?channel=app');
		console.log(`another cut, entered via "app": first ${channelCold.ms.toFixed(0)} ms; cached ${await cachedTimes('?channel=app')}`);
		console.log(`server RSS: ${mib(rssBefore)} before, peak (VmHWM) ${mib(peakAfterCold)} after the cold computation, ${mib(peakRssBytes(pid))} at the end`);

		// The planted funnel (from the plan, never the events); the channel cut against the engine in-process.
		const stepOf = (body: MetricsBody) => new Map(body.steps.map((s) => [cardStep.get(s.cardId)!, s]));
		const compare = (body: MetricsBody, expected: ReturnType<typeof plannedFunnel>) => {
			const steps = stepOf(body);
			const sameSteps = expected.steps.every((e, j) => {
				const s = steps.get(j);
				if (!s || s.reached !== e.reached || (e.isLastStage ? s.converted !== null : s.converted !== e.converted)) return false;
				const byChannel = new Map(s.byChannel.map((c) => [c.channel, c.reached]));
				return e.byChannel.length === s.byChannel.length && e.byChannel.every((c) => byChannel.get(c.channel) === c.reached);
			});
			const sameStages = expected.stages.every((e, i) => body.stages[i]?.reached === e.reached && body.stages[i]?.skipped === e.skipped);
			return sameSteps && sameStages && body.customersInCut === expected.customersInCut;
		};
		const include = Uint8Array.from({ length: CUSTOMERS }, (_, c) => (inGroup(c) ? 1 : 0));
		console.log(`figures equal the planted funnel (reached and converted per step and channel, stage reach and skips): all ${compare(cold.body, plannedFunnel(generated)) ? 'yes' : 'NO'}, group ${compare(groupCold.body, plannedFunnel(generated, include)) ? 'yes' : 'NO'}`);
		const engine = computeFunnel(indexEventLog(generated.log), generated.steps, { entryChannel: generated.log.channels.indexOf('app'), maxGapMs: 7 * 86_400_000 });
		const channelSteps = stepOf(channelCold.body);
		const sameAsEngine = engine.steps.every((e, j) => channelSteps.get(j)?.reached === e.reached && (channelSteps.get(j)?.converted ?? 0) === e.converted);
		console.log(`entered-via-app cut equals the engine run in-process: ${sameAsEngine ? 'yes' : 'NO'}`);
		console.log(`stage reach: ${cold.body.stages.map((s) => s.reached).join(' → ')}`);
	} finally {
		target.process.kill('SIGTERM');
		await once(target.process, 'exit');
		target.cleanup();
	}
	process.exit(0);
}

await main();
