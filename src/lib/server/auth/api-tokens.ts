import * as db from '../db';
import { notFound } from '../errors';
import { announce } from '../events';
import { hashSecret, newId, newSecret } from '../ids';

/** Personal API tokens read `wm_<secret>`, so secret scanners and people can tell what they are. */
const TOKEN_PREFIX = 'wm_';

export function createApiToken(userId: string, name: string) {
	const token = TOKEN_PREFIX + newSecret();
	const summary = db.insertApiToken({
		id: newId(),
		userId,
		name,
		tokenHash: hashSecret(token),
		prefix: token.slice(0, TOKEN_PREFIX.length + 4)
	});
	return { ...summary, token };
}

export function validateApiToken(token: string): { user: db.User; tokenId: string } | null {
	if (!token.startsWith(TOKEN_PREFIX)) return null;
	const found = db.findApiTokenWithUser(hashSecret(token));
	if (!found) return null;
	const now = new Date();
	if (!found.token.lastUsedAt || now.getTime() - found.token.lastUsedAt.getTime() > 60_000) {
		db.markApiTokenUsed(found.token.id, now);
	}
	return { user: found.user, tokenId: found.token.id };
}

export function listApiTokens(userId: string, request: db.PageRequest): db.Page<db.ApiTokenSummary> {
	return db.listApiTokens(userId, request);
}

/** Deletes one of the user's tokens; someone else's token looks exactly like a missing one. */
export function revokeApiToken(userId: string, tokenId: string): void {
	if (!db.deleteApiToken(userId, tokenId)) throw notFound('API token');
	// Live collaboration sockets opened with this token close at once.
	announce({ kind: 'api-token-revoked', tokenId });
}
