import type { Cookies } from '@sveltejs/kit';
import * as db from '../db';
import { announce } from '../events';
import { hashSecret, newSecret } from '../ids';

export const SESSION_COOKIE = 'waymark_session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 30 * DAY;
/** A session is renewed once less than half its lifetime is left: sliding expiry. */
const RENEW_WHEN_LEFT = 15 * DAY;

export interface SessionContext {
	session: db.Session;
	user: db.User;
}

function announceRevoked(sessionIds: string[]) {
	for (const sessionId of sessionIds) announce({ kind: 'session-revoked', sessionId });
}

export function createSession(
	userId: string,
	client: { userAgent?: string | null; ipAddress?: string | null }
): { token: string; session: db.Session } {
	const token = newSecret();
	const now = new Date();
	const session = db.insertSession({
		id: hashSecret(token),
		userId,
		expiresAt: new Date(now.getTime() + SESSION_LIFETIME),
		lastSeenAt: now,
		userAgent: client.userAgent?.slice(0, 300) ?? null,
		ipAddress: client.ipAddress ?? null
	});
	return { token, session };
}

/**
 * Looks up the session behind a cookie token; expired sessions are deleted, and sessions
 * past half their life are extended (the caller then re-sends the cookie).
 */
export function validateSessionToken(
	token: string
): (SessionContext & { renewed: boolean }) | null {
	const id = hashSecret(token);
	const found = db.findSessionWithUser(id);
	if (!found) return null;
	const now = Date.now();
	if (found.session.expiresAt.getTime() <= now) {
		db.deleteSession(id);
		return null;
	}
	const renewed = found.session.expiresAt.getTime() - now < RENEW_WHEN_LEFT;
	const lastSeenAt = new Date(now);
	// Writing on every request would turn reads into writes; a minute's precision is enough.
	if (renewed || now - found.session.lastSeenAt.getTime() > 60_000) {
		const expiresAt = renewed ? new Date(now + SESSION_LIFETIME) : undefined;
		db.touchSession(id, { lastSeenAt, expiresAt });
		found.session.lastSeenAt = lastSeenAt;
		if (expiresAt) found.session.expiresAt = expiresAt;
	}
	return { ...found, renewed };
}

export function invalidateSession(sessionId: string): void {
	db.deleteSession(sessionId);
	announceRevoked([sessionId]);
}

export function revokeUserSession(userId: string, sessionId: string): boolean {
	const deleted = db.deleteUserSession(userId, sessionId);
	if (deleted) announceRevoked([sessionId]);
	return deleted;
}

export function revokeOtherSessions(userId: string, keepSessionId: string): void {
	announceRevoked(db.deleteOtherSessions(userId, keepSessionId));
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date, secure: boolean) {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		expires: expiresAt
	});
}

export function clearSessionCookie(cookies: Cookies, secure: boolean) {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

export function listSessions(userId: string, request: db.PageRequest): db.Page<db.Session> {
	return db.listUserSessionsPage(userId, request);
}
