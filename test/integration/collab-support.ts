import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A y-websocket client as a browser tab would run it, authenticated by an API token. */
export interface CollabClient {
	doc: Y.Doc;
	provider: WebsocketProvider;
	close(): void;
}

export function connectClient(baseUrl: string, room: string, token: string, doc = new Y.Doc()): CollabClient {
	const provider = new WebsocketProvider(baseUrl.replace(/^http/, 'ws') + '/collab', room, doc, {
		WebSocketPolyfill: WebSocket as never,
		params: { token },
		disableBc: true,
		maxBackoffTime: 200
	});
	return {
		doc,
		provider,
		close: () => {
			provider.destroy();
			doc.destroy();
		}
	};
}

export async function synced(client: CollabClient, timeoutMs = 5000): Promise<void> {
	if (client.provider.synced) return;
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('client did not sync in time')), timeoutMs);
		client.provider.once('sync', () => {
			clearTimeout(timer);
			resolve();
		});
	});
}

/** Polls until `check` passes; fails with the last error after `timeoutMs`. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5000): Promise<void> {
	const started = Date.now();
	for (;;) {
		try {
			await check();
			return;
		} catch (error) {
			if (Date.now() - started > timeoutMs) throw error;
			await new Promise((resolve) => setTimeout(resolve, 25));
		}
	}
}

/** Opens a raw websocket and reports how the upgrade ended: 'open' or the HTTP status. */
export function upgradeOutcome(
	url: string,
	headers: Record<string, string> = {}
): Promise<{ status: number | 'open'; socket?: WebSocket }> {
	return new Promise((resolve, reject) => {
		const socket = new WebSocket(url, { headers });
		socket.once('open', () => resolve({ status: 'open', socket }));
		socket.once('unexpected-response', (_request, response) => {
			resolve({ status: response.statusCode ?? 0 });
			socket.terminate();
		});
		socket.once('error', (error) => {
			if (!('statusCode' in error)) reject(error);
		});
	});
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
