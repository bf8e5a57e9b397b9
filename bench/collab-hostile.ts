/**
 * npm run bench:collab:hostile — one hostile editor against the production server: the longest
 * /healthz wait while it (1) nests 20,000 maps and deletes them, (2) sends updates of 20 KB
 * whose predecessor never arrives. Prints figures; asserts nothing. Run after `vite build`.
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { nestedMaps, openRaw, updatesAfterAGap, type RawSocket } from '../test/integration/hostile-updates';
import { probeHealth, request, sleep, startWaymark, type WaymarkTarget } from './support';

/** A member's edit after the attack: does it still come back through the server, and how fast. */
async function memberRoundTrip(target: WaymarkTarget, room: string): Promise<string> {
	const clients = [0, 1].map(() => {
		const doc = new Y.Doc();
		const provider = new WebsocketProvider(target.url, room, doc, {
			WebSocketPolyfill: WebSocket as never,
			params: target.params,
			disableBc: true
		});
		return { doc, provider };
	});
	try {
		await Promise.all(clients.map(({ provider }) => new Promise<void>((resolve) => provider.once('sync', () => resolve()))));
		const started = performance.now();
		clients[0]!.doc.getMap('meta').set('member', started);
		for (let waited = 0; waited < 15_000; waited += 5) {
			if (clients[1]!.doc.getMap('meta').get('member') === started) return `${(performance.now() - started).toFixed(1)} ms`;
			await sleep(5);
		}
		return 'lost';
	} finally {
		for (const { doc, provider } of clients) (provider.destroy(), doc.destroy());
	}
}

async function scenario(target: WaymarkTarget, label: string, attack: (socket: RawSocket) => void) {
	const room = await target.newRoom();
	const socket = await openRaw(target.origin, room, target.token);
	const probe = probeHealth(target.origin, 5, request);
	const started = performance.now();
	attack(socket);
	const code = await Promise.race([socket.closed, sleep(60_000).then(() => 'still open after 60 s')]);
	const closedAfter = performance.now() - started;
	await sleep(200);
	const { longest, probes } = await probe.stop();
	socket.socket.terminate();
	console.log(
		JSON.stringify({
			scenario: label,
			'hostile socket closed with': code,
			'closed after': `${closedAfter.toFixed(0)} ms`,
			'longest /healthz wait': `${longest.toFixed(1)} ms`,
			'/healthz probes': probes,
			'member edit round trip afterwards': await memberRoundTrip(target, room)
		})
	);
}

async function main() {
	process.setMaxListeners(0);
	const gapUpdates = Number(process.env.BENCH_GAP_UPDATES ?? 1000);
	// Built first: seconds of work here would let the server's keep-alive drop our idle socket.
	const { nest, remove } = nestedMaps(20_000);
	const { updates } = updatesAfterAGap(gapUpdates, 20_000);
	const target = await startWaymark();
	try {
		await scenario(target, 'nest 20,000 maps, then delete them', (socket) => {
			socket.send(nest);
			socket.send(remove);
		});
		await scenario(target, `${gapUpdates} updates of 20 KB after a gap`, (socket) => {
			for (const update of updates) socket.send(update);
		});
	} finally {
		target.process.kill('SIGTERM');
		await sleep(300);
		target.cleanup();
	}
	process.exit(0);
}

void main();
