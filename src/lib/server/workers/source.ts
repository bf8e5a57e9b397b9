import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/*
 * For unit tests and benches, which run the TypeScript sources: a worker started from its
 * TypeScript entry through tsx's ESM API (a devDependency; a plain worker cannot load TypeScript
 * on Node 20, and a worker's execArgv does not take --import there). The app never imports this;
 * in production the bundled workers are used (locate.ts).
 */
export function spawnSourceWorker(entry: URL, name: string): Worker {
	const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
	const exported = JSON.parse(readFileSync(manifest, 'utf8')).exports['./esm/api'].import.default as string;
	const tsx = new URL(exported, pathToFileURL(manifest)).href;
	const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
	return new Worker(boot, { eval: true, name: `${name} (source)` });
}
