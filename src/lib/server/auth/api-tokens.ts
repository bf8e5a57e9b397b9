import * as db from '../db';
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

/** Revokes a token of the user's own; its live connections close at once. */
export function revokeApiToken(userId: string, tokenId: string): boolean {
	const deleted = db.deleteApiToken(userId, tokenId);
	if (deleted) announce({ kind: 'api-token-revoked', tokenId });
	return deleted;
}
