import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/chromium';

// WAYMARK_E2E_PORT lets several checkouts run their end-to-end suites side by side.
const PORT = Number(process.env.WAYMARK_E2E_PORT ?? 4173);
// A fresh database for every run: tests never see another run's accounts. The config file is
// evaluated by the runner and by each worker: an environment variable keeps one directory.
process.env.WAYMARK_E2E_DATA ??= mkdtempSync(join(tmpdir(), 'waymark-e2e-'));
const databasePath = join(process.env.WAYMARK_E2E_DATA, 'waymark.db');

export default defineConfig({
	testDir: 'test/e2e',
	fullyParallel: false,
	workers: 1,
	forbidOnly: true,
	retries: 0,
	reporter: [['list']],
	timeout: 30_000,
	expect: { timeout: 5_000 },
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				headless: true,
				launchOptions: {
					executablePath: CHROMIUM_PATH,
					args: CHROMIUM_ARGS
				}
			}
		}
	],
	webServer: {
		// Assumes `vite build` ran first (npm test does it).
		command: 'node server.js',
		url: `http://127.0.0.1:${PORT}/login`,
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'pipe',
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${PORT}`,
			DATABASE_PATH: databasePath,
			WAYMARK_DEMO: 'off',
			// Every test signs up from 127.0.0.1; the per-account login limit stays at its default.
			WAYMARK_SIGNUP_LIMIT_PER_IP: '1000',
			WAYMARK_LOGIN_LIMIT_PER_IP: '1000'
		}
	}
});
