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

/** Listeners of one kind of event, called in order; one that throws does not stop the others. */
function channel<E>(name: string) {
	const listeners = new Set<(event: E) => void>();
	return {
		on(listener: (event: E) => void): () => void {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		announce(event: E): void {
			for (const listener of listeners) {
				try {
					listener(event);
				} catch (error) {
					console.error(`[events] ${name} listener failed`, error);
				}
			}
		}
	};
}

const access = channel<AccessEvent>('access');
export const onAccessEvent = access.on;
export const announce = access.announce;

/**
 * Changes to a workspace's data, what is derived from it and its settings, for open pages to refresh without
 * a reload (the change stream, `GET /api/v1/workspaces/:id/changes`). Only ids and versions:
 * each page fetches what it shows through the API, with its own permissions.
 */
export type WorkspaceChange =
	| { kind: 'dataset'; workspaceId: string; datasetVersion: number }
	| { kind: 'groups'; workspaceId: string }
	| { kind: 'personas'; workspaceId: string; groupId: string }
	/** The names of its event types: pages showing event types load them again. */
	| { kind: 'event-types'; workspaceId: string }
	/** The workspace's own settings (name, currency, comments): pages showing them load them again. */
	| { kind: 'settings'; workspaceId: string };

const changes = channel<WorkspaceChange>('change');
export const onWorkspaceChange = changes.on;
export const announceChange = changes.announce;
