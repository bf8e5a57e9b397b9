/**
 * `npm start`: builds the app only when build/ is missing or older than what it is built from,
 * then runs the production server (server.js) in this process. A build prints its own output
 * only when it fails; the server's last start-up lines are the address to open and the demo log-in.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** What the build reads: a change to any of these (a file added or removed too) calls for a new build. */
const SOURCES = [
	'src',
	'static',
	'messages',
	'project.inlang/settings.json',
	'package.json',
	'package-lock.json',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json'
];
/** Written by the build itself, or not part of it. */
/** @param {string} name */
const SKIPPED = (name) => name === 'paraglide' || /\.(test|spec)\.ts$/.test(name);

/** @param {string} path @returns {number} */
function newestChange(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path, { withFileTypes: true })) {
		if (!SKIPPED(entry.name)) newest = Math.max(newest, newestChange(join(path, entry.name)));
	}
	return newest;
}

/** Why a build is needed, or null when build/ is up to date. @returns {string | null} */
export function buildReason(dir = root) {
	const handler = join(dir, 'build', 'handler.js');
	if (!existsSync(handler)) return 'there is no build yet';
	const built = statSync(handler).mtimeMs;
	const changed = SOURCES.find((source) => newestChange(join(dir, source)) > built);
	return changed ? `${changed} changed since the last build` : null;
}

/** @param {string} reason @returns {Promise<void>} */
function build(reason) {
	console.log(`[waymark] Building the app (${reason}); this takes a minute or two…`);
	const started = Date.now();
	const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const child = spawn(process.execPath, [vite, 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const ticker = setInterval(() => console.log(`[waymark] Still building (${Math.round((Date.now() - started) / 1000)} s)…`), 20_000);
	return new Promise((done) =>
		child.on('exit', (code) => {
			clearInterval(ticker);
			if (code !== 0) {
				process.stderr.write(output);
				console.error('[waymark] The build failed (its output is above); the server was not started.');
				process.exit(code ?? 1);
			}
			console.log(`[waymark] Built in ${Math.round((Date.now() - started) / 1000)} s.`);
			done();
		})
	);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
	const reason = buildReason();
	if (reason) await build(reason);
	else console.log('[waymark] The build is up to date: starting it.');
	await import(join(root, 'server.js'));
}
