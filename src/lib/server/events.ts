/**
 * Changes that long-lived connections (the collaboration server) must react to at once.
 * Services announce them after their transaction commits.
 */
export type AccessEvent =
	| { kind: 'membership-changed'; workspaceId: string; userId: string }
	| { kind: 'workspace-deleted'; workspaceId: string }
	| { kind: 'workspace-settings-changed'; workspaceId: string }
	| { kind: 'board-deleted'; boardId: string }
	| { kind: 'persona-deleted'; personaId: string }
	| { kind: 'session-revoked'; sessionId: string }
	| { kind: 'api-token-revoked'; tokenId: string };

const listeners = new Set<(event: AccessEvent) => void>();

export function onAccessEvent(listener: (event: AccessEvent) => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

export function announce(event: AccessEvent): void {
	for (const listener of listeners) {
		try {
			listener(event);
		} catch (error) {
			console.error('[events] listener failed', error);
		}
	}
}

/**
 * Changes to a workspace's data and what is derived from it, for open pages to refresh without
 * a reload (the change stream, `GET /api/v1/workspaces/:id/changes`). Only ids and versions:
 * each page fetches what it shows through the API, with its own permissions.
 */
export type WorkspaceChange =
	| { kind: 'dataset'; workspaceId: string; datasetVersion: number }
	| { kind: 'groups'; workspaceId: string }
	| { kind: 'personas'; workspaceId: string; groupId: string };

const changeListeners = new Set<(change: WorkspaceChange) => void>();

export function onWorkspaceChange(listener: (change: WorkspaceChange) => void): () => void {
	changeListeners.add(listener);
	return () => changeListeners.delete(listener);
}

export function announceChange(change: WorkspaceChange): void {
	for (const listener of changeListeners) {
		try {
			listener(change);
		} catch (error) {
			console.error('[events] change listener failed', error);
		}
	}
}
