import { requireWorkspace } from '../auth';
import * as db from '../db';
import { onAccessEvent, onWorkspaceChange, type AccessEvent } from '../events';
import { eventStream } from '../http/event-stream';

/**
 * The change stream of a workspace: open pages (a journey board's figures, the data and value
 * pages) learn at once that the data moved on or groups and personas changed, and fetch what
 * they show again. It carries kinds, ids and versions only, never customer data, so whoever may
 * read the workspace's figures may follow it. It ends when the reader loses access.
 */
export function workspaceChanges(
	user: db.User | null,
	workspaceId: string,
	connection: { sessionId: string | null; apiTokenId: string | null }
): Response {
	const { user: reader } = requireWorkspace(user, workspaceId, 'data:read');
	return eventStream((send, close) => {
		send('hello', { workspaceId, datasetVersion: db.datasetVersion(workspaceId) });
		const stopChanges = onWorkspaceChange((change) => {
			if (change.workspaceId !== workspaceId) return;
			const { kind, ...data } = change;
			send(kind, data);
		});
		const losesAccess = (event: AccessEvent): boolean =>
			(event.kind === 'membership-changed' && event.workspaceId === workspaceId && event.userId === reader.id) ||
			(event.kind === 'workspace-deleted' && event.workspaceId === workspaceId) ||
			(event.kind === 'session-revoked' && event.sessionId === connection.sessionId) ||
			(event.kind === 'api-token-revoked' && event.tokenId === connection.apiTokenId);
		const stopAccess = onAccessEvent((event) => {
			if (!losesAccess(event)) return;
			// A membership change may keep read access (a new role): the client reconnects and the
			// next request decides.
			close();
		});
		return () => {
			stopChanges();
			stopAccess();
		};
	});
}
