import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/*
 * Starts the production server (`node server.js` over build/) as a child process on a free
 * port. The global setup starts one for the whole suite; tests that need their own settings
 * (tiny rate limits) or must kill and restart a server on the same database start another.
 */

export const projectRoot = resolve(import.meta.dirname, '../..');

export interface ServerProcess {
	baseUrl: string;
	port: number;
	databasePath: string;
	child: ChildProcess;
	/** Everything the server printed, for failure messages. */
	output(): string;
	/** SIGTERM (graceful) by default; SIGKILL to simulate a crash. Resolves once it has exited. */
	stop(signal?: NodeJS.Signals): Promise<void>;
	/** Stops the server and deletes its database, unless the caller passed in `databasePath`. */
	dispose(): Promise<void>;
}

export interface StartOptions {
	/** Reuse a database file (e.g. to restart after a crash); a fresh temp file otherwise. */
	databasePath?: string;
	/** Extra environment, e.g. `{ WAYMARK_LOGIN_LIMIT_PER_IP: '3' }`. */
	env?: Record<string, string>;
	/** How long to wait for the first answer. */
	timeoutMs?: number;
}

let warnedStale = false;

export function assertBuilt(): void {
	const handler = join(projectRoot, 'build', 'handler.js');
	if (!existsSync(handler)) {
		throw new Error(
			'Integration tests run against the production build, and build/handler.js is missing: ' +
				'run `npx vite build` first.'
		);
	}
	// Testing yesterday's build passes or fails for the wrong reasons: say so loudly.
	if (!warnedStale && newestSourceChange() > statSync(handler).mtimeMs) {
		warnedStale = true;
		console.warn('[integration] src/ changed after the last build: run `npx vite build` first.');
	}
}

function newestSourceChange(dir = join(projectRoot, 'src')): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name === 'paraglide' || entry.name.endsWith('.test.ts')) continue;
		const full = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestSourceChange(full) : statSync(full).mtimeMs);
	}
	return newest;
}

export function freshDatabasePath(): string {
	return join(mkdtempSync(join(tmpdir(), 'waymark-test-')), 'waymark.db');
}

export async function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const probe = createServer();
		probe.unref();
		probe.on('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolvePort(port));
		});
	});
}

export async function startServer(options: StartOptions = {}): Promise<ServerProcess> {
	assertBuilt();
	const databasePath = options.databasePath ?? freshDatabasePath();
	// The free port is found by probing, so another process can take it before the server
	// binds it; then the server exits with EADDRINUSE and we try another port.
	for (let attempt = 1; ; attempt++) {
		try {
			return await launch(await freePort(), databasePath, options);
		} catch (error) {
			if (!(error instanceof PortTakenError) || attempt >= 5) {
				if (!options.databasePath) rmSync(dirname(databasePath), { recursive: true, force: true });
				throw error;
			}
		}
	}
}

class PortTakenError extends Error {}

async function launch(port: number, databasePath: string, options: StartOptions): Promise<ServerProcess> {
	const baseUrl = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['server.js'], {
		cwd: projectRoot,
		env: {
			...process.env,
			NODE_ENV: 'production',
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: baseUrl,
			DATABASE_PATH: databasePath,
			WAYMARK_DEMO: 'off',
			// Each test client presents its own address, so per-IP limits do not bleed between tests.
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1',
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));
	let stopping = false;
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	const hasExited = () => child.exitCode !== null || child.signalCode !== null;

	const server: ServerProcess = {
		baseUrl,
		port,
		databasePath,
		child,
		output: () => output,
		async stop(signal = 'SIGTERM') {
			stopping = true;
			if (!hasExited()) child.kill(signal);
			// A graceful stop that hangs must not hang the suite: it becomes a kill.
			const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
			await exited;
			clearTimeout(timer);
		},
		async dispose() {
			await server.stop();
			if (!options.databasePath) rmSync(dirname(databasePath), { recursive: true, force: true });
		}
	};

	const deadline = Date.now() + (options.timeoutMs ?? 30_000);
	for (;;) {
		if (hasExited()) {
			await exited;
			if (output.includes('EADDRINUSE')) throw new PortTakenError(`port ${port} was taken`);
			throw new Error(`The server exited before answering:\n${output}`);
		}
		// Only our own child's "Listening" line proves that the port is ours: whatever else
		// answers there would be another process's server.
		if (output.includes('[waymark] Listening on')) {
			try {
				const response = await fetch(`${baseUrl}/api/v1/openapi.json`, {
					headers: { 'x-forwarded-for': '192.0.2.1' }
				});
				if (response.ok) break;
			} catch {
				// not answering yet
			}
		}
		if (Date.now() > deadline) {
			await server.stop('SIGKILL');
			throw new Error(`The server did not answer within the time limit:\n${output}`);
		}
		await new Promise((wait) => setTimeout(wait, 50));
	}

	child.once('exit', (code, signal) => {
		// A server that dies under the tests is a finding, not noise: show why.
		if (!stopping) console.error(`[integration] server ${baseUrl} exited (${signal ?? code}):\n${output}`);
	});
	return server;
}
