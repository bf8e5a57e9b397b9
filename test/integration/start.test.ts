import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildReason } from '../../scripts/start.js';
import { freePort, freshDatabasePath, projectRoot } from './server-process';

describe('whether npm start builds', () => {
	const dirs: string[] = [];
	afterEach(() => {
		for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
	});
	function project(files: Record<string, number>): string {
		const dir = mkdtempSync(join(tmpdir(), 'waymark-start-'));
		dirs.push(dir);
		for (const [path, secondsAgo] of Object.entries(files)) {
			const full = join(dir, path);
			mkdirSync(dirname(full), { recursive: true });
			writeFileSync(full, '');
			const at = Date.now() / 1000 - secondsAgo;
			utimesSync(full, at, at);
		}
		// Folders as old as the oldest file, so only the files tell.
		for (const path of ['src', 'src/lib', 'static', 'build']) {
			const at = Date.now() / 1000 - 1000;
			try {
				utimesSync(join(dir, path), at, at);
			} catch {
				// not in this project
			}
		}
		return dir;
	}

	it('builds when there is no build, or a source, the messages or the lock file is newer than it', () => {
		expect(buildReason(project({ 'src/app.html': 100 }))).toBe('there is no build yet');
		expect(buildReason(project({ 'build/handler.js': 100, 'src/lib/page.svelte': 10 }))).toBe('src changed since the last build');
		expect(buildReason(project({ 'build/handler.js': 100, 'src/app.html': 200, 'messages/nl.json': 10 }))).toBe('messages changed since the last build');
		expect(buildReason(project({ 'build/handler.js': 100, 'src/app.html': 200, 'package-lock.json': 10 }))).toBe('package-lock.json changed since the last build');
	});

	it('does not build when everything is older than the build, tests and generated messages included', () => {
		expect(
			buildReason(project({ 'build/handler.js': 100, 'src/app.html': 200, 'src/lib/x.test.ts': 5, 'src/lib/paraglide/messages.js': 5, 'static/favicon.svg': 300 }))
		).toBeNull();
	});
});

describe('npm start on a fresh machine', () => {
	it('starts the existing build without building, prints the address and the demo log-in last, and a plain-HTTP log-in works', { timeout: 60_000 }, async () => {
		expect(buildReason(), 'run `npx vite build` first: the build is older than the sources').toBeNull();
		const databasePath = freshDatabasePath();
		const port = await freePort();
		const start = async () => {
			const child = spawn(process.execPath, ['scripts/start.js'], {
				cwd: projectRoot,
				// As a newcomer runs it: no ORIGIN, no proxy settings.
				env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: databasePath, WAYMARK_DEMO_CUSTOMERS: '0' },
				stdio: ['ignore', 'pipe', 'pipe']
			});
			let output = '';
			child.stdout.on('data', (chunk) => (output += chunk));
			child.stderr.on('data', (chunk) => (output += chunk));
			const deadline = Date.now() + 45_000;
			while (!output.includes('Demo log-in')) {
				if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not come up:\n${output}`);
				await new Promise((wait) => setTimeout(wait, 50));
			}
			await new Promise((wait) => setTimeout(wait, 200));
			return { child, output: () => output };
		};
		const stop = async (child: ReturnType<typeof spawn>) => {
			const exited = new Promise((done) => child.once('exit', done));
			child.kill('SIGTERM');
			await exited;
		};
		const first = await start();
		try {
			const lines = first.output().trim().split('\n');
			expect(first.output()).toContain('[waymark] The build is up to date: starting it.');
			expect(first.output()).not.toMatch(/npm run preview|vite v\d/);
			expect(lines.at(-2)).toBe(`[waymark] Listening on http://127.0.0.1:${port}`);
			expect(lines.at(-1)).toBe('[waymark] Demo log-in — e-mail: demo@waymark.local  password: waymark-demo (WAYMARK_DEMO=off skips the demo)');

			// The log-in form over plain HTTP without ORIGIN: accepted, with a cookie the browser sends back over http.
			const base = `http://127.0.0.1:${port}`;
			const login = await fetch(`${base}/login`, {
				method: 'POST',
				headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
				body: 'email=demo%40waymark.local&password=waymark-demo',
				redirect: 'manual'
			});
			expect(login.status).toBe(303);
			const cookie = login.headers.getSetCookie().find((c) => c.startsWith('waymark_session='));
			expect(cookie).toBeDefined();
			expect(cookie).not.toMatch(/;\s*Secure/i);
		} finally {
			await stop(first.child);
		}

		// The next start on the same database: no new demo, the log-in printed again.
		const second = await start();
		try {
			expect(second.output()).not.toContain('Demo account created');
			expect(second.output().trim().split('\n').at(-1)).toContain('Demo log-in — e-mail: demo@waymark.local');
		} finally {
			await stop(second.child);
			rmSync(dirname(databasePath), { recursive: true, force: true });
		}
	});
});
