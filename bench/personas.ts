/**
 * npm run bench:personas — derivePersonas on 20,000 and 200,000 generated customers with
 * 12 features and four planted personas (seeded): time with k = "auto" (3…8) and with k fixed,
 * the time per step, peak RSS, the silhouette method used and how well the planted personas were
 * recovered. Then the event loop during a derivation of 100,000 customers × 15 features, called
 * inline (as before) and through the worker runner the job uses (the built worker when
 * `npx vite build` made one, else the TypeScript worker through tsx): the longest event-loop stall
 * (against an idle baseline), total time and peak RSS of the process (a worker thread counts in it).
 * Each case runs in its own process so its peak RSS is its own. Prints figures; asserts nothing.
 * BENCH_PERSONAS_ONLY=stall runs only the event-loop cases.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
	adjustedRandIndex,
	buildFeatureMatrix,
	derivePersonas,
	meanSilhouette,
	planSilhouette,
	type DeriveStage
} from '../src/lib/server/analytics/segmentation/index';
import { PLANTED_NUMERIC_FEATURES, plantedCustomers } from '../src/lib/server/analytics/segmentation/synthetic';
import { deriveInWorker } from '../src/lib/server/personas/cluster-runner';
import { spawnSourceWorker } from '../src/lib/server/personas/source-worker';

const NUMERIC_12 = PLANTED_NUMERIC_FEATURES.slice(0, 12);
/** 10 numeric + 2 categorical: the k-prototypes path. */
const MIXED_12 = [...NUMERIC_12.slice(0, 9), 'tenureDays', 'topCategory', 'loyaltyMember'];
/** The issue's benchmark shape: 15 features (13 numeric + 2 categorical). */
const MIXED_15 = [...NUMERIC_12, 'furthestJourneyStep', 'topCategory', 'loyaltyMember'];
const FEATURE_SETS = { numeric12: NUMERIC_12, mixed12: MIXED_12, mixed15: MIXED_15 };

interface Case {
	customers: number;
	k: number | 'auto';
	features: keyof typeof FEATURE_SETS;
}

const CASES: Case[] = [
	{ customers: 20_000, k: 'auto', features: 'numeric12' },
	{ customers: 20_000, k: 4, features: 'numeric12' },
	{ customers: 200_000, k: 'auto', features: 'numeric12' },
	{ customers: 200_000, k: 4, features: 'numeric12' },
	{ customers: 200_000, k: 'auto', features: 'mixed12' },
	{ customers: 100_000, k: 'auto', features: 'mixed15' }
];

function runCase(c: Case): void {
	const data = plantedCustomers(c.customers, 2024);
	const stageTimes = new Map<string, number>();
	let last = performance.now();
	let lastStage = 'features';
	const mark = (stage: string) => {
		const now = performance.now();
		stageTimes.set(lastStage, (stageTimes.get(lastStage) ?? 0) + now - last);
		last = now;
		lastStage = stage;
	};
	const started = performance.now();
	const result = derivePersonas(
		{ customerCount: c.customers, columns: data.columns, revenue: data.revenue },
		{
			k: c.k,
			seed: 1,
			features: FEATURE_SETS[c.features],
			onProgress: (stage: DeriveStage) => {
				if (stage !== lastStage) mark(stage);
			}
		}
	);
	mark('done');
	const seconds = (performance.now() - started) / 1000;
	const rssMiB = process.resourceUsage().maxRSS / 1024;
	const steps = [...stageTimes]
		.filter(([stage]) => stage !== 'done')
		.map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(2)} s`)
		.join(', ');
	console.log(
		`${String(c.customers).padStart(7)} customers, ${c.features}, k = ${String(c.k).padEnd(4)} → ` +
			`${seconds.toFixed(2)} s, peak RSS ${rssMiB.toFixed(0)} MiB; chose k = ${result.k} (${result.algorithm}), ` +
			`silhouette ${result.kChoice.silhouetteMethod} on ${result.kChoice.silhouetteRows} rows, ` +
			`stability ${result.stability.mean.toFixed(3)} on ${result.stability.rowsUsed} rows, ` +
			`ARI vs planted ${adjustedRandIndex(result.assignments, data.personas).toFixed(3)}`
	);
	// After the RSS reading: how much of the clustering step the silhouettes take (one per k).
	const matrix = buildFeatureMatrix(data.columns, c.customers, FEATURE_SETS[c.features]);
	const clusterData = {
		rows: c.customers,
		numeric: matrix.numeric,
		p: matrix.numericFeatures.length,
		categorical: matrix.categorical,
		q: matrix.categoricalFeatures.length,
		levels: Int32Array.from(matrix.categoricalFeatures, (f) => f.labels.length),
		gamma: result.gamma ?? 0
	};
	const silhouetteStart = performance.now();
	meanSilhouette(clusterData, result.assignments, result.k, planSilhouette(c.customers, { seed: 1 }));
	const silhouetteSeconds = (performance.now() - silhouetteStart) / 1000;
	console.log(
		`         steps: ${steps} (of which silhouettes ≈ ${(silhouetteSeconds * result.diagnostics.length).toFixed(2)} s: ${silhouetteSeconds.toFixed(2)} s per k)`
	);
	console.log(
		`         per k: ${result.diagnostics.map((d) => `k=${d.k} inertia ${d.inertia.toFixed(0)} silhouette ${d.silhouette?.toFixed(3) ?? '–'}`).join('; ')}`
	);
}

type StallMode = 'inline' | 'worker';
const STALL_CASES: StallMode[] = ['inline', 'worker'];

/** 100,000 × MIXED_15 as the job hands them over (plain arrays, nulls), with the loop watched. */
async function runStallCase(mode: StallMode): Promise<void> {
	const customers = 100_000;
	const data = plantedCustomers(customers, 2024);
	const columns = Object.fromEntries(
		Object.entries(data.columns).map(([id, column]) => [
			id,
			column instanceof Float64Array ? Array.from(column, (v) => (Number.isNaN(v) ? null : v)) : column
		])
	);
	const input = { customerCount: customers, columns, revenue: Array.from(data.revenue) };
	const options = { k: 'auto' as const, seed: 1, features: MIXED_15, onProgress: () => {} };
	const built = new URL('../build/server/workers/persona-clustering.js', import.meta.url);
	const spawn = existsSync(built) ? () => new Worker(built, { name: 'persona-clustering' }) : spawnSourceWorker;

	// A 10 ms timer's lateness is the stall. On a shared machine the OS alone delays it now and
	// then, so the same sampler first runs idle for as long, as a baseline.
	let longestLag = 0;
	let last = performance.now();
	const sampler = setInterval(() => {
		const now = performance.now();
		longestLag = Math.max(longestLag, now - last - 10);
		last = now;
	}, 10);
	await new Promise((resolve) => setTimeout(resolve, 2_000));
	const idleLag = longestLag;
	longestLag = 0;
	const started = performance.now();
	const result =
		mode === 'inline' ? derivePersonas(input, options) : await deriveInWorker(input, options, spawn);
	const seconds = (performance.now() - started) / 1000;
	await new Promise((resolve) => setTimeout(resolve, 50)); // the last late tick is counted
	clearInterval(sampler);
	const rssMiB = process.resourceUsage().maxRSS / 1024;
	const how = mode === 'inline' ? 'inline (before)' : `worker (${spawn === spawnSourceWorker ? 'TypeScript via tsx' : 'built'})`;
	console.log(
		`stall: 100000 customers, mixed15, k = auto, ${how.padEnd(26)} → ${seconds.toFixed(2)} s, ` +
			`longest event-loop stall ${longestLag.toFixed(0)} ms (idle baseline ${idleLag.toFixed(0)} ms), ` +
			`peak RSS (process, worker included) ${rssMiB.toFixed(0)} MiB; chose k = ${result.k}`
	);
}

function runAll(): void {
	console.log(`bench:personas — Node ${process.version}, one process per case`);
	const spawnCase = (env: Record<string, string>) => {
		const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
			env: { ...process.env, ...env },
			stdio: 'inherit'
		});
		if (child.status !== 0) process.exitCode = 1;
	};
	if (process.env.BENCH_PERSONAS_ONLY !== 'stall') CASES.forEach((_, index) => spawnCase({ BENCH_PERSONAS_CASE: String(index) }));
	STALL_CASES.forEach((mode) => spawnCase({ BENCH_PERSONAS_STALL: mode }));
}

const only = process.env.BENCH_PERSONAS_CASE;
const stall = process.env.BENCH_PERSONAS_STALL as StallMode | undefined;
if (only !== undefined) runCase(CASES[Number(only)]!);
else if (stall !== undefined) await runStallCase(stall);
else runAll();
