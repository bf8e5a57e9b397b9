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
