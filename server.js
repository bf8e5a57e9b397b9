// Production entry: one HTTP server on one port for SvelteKit's handler and (through the
// upgrade hooks the app registers at start-up) the collaboration websocket.
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

const server = createServer();
// The app's server hooks (src/hooks.server.ts `init`) find the HTTP server here to attach
// websocket upgrades and shutdown work: the same module graph, one database connection.
globalThis.__waymarkHttpServer = server;

// Customer-data uploads — an import and its preview, which takes whatever the import takes —
// stream to disk and enforce WAYMARK_IMPORT_MAX_BYTES themselves (src/lib/server/imports), so
// adapter-node's body limit (default 512 KB) is raised to fit them. Every other request keeps
// the 512 KB cap on its declared length, checked here.
const OTHER_BODY_LIMIT = 512 * 1024;
const IMPORT_UPLOAD = /^\/api\/v1\/workspaces\/[^/?]+\/imports(?:\/preview)?\/?(?:\?|$)/;
// Persona photos (src/lib/domain/persona/photo.ts: PHOTO_MAX_BYTES) read their body themselves too.
const PHOTO_LIMIT = 10 * 1024 * 1024;
const PHOTO_UPLOAD = /^\/api\/v1\/personas\/[^/?]+\/photo\/?(?:\?|$)/;

/** The largest declared body a request may have before the app sees it, and what to say above it. */
function bodyLimitOf(url) {
	if (IMPORT_UPLOAD.test(url)) return null;
	if (PHOTO_UPLOAD.test(url)) return { bytes: PHOTO_LIMIT, message: `The photo is larger than ${PHOTO_LIMIT / 1024 / 1024} MB` };
	return { bytes: OTHER_BODY_LIMIT, message: `The body is larger than ${OTHER_BODY_LIMIT} bytes` };
}
const raisedLimit = process.env.BODY_SIZE_LIMIT === undefined;
if (raisedLimit) {
	const importMax = Number(process.env.WAYMARK_IMPORT_MAX_BYTES || 512 * 1024 * 1024);
	process.env.BODY_SIZE_LIMIT = String(importMax + 1024 * 1024);
}

// Without ORIGIN, adapter-node takes the host from the Host header but assumes https: on a plain
// `npm start` at http://localhost:3000 every form post (the log-in first) would then be refused as
// cross-site, and the session cookie marked Secure. So the protocol is the one the request came
// over: a proxy's X-Forwarded-Proto, else this plain-HTTP server's (the collaboration websocket
// judges its upgrades the same way).
const PROTOCOL_HEADER = 'x-waymark-protocol';
const protocolFromRequest = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (protocolFromRequest) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
function protocolOf(req) {
	const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim().toLowerCase();
	return forwarded === 'https' || forwarded === 'http' ? forwarded : 'http';
}

// What the app wants a newcomer to read once the server is up (the demo log-in): printed after
// the address, as the last lines of the start-up.
globalThis.__waymarkStartupNotes = [];

const { handler } = await import('./build/handler.js');
server.on('request', (req, res) => {
	if (protocolFromRequest) req.headers[PROTOCOL_HEADER] = protocolOf(req);
	const limit = raisedLimit ? bodyLimitOf(req.url ?? '') : null;
	if (limit && Number(req.headers['content-length'] ?? 0) > limit.bytes) {
		res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
		res.end(JSON.stringify({ error: { code: 'payload_too_large', message: limit.message } }));
		req.resume();
		return;
	}
	handler(req, res);
});

server.listen(port, host, () => {
	const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	console.log(`[waymark] Listening on ${process.env.ORIGIN ?? `http://${shown}:${port}`}`);
	for (const note of globalThis.__waymarkStartupNotes) console.log(`[waymark] ${note}`);
	globalThis.__waymarkStartupNotes = undefined;
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
