import type { Server } from 'node:http';
import { BoardVersions } from './versions';
import { CollabServer } from './server';

export { COLLAB_PATH, CollabServer } from './server';
export { collabMetrics, updatesPerSecond } from './metrics';
export { CLOSE } from './connection';
export type { DocumentKind } from './registry';

let instance: CollabServer | undefined;

export function collabServer(): CollabServer {
	instance ??= new CollabServer();
	return instance;
}

export const boardVersions = (): BoardVersions => new BoardVersions(collabServer());

const ATTACHED = Symbol.for('waymark.collab.attached');

/** Mounts the websocket endpoint on an HTTP server once (production entry, vite dev, vite preview). */
export function attachCollab(server: Server): void {
	const marked = server as Server & { [ATTACHED]?: true };
	if (marked[ATTACHED]) return;
	marked[ATTACHED] = true;
	collabServer().attach(server);
}
