import { existsSync } from 'node:fs';

/*
 * Where the production build keeps the bundled worker threads: vite.config.ts (serverWorkers)
 * writes each entry to build/server/workers/<name>.js after the adapter. Modules that start a
 * worker land in chunks a level or two below build/server, so the folders above this module are
 * searched. Under `vite dev` and vitest this module is the TypeScript source and there are no
 * bundled workers: null, and the caller does the work in its own thread.
 */

const located = new Map<string, URL | null>();

/** The bundled worker `name` (build/server/workers/<name>.js), or null when there is none. */
export function builtWorkerFile(name: string): URL | null {
	const known = located.get(name);
	if (known !== undefined) return known;
	let found: URL | null = null;
	for (let up = './', depth = 0; depth < 4; up += '../', depth++) {
		const candidate = new URL(`${up}workers/${name}.js`, import.meta.url);
		if (existsSync(candidate)) {
			found = candidate;
			break;
		}
	}
	located.set(name, found);
	return found;
}
