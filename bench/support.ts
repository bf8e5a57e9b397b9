/** Shared by the benchmark scripts: servers on free ports with temporary databases. */
import type Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Target {
	name: string;
	url: string;
	process: ChildProcess;
	params: Record<string, string>;
	newRoom(): Promise<string>;
	stats(): Promise<{ updates: number; bytes: number } | null>;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How many requests `request` asked again after a keep-alive reset. */
export const keepAliveResets = { count: 0 };

/**
 * fetch, asked again when the socket was reset: while a computation holds the server's event
 * loop, its keep-alive timer can close an idle socket just as the next request goes out.
 */
export async function request(url: string, init?: RequestInit): Promise<Response> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await fetch(url, init);
		} catch (error) {
			if (attempt >= 5 || (error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
			keepAliveResets.count++;
		}
	}
}

async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const port = (server.address() as { port: number }).port;
			server.close(() => resolve(port));
		});
	});
}

async function waitFor(url: string) {
	for (let i = 0; i < 200; i++) {
		try {
			await fetch(url);
			return;
		} catch {
			await sleep(100);
		}
	}
	throw new Error(`${url} did not answer`);
}

/**
 * Asks `/healthz` every `everyMs` until stopped: its longest wait is the longest time the
 * server's event loop was held meanwhile.
 */
export function probeHealth(origin: string, everyMs: number, request: (url: string) => Promise<Response> = fetch) {
	let probing = true;
	let longest = 0;
	let probes = 0;
	const running = (async () => {
		while (probing) {
			const asked = performance.now();
			await (await request(`${origin}/healthz`)).arrayBuffer();
			longest = Math.max(longest, performance.now() - asked);
			probes++;
			await sleep(everyMs);
		}
	})();
	running.catch(() => {});
	return {
		async stop(): Promise<{ longest: number; probes: number }> {
			probing = false;
			await running;
			return { longest, probes };
		}
	};
}

export function rssBytes(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
	return kb * 1024;
}

/** The process's peak resident memory so far (VmHWM). */
export function peakRssBytes(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

export interface WaymarkTarget extends Target {
	origin: string;
	/** The session cookie of the benchmark's account, `name=value`. */
	cookie: string;
	token: string;
	/** The workspace `newRoom` makes boards in. */
	workspaceId: string;
	/** The server's SQLite file (WAL mode), for benchmarks that write data straight into it. */
	databasePath: string;
	cleanup(): void;
}

export async function startWaymark(): Promise<WaymarkTarget> {
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'waymark-bench-'));
	const databasePath = join(dir, 'bench.db');
	const origin = `http://127.0.0.1:${port}`;
	// E.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof": Node refuses --cpu-prof in NODE_OPTIONS.
	const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
	const child = spawn(process.execPath, [...nodeArgs, 'server.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_PATH: databasePath,
			WAYMARK_DEMO: 'off'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	await waitFor(`${origin}/healthz`);
	const signup = await fetch(`${origin}/api/v1/auth/signup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin },
		body: JSON.stringify({ email: 'bench@example.com', password: 'bench-password-1', name: 'Bench' })
	});
	const cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0]!;
	const tokenResponse = await fetch(`${origin}/api/v1/tokens`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie, origin },
		body: JSON.stringify({ name: 'bench' })
	});
	const { token } = (await tokenResponse.json()) as { token: string };
	const authorization = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
	const workspace = (await (
		await fetch(`${origin}/api/v1/workspaces`, {
			method: 'POST',
			headers: authorization,
			body: JSON.stringify({ name: 'Bench' })
		})
	).json()) as { id: string };
	const metric = (text: string, name: string) =>
		Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
	return {
		name: 'waymark',
		origin,
		cookie,
		token,
		workspaceId: workspace.id,
		databasePath,
		url: `ws://127.0.0.1:${port}/collab`,
		process: child,
		params: { token },
		async newRoom() {
			const board = (await (
				await fetch(`${origin}/api/v1/workspaces/${workspace.id}/boards`, {
					method: 'POST',
					headers: authorization,
					body: JSON.stringify({ title: 'Bench board' })
				})
			).json()) as { id: string };
			return board.id;
		},
		async stats() {
			const text = await (await fetch(`${origin}/metrics`, { headers: authorization })).text();
			return {
				updates: metric(text, 'waymark_collab_updates_applied_total'),
				bytes: metric(text, 'waymark_collab_bytes_stored_total')
			};
		},
		cleanup: () => rmSync(dir, { recursive: true, force: true })
	};
}

export async function startReference(): Promise<Target & { cleanup(): void }> {
	const port = await freePort();
	const child = spawn(process.execPath, ['node_modules/@y/websocket-server/src/server.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	await waitFor(`http://127.0.0.1:${port}/`);
	let rooms = 0;
	return {
		name: 'reference',
		url: `ws://127.0.0.1:${port}`,
		process: child,
		params: {},
		newRoom: async () => `bench-room-${rooms++}`,
		stats: async () => null,
		cleanup: () => {}
	};
}


/** What a written-in dataset imported, for `recordImportsDone`. */
export interface WrittenImport {
	id: string;
	kind: 'customers' | 'transactions' | 'events';
	fileName: string;
	rows: number;
}

/**
 * Records rows written straight into a server's database file as finished imports would leave
 * them: a done import row per kind and the dataset version moved on once per import. Call it in
 * the transaction that wrote the rows.
 */
export function recordImportsDone(sqlite: Database.Database, workspaceId: string, userId: string | null, imports: WrittenImport[]): void {
	const now = Date.now();
	const done = sqlite.prepare(
		`insert into imports (id, workspace_id, kind, status, file_name, bytes, progress, rows_total, rows_imported, errors, created_by, created_at, finished_at)
		values (?, ?, ?, 'done', ?, 0, 1, ?, ?, '[]', ?, ?, ?)`
	);
	for (const { id, kind, fileName, rows } of imports) done.run(id, workspaceId, kind, fileName, rows, rows, userId, now, now);
	sqlite
		.prepare(
			`insert into datasets (workspace_id, version, updated_at) values (?, ?, ?)
			on conflict (workspace_id) do update set version = version + excluded.version, updated_at = excluded.updated_at`
		)
		.run(workspaceId, imports.length, now);
}
