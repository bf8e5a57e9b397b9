import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
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

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['custom-account', 'cookie', 'preferredLanguage', 'baseLocale']
		}),
		sveltekit(),
		collabOnViteServer()
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
