/**
 * npm run bench:value:server — customer value, loyalty and retention over 1,000,000 transactions
 * of 200,000 customers through the real built server (issue 13, B8: nothing holds the server's
 * thread for long). Run after `vite build`.
 *
 * Setup (not counted): seeded customers and transactions are written straight into the server's
 * SQLite file in one transaction, as a finished import leaves them (a done import row per kind,
 * the dataset version raised). Then, cold and one after another, GET the customer-value API
 * (model formula), the loyalty API, the retention API and the customer-value API with model
 * bgnbd (its fits take minutes), each asked again until it
 * answers 200, while /healthz is asked every 20 ms. Prints per request the cold time, the longest
 * /healthz wait and the probes, the server's peak RSS and the machine's load average. The first
 * request also waits for the customer measures of the new dataset version. Asserts nothing.
 */
import Database from 'better-sqlite3';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { keepAliveResets, peakRssBytes, probeHealth, request as fetchAgainOnReset, rssBytes, sleep, startWaymark, type WaymarkTarget, recordImportsDone } from './support';

const CUSTOMERS = Number(process.env.BENCH_VALUE_CUSTOMERS ?? 200_000);
const TRANSACTIONS = Number(process.env.BENCH_VALUE_TRANSACTIONS ?? 1_000_000);
const POLL_MS = 20;
const DAY_MS = 86_400_000;
/** Two years of data up to a week ago: none dated after today. */
const END = Math.floor(Date.now() / DAY_MS) * DAY_MS - 7 * DAY_MS;
const START = END - 730 * DAY_MS;

/**
 * As support.ts's request, also asked again when undici finds the kept-alive socket closed by the
 * server ("other side closed"): a held event loop lets the server's keep-alive timer close it.
 */
async function request(url: string, init?: RequestInit): Promise<Response> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await fetchAgainOnReset(url, init);
		} catch (error) {
			if (attempt >= 5 || (error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error;
			keepAliveResets.count++;
		}
	}
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/**
 * Each customer a buyer of their own pace who may stop: an arrival day, a rate, a lifetime
 * (BG/NBD's story, so that its fit is usable), the transactions dealt out until there are
 * TRANSACTIONS of them. Rows are written in the order of a scrambled hash, like an import.
 */
function writeDataset(target: WaymarkTarget): void {
	const sqlite = new Database(target.databasePath);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('cache_size = -262144');
	const ws = target.workspaceId;
	const userId = (sqlite.prepare('select id from users limit 1').pluck().get() as string) ?? null;
	const now = Date.now();
	let seed = 2026;
	const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
	sqlite.transaction(() => {
		const customer = sqlite.prepare('insert into customers (workspace_id, external_id, city, acquisition_cost, created_at) values (?, ?, ?, ?, ?)');
		for (let c = 0; c < CUSTOMERS; c++) customer.run(ws, `K${String(c).padStart(7, '0')}`, c % 5 === 2 ? 'Utrecht' : 'Amsterdam', c % 3 === 0 ? 12.5 : null, now);
		const ids = sqlite.prepare('select id from customers where workspace_id = ? order by id').pluck().all(ws) as number[];
		const rows: [number, number, number, number | null][] = [];
		const perCustomer = TRANSACTIONS / CUSTOMERS;
		for (let c = 0; c < CUSTOMERS && rows.length < TRANSACTIONS; c++) {
			const arrival = START + Math.floor(random() * 700) * DAY_MS;
			const lifetime = random() < 0.4 ? Math.floor(random() * 200) * DAY_MS : END - arrival;
			const count = Math.max(1, Math.round(-Math.log(1 - random()) * perCustomer));
			for (let k = 0; k < count && rows.length < TRANSACTIONS; k++) {
				const at = k === 0 ? arrival : arrival + Math.floor(random() * Math.min(lifetime, END - arrival));
				const amount = Math.round((10 + random() * 90) * 100) / 100;
				rows.push([ids[c]!, at + Math.floor(random() * DAY_MS), amount, random() < 0.5 ? Math.round(amount * 0.3 * 100) / 100 : null]);
			}
		}
		// Dealt out again from the first customers until there are TRANSACTIONS.
		for (let c = 0; rows.length < TRANSACTIONS; c = (c + 1) % CUSTOMERS) rows.push([ids[c]!, START + Math.floor(random() * 730 * DAY_MS), 25, null]);
		const transaction = sqlite.prepare(
			'insert into customer_transactions (workspace_id, customer_id, occurred_at, amount, quantity, margin, row_hash) values (?, ?, ?, ?, ?, ?, ?)'
		);
		for (let i = 0; i < rows.length; i++) {
			const [customerId, at, amount, margin] = rows[i]!;
			// A bijection of i: unique hashes, in no order of the rows'.
			const hash = (Math.imul(i + 1, 0x9e3779b1) >>> 0).toString(16).padStart(8, '0');
			transaction.run(ws, customerId, at, amount, i % 4 === 0 ? 2 : null, margin, `${hash}:0`);
		}
		recordImportsDone(sqlite, ws, userId, [
			{ id: 'benchcustomers', kind: 'customers', fileName: 'customers.csv', rows: CUSTOMERS },
			{ id: 'benchtransactions', kind: 'transactions', fileName: 'transactions.csv', rows: rows.length }
		]);
	})();
	sqlite.pragma('wal_checkpoint(TRUNCATE)');
	sqlite.close();
}

async function main() {
	process.setMaxListeners(0);
	console.log(`bench:value:server — Node ${process.version}; load average ${load()}`);
	const target = await startWaymark();
	const pid = target.process.pid!;
	process.on('exit', () => target.process.kill('SIGTERM'));
	const auth = { authorization: `Bearer ${target.token}` };
	try {
		const setupStarted = performance.now();
		writeDataset(target);
		console.log(
			`setup (not counted): ${TRANSACTIONS.toLocaleString('en')} transactions of ${CUSTOMERS.toLocaleString('en')} customers written straight into the server's SQLite file in ${seconds(performance.now() - setupStarted)}`
		);
		const rssBefore = rssBytes(pid);
		const base = `${target.origin}/api/v1/workspaces/${target.workspaceId}/analytics`;
		const cold = async (label: string, path: string) => {
			const prober = probeHealth(target.origin, POLL_MS, request);
			const started = performance.now();
			let pending = 0;
			let body: Record<string, unknown>;
			for (;;) {
				const response = await request(`${base}${path}`, { headers: auth });
				body = (await response.json()) as Record<string, unknown>;
				if (response.status === 200) break;
				if (response.status !== 202) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(body)}`);
				pending++;
				await sleep(POLL_MS);
			}
			const ms = performance.now() - started;
			const { longest, probes } = await prober.stop();
			console.log(`${label}: cold ${seconds(ms)} (${pending} × 202 first); longest /healthz wait ${longest.toFixed(0)} ms over ${probes} probes; load ${load()}`);
			return body;
		};
		const formula = await cold('clv model=formula (first: with the customer measures)', '/clv?model=formula&timeUnit=week');
		const loyalty = await cold('loyalty', '/loyalty');
		const retention = await cold('retention', '/retention?period=month');
		// Last: its fits (in a worker thread) take minutes at this size.
		const bgnbd = await cold('clv model=bgnbd', '/clv?model=bgnbd&timeUnit=week');
		const summary = (body: Record<string, unknown>) => body.summary as { customers: number; total: number | null };
		console.log(
			`figures: formula ${summary(formula).customers} customers, total ${summary(formula).total?.toFixed(2)}; ` +
				`bgnbd verdict ${(bgnbd.verdict as { status: string }).status}, total ${summary(bgnbd).total?.toFixed(2)}; ` +
				`loyalty repeat rate ${(loyalty.behavioural as { repeatPurchaseRate: number }).repeatPurchaseRate.toFixed(6)}, ${(loyalty.cohorts as unknown[]).length} cohorts; ` +
				`retention verdict ${(retention.verdict as { status: string }).status}, revenue per period ${(retention.revenuePerPeriod as number).toFixed(6)}`
		);
		console.log(`server RSS: ${mib(rssBefore)} before, peak (VmHWM) ${mib(peakRssBytes(pid))}${keepAliveResets.count ? `; ${keepAliveResets.count} keep-alive resets asked again` : ''}`);
	} finally {
		target.process.kill('SIGTERM');
		await once(target.process, 'exit');
		target.cleanup();
	}
	process.exit(0);
}

await main();
