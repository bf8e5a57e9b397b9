// Production entry: one HTTP server on one port for SvelteKit's handler and (through the
// upgrade hooks the app registers at start-up) the collaboration websocket.
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

const server = createServer();
// The app's server hooks (src/hooks.server.ts `init`) find the HTTP server here to attach
// websocket upgrades and shutdown work: the same module graph, one database connection.
globalThis.__waymarkHttpServer = server;

const { handler } = await import('./build/handler.js');
server.on('request', handler);

server.listen(port, host, () => {
	const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	console.log(`[waymark] Listening on ${process.env.ORIGIN ?? `http://${shown}:${port}`}`);
});

let closing = false;
async function shutdown(signal) {
	if (closing) return;
	closing = true;
	console.log(`[waymark] ${signal} received, shutting down`);
	const hooks = globalThis.__waymarkShutdownHooks ?? [];
	server.close();
	for (const hook of hooks) {
		try {
			await hook();
		} catch (error) {
			console.error('[waymark] shutdown step failed', error);
		}
	}
	server.closeAllConnections?.();
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
