/**
 * npm run bench:analytics [-- --sizes 100000,1000000] — times the customer-value pipeline of
 * src/lib/server/analytics on generated customer bases: build the per-customer summary from the
 * transactions, fit BG/NBD and Gamma-Gamma, and score every customer (P(alive), expected
 * transactions and discounted CLV over a year). Prints figures; asserts nothing.
 *
 * Transactions come from the seeded demo generator (src/lib/server/demo-data), the same retailer
 * the demo workspace shows. Generating them is not timed (it simulates journeys, surveys and
 * service contacts too); they are held in memory as the engine's Transaction objects first, so
 * the timings are of the engine alone. The pipeline runs --repeats times (default 3) on the same
 * data: the fastest run is shown in detail, since on a shared machine the slower ones mostly
 * measure the neighbours; CPU time is shown beside wall time for the same reason.
 * Each size runs in its own process, so the peak RSS
 * (process.resourceUsage().maxRSS) is that size's — input included, which at a million
 * customers is most of it.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { concentration, fitBgnbd, fitGammaGamma, scoreCustomers, summarizeTransactions, type Transaction } from '../src/lib/server/analytics/index';
import { generateDemoData } from '../src/lib/server/demo-data/index';

const SEED = 42;
const MONTHS = 24;
const DAY = 86_400_000;

const mb = (kilobytes: number) => `${(kilobytes / 1024).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function generate(customers: number): { transactions: Transaction[]; end: number } {
	const data = generateDemoData({ customers, seed: SEED, months: MONTHS });
	const transactions: Transaction[] = [];
	for (const t of data.transactions()) transactions.push({ customerId: t.customerId, occurredAt: Date.parse(t.timestamp), amount: t.amount, quantity: t.quantity });
	return { transactions, end: Date.parse(data.end) };
}

interface Timings {
	summary: number;
	bgnbd: number;
	gammaGamma: number;
	score: number;
	total: number;
	/** CPU time of the process over the run (user + system): wall time minus waiting for a busy machine. */
	cpu: number;
}

/** The timed pipeline: summary → BG/NBD → Gamma-Gamma → score every customer. */
function pipeline(transactions: Transaction[], end: number) {
	const cpuStart = process.cpuUsage();
	const t0 = performance.now();
	// The window is [start, end): its last day is the calibration end; weeks as in the papers.
	const summary = summarizeTransactions(transactions, { calibrationEnd: end - DAY, timeUnit: 'week' });
	const t1 = performance.now();
	const bgnbd = fitBgnbd(summary);
	const t2 = performance.now();
	const gammaGamma = fitGammaGamma(summary);
	const t3 = performance.now();
	// A year ahead in 12 monthly periods, 10% a year, 30% margin.
	const scores = scoreCustomers(summary, {
		bgnbd: bgnbd.params,
		gammaGamma: gammaGamma.params,
		margin: 0.3,
		discountRate: Math.pow(1.1, 1 / 12) - 1,
		periods: 12,
		periodLength: 52 / 12
	});
	const t4 = performance.now();
	const cpu = process.cpuUsage(cpuStart);
	const timings: Timings = { summary: t1 - t0, bgnbd: t2 - t1, gammaGamma: t3 - t2, score: t4 - t3, total: t4 - t0, cpu: (cpu.user + cpu.system) / 1000 };
	return { summary, bgnbd, gammaGamma, scores, timings };
}

function run(customers: number, repeats: number) {
	const generationStart = performance.now();
	const { transactions, end } = generate(customers);
	const generated = performance.now() - generationStart;
	const rssAfterGeneration = process.resourceUsage().maxRSS;

	const { summary, bgnbd, gammaGamma, scores, timings } = pipeline(transactions, end);
	const runs = [timings];
	let sameEveryRun = true;
	for (let i = 1; i < repeats; i++) {
		// Later runs only check determinism; their results are dropped, so memory holds one run's results (plus garbage).
		const again = pipeline(transactions, end);
		sameEveryRun &&= JSON.stringify(again.bgnbd.params) === JSON.stringify(bgnbd.params) && again.scores.every((s, k) => s.clv === scores[k]!.clv);
		runs.push(again.timings);
	}
	const rss = process.resourceUsage().maxRSS;
	const totals = runs.map((r) => r.total).sort((a, b) => a - b);
	const best = runs.reduce((a, b) => (b.total < a.total ? b : a));

	const clv = concentration(scores.map((s) => s.clv));
	const activeShare = scores.reduce((sum, s) => sum + s.pAlive, 0) / scores.length;
	const fmt = (o: object) => Object.entries(o).map(([k, v]) => `${k} ${(v as number).toPrecision(4)}`).join(', ');
	console.log(`\n${customers.toLocaleString('en')} customers, ${transactions.length.toLocaleString('en')} transactions (demo generator, seed ${SEED}, ${MONTHS} months; generated in ${seconds(generated)}, not timed)`);
	console.log(`  fastest of ${repeats} runs:`);
	console.log(`    summary (x, t_x, T, z̄):       ${seconds(best.summary)}  → ${summary.length.toLocaleString('en')} customers`);
	console.log(`    BG/NBD fit:                   ${seconds(best.bgnbd)}  (${bgnbd.distinctProfiles.toLocaleString('en')} distinct profiles; ${bgnbd.evaluations} full likelihood evaluations after a warm-up on ${bgnbd.warmUp?.profiles.toLocaleString('en') ?? 'no'} profiles; converged ${bgnbd.converged})`);
	console.log(`    Gamma-Gamma fit:              ${seconds(best.gammaGamma)}  (${gammaGamma.customers.toLocaleString('en')} repeat buyers, ${gammaGamma.evaluations} evaluations, converged ${gammaGamma.converged})`);
	console.log(`    score (P(alive), E[Y], CLV):  ${seconds(best.score)}`);
	console.log(`    end to end:                   ${seconds(best.total)} wall, ${seconds(best.cpu)} CPU`);
	console.log(`  end to end, all runs: ${totals.map(seconds).join(', ')} (median ${seconds(totals[Math.floor(totals.length / 2)]!)}); identical results every run: ${sameEveryRun}`);
	console.log(`  peak RSS: ${mb(rss)} (${mb(rssAfterGeneration)} after generating the input)`);
	console.log(`  BG/NBD ${fmt(bgnbd.params)}, log-likelihood ${bgnbd.logLikelihood.toFixed(1)}; Gamma-Gamma ${fmt(gammaGamma.params)}`);
	console.log(`  mean P(alive) ${activeShare.toFixed(3)}; mean 1-year CLV ${(clv.total / clv.n).toFixed(2)}; top 20% hold ${(100 * clv.topShare).toFixed(1)}% of CLV; Gini ${clv.gini.toFixed(3)}`);
}

const { values } = parseArgs({
	options: { sizes: { type: 'string', default: '100000,1000000' }, repeats: { type: 'string', default: '3' }, customers: { type: 'string' } }
});
if (values.customers) {
	run(Number(values.customers), Math.max(1, Number(values.repeats)));
} else {
	console.log(`Analytics engine benchmark: ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the start`);
	for (const size of values.sizes.split(',').map(Number)) {
		// Its own process per size, so the peak RSS is that size's alone.
		execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--customers', String(size), '--repeats', values.repeats], { stdio: 'inherit' });
	}
}
