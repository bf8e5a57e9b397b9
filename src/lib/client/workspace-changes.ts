/**
 * Follows a workspace's change stream (`GET /api/v1/workspaces/:id/changes`, server-sent events)
 * so that open pages refresh when an import finishes, groups and personas change, or the
 * workspace's settings (its name, its currency) change. One EventSource per workspace is shared
 * by every follower on the page. After a reconnect the followers get `resync`: events may have
 * been missed while the connection was down.
 */
export type WorkspaceChange =
	| { kind: 'dataset'; datasetVersion: number }
	| { kind: 'groups' }
	| { kind: 'personas'; groupId: string }
	| { kind: 'event-types' }
	| { kind: 'settings' }
	| { kind: 'resync' };

type Listener = (change: WorkspaceChange) => void;

/**
 * What server loads that show a workspace's data, groups or personas `depends` on; the workspace
 * layout invalidates it when the change stream reports a change.
 */
export const WORKSPACE_DATA_DEPENDENCY = 'waymark:workspace-data';

/** What server loads that show a workspace's settings (its name, its currency) `depends` on. */
export const WORKSPACE_SETTINGS_DEPENDENCY = 'waymark:workspace-settings';

/** Settings changes, and a reconnect (one may have been missed), call for the settings again. */
export const touchesSettings = (change: WorkspaceChange): boolean => change.kind === 'settings' || change.kind === 'resync';

interface Stream {
	source: EventSource;
	listeners: Set<Listener>;
	datasetVersion: number | null;
}

const streams = new Map<string, Stream>();

function open(workspaceId: string): Stream {
	const source = new EventSource(`/api/v1/workspaces/${encodeURIComponent(workspaceId)}/changes`);
	const stream: Stream = { source, listeners: new Set(), datasetVersion: null };
	const emit = (change: WorkspaceChange) => {
		for (const listener of stream.listeners) listener(change);
	};
	const read = (event: MessageEvent): Record<string, unknown> => {
		try {
			return JSON.parse(event.data as string) as Record<string, unknown>;
		} catch {
			return {};
		}
	};
	source.addEventListener('hello', (event) => {
		const version = Number(read(event).datasetVersion);
		const first = stream.datasetVersion === null;
		stream.datasetVersion = version;
		if (!first) emit({ kind: 'resync' });
	});
	source.addEventListener('dataset', (event) => {
		const version = Number(read(event).datasetVersion);
		stream.datasetVersion = version;
		emit({ kind: 'dataset', datasetVersion: version });
	});
	source.addEventListener('groups', () => emit({ kind: 'groups' }));
	source.addEventListener('personas', (event) => emit({ kind: 'personas', groupId: String(read(event).groupId) }));
	source.addEventListener('event-types', () => emit({ kind: 'event-types' }));
	source.addEventListener('settings', () => emit({ kind: 'settings' }));
	return stream;
}

/** Calls `listener` on each change of the workspace until the returned function is called. */
export function followWorkspaceChanges(workspaceId: string, listener: Listener): () => void {
	if (typeof EventSource === 'undefined') return () => {};
	let stream = streams.get(workspaceId);
	if (!stream) {
		stream = open(workspaceId);
		streams.set(workspaceId, stream);
	}
	const followed = stream;
	followed.listeners.add(listener);
	return () => {
		followed.listeners.delete(listener);
		if (followed.listeners.size === 0) {
			followed.source.close();
			if (streams.get(workspaceId) === followed) streams.delete(workspaceId);
		}
	};
}
