import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { build, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Hands Vite's HTTP server to the app, whose server hooks mount the collaboration websocket
 * on it (only /collab/… upgrades; Vite's HMR socket is left alone) — as server.js does in production.
 */
function collabOnViteServer(): Plugin {
	return {
		name: 'waymark-collab',
		configureServer(server) {
			if (server.httpServer) globalThis.__waymarkHttpServer = server.httpServer as never;
		},
		configurePreviewServer(server) {
			globalThis.__waymarkHttpServer = server.httpServer as never;
		}
	};
}

/**
 * Bundles the server's worker threads, each entry into build/server/workers/<name>.js (code they
 * share goes to workers/chunks/). A worker thread needs a JS file of its own, and neither the SSR
 * build nor adapter-node emits one: adapter-node bundles only what its entries import, and it
 * empties build/ first. So this runs after it, at the end of the server build ('post' among the
 * sequential closeBundle hooks, where SvelteKit runs the adapter). Packages (better-sqlite3) stay
 * imports, resolved from node_modules as the server's own chunks are. The output folder matches
 * adapter-node's `out` in svelte.config.js; src/lib/server/workers/locate.ts finds the files.
 */
function serverWorkers(entries: Record<string, string>): Plugin {
	let serverBuild = false;
	let root = process.cwd();
	return {
		name: 'waymark-server-workers',
		apply: 'build',
		configResolved(config) {
			serverBuild = Boolean(config.build.ssr);
			root = config.root;
		},
		closeBundle: {
			sequential: true,
			order: 'post',
			async handler() {
				if (!serverBuild) return;
				await build({
					configFile: false,
					root,
					logLevel: 'warn',
					publicDir: false,
					// Worker code shares modules with the app, some of which import through $lib.
					resolve: { alias: { $lib: `${root}/src/lib` } },
					build: {
						ssr: true,
						outDir: 'build/server/workers',
						emptyOutDir: false,
						sourcemap: true,
						rollupOptions: {
							input: entries,
							output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' }
						}
					}
				});
			}
		}
	};
}

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['custom-account', 'cookie', 'preferredLanguage', 'baseLocale']
		}),
		sveltekit(),
		collabOnViteServer(),
		serverWorkers({
			'persona-clustering': 'src/lib/server/personas/cluster.worker.ts',
			'event-reader': 'src/lib/server/db/event-reader.worker.ts',
			import: 'src/lib/server/imports/import.worker.ts',
			'measure-builder': 'src/lib/server/db/measure-builder.worker.ts',
			'value-fits': 'src/lib/server/insights/value-fits.worker.ts',
			'off-loop-read': 'src/lib/server/db/off-loop-read.worker.ts',
			'transaction-reader': 'src/lib/server/db/transaction-reader.worker.ts',
			'report-printer': 'src/lib/server/reports/printer.worker.ts'
		})
	],
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					environment: 'node',
					include: ['test/integration/**/*.test.ts'],
					globalSetup: ['test/integration/global-setup.ts'],
					testTimeout: 20_000,
					hookTimeout: 60_000
				}
			}
		]
	}
});
