import type { TestProject } from 'vitest/node';
import { startServer } from './server-process';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The suite's shared server, e.g. http://127.0.0.1:41234 */
		baseUrl: string;
		/** Its SQLite file, for tests that move timestamps (session and invite expiry). */
		databasePath: string;
	}
}

/** One production server on a fresh database for the whole integration suite. */
export default async function setup(project: TestProject) {
	const server = await startServer();
	project.provide('baseUrl', server.baseUrl);
	project.provide('databasePath', server.databasePath);
	return async () => {
		if (process.env.WAYMARK_TEST_SERVER_LOG) console.log(server.output());
		await server.dispose();
	};
}
