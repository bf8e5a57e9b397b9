/**
 * npm run bench:personas — derivePersonas on 20,000 and 200,000 generated customers with
 * 12 features and four planted personas (seeded): time with k = "auto" (3…8) and with k fixed,
 * the time per step, peak RSS, the silhouette method used and how well the planted personas were
 * recovered. Each case runs in its own process so its peak RSS is its own. Prints figures;
 * asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
	adjustedRandIndex,
	buildFeatureMatrix,
	derivePersonas,
	meanSilhouette,
	planSilhouette,
	type DeriveStage
} from '../src/lib/server/analytics/segmentation/index';
import { plantedCustomers } from '../src/lib/server/analytics/segmentation/synthetic';

const NUMERIC_12 = [
	'customerLifetimeValue',
	'monetaryValue',
	'margin',
	'recencyDays',
	'frequency',
	'interPurchaseDays',
	'channelShareWebshop',
	'channelShareApp',
	'channelShareStore',
	'nps',
	'tenureDays',
	'householdSize'
];
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

const only = process.env.BENCH_PERSONAS_CASE;
if (only !== undefined) {
	runCase(CASES[Number(only)]!);
} else {
	console.log(`bench:personas — Node ${process.version}, one process per case`);
	CASES.forEach((_, index) => {
		const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
			env: { ...process.env, BENCH_PERSONAS_CASE: String(index) },
			stdio: 'inherit'
		});
		if (child.status !== 0) process.exitCode = 1;
	});
}
