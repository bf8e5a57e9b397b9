/**
 * npm run bench:metrics — journey-funnel figures for a board of 30 bound steps (10 stages × 3
 * alternatives) over 5,000,000 events from 200,000 customers (seeded, rows shuffled). Prints the
 * time to build the log (not counted), the cold time (indexEventLog + computeFunnel), the cached
 * time (computeFunnel on the indexed log: same question, another cut, another window), peak RSS,
 * and whether the figures equal the planted ones. Targets (issue 8): cold < 3 s, cached < 50 ms.
 */
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { computeFunnel, indexEventLog } from '../src/lib/server/analytics/funnel/index';
import { generateJourney, plannedFunnel } from '../src/lib/server/analytics/funnel/synthetic';

const CUSTOMERS = 200_000;
const EVENTS_PER_CUSTOMER = 25;
const RUNS = 7;

const mib = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const time = <T>(work: () => T): [T, number] => {
	const started = performance.now();
	const result = work();
	return [result, performance.now() - started];
};

console.log(`bench:metrics — Node ${process.version}`);
const [generated, buildMs] = time(() => generateJourney({ customers: CUSTOMERS, seed: 2026, stepsPerStage: Array(10).fill(3), eventsPerCustomer: EVENTS_PER_CUSTOMER }));
const { log, steps, plan } = generated;
console.log(`built ${log.customer.length.toLocaleString('en')} events, ${CUSTOMERS.toLocaleString('en')} customers, ${steps.length} bound steps in ${(buildMs / 1000).toFixed(2)} s (not counted); peak RSS so far ${mib()} MiB`);

const [indexed, indexMs] = time(() => indexEventLog(log));
const [cold, computeMs] = time(() => computeFunnel(indexed, steps, { clv: plan.clv }));
console.log(`cold: ${((indexMs + computeMs) / 1000).toFixed(3)} s (indexEventLog ${indexMs.toFixed(0)} ms + computeFunnel ${computeMs.toFixed(0)} ms); peak RSS ${mib()} MiB`);

// A persona-sized cut (one customer in five) and a six-month window in the middle of the year.
const include = Uint8Array.from({ length: CUSTOMERS }, (_, c) => (c % 5 === 2 ? 1 : 0));
const from = Date.UTC(2025, 3, 1);
const to = Date.UTC(2025, 8, 30);
const cases: [string, () => unknown][] = [
	['same question', () => computeFunnel(indexed, steps, { clv: plan.clv })],
	['another cut (1 in 5 customers)', () => computeFunnel(indexed, steps, { clv: plan.clv, include })],
	['another window (6 months)', () => computeFunnel(indexed, steps, { clv: plan.clv, from, to })]
];
for (const [label, work] of cases) {
	const times = Array.from({ length: RUNS }, () => time(work)[1]);
	console.log(`cached, ${label}: median ${median(times).toFixed(1)} ms, first ${times[0]!.toFixed(1)} ms, best ${Math.min(...times).toFixed(1)} ms over ${RUNS} runs`);
}
console.log(`peak RSS ${mib()} MiB (process.resourceUsage().maxRSS, includes the generator and the raw log)`);

const expected = plannedFunnel(generated);
console.log(`figures equal the planted funnel: ${isDeepStrictEqual(cold, expected) ? 'yes' : 'NO'}`);
const stage = cold.stages.map((s) => s.reached).join(' → ');
console.log(`stage reach: ${stage}`);
