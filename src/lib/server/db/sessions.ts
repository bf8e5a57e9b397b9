import { and, desc, eq, lt, ne } from 'drizzle-orm';
import { getDb } from './connection';
import { keyset, toPage, type Page, type PageRequest } from './pagination';
import { sessions, users, type Session, type User } from './schema';

export function insertSession(session: Omit<Session, 'createdAt'>): Session {
	return getDb().insert(sessions).values(session).returning().get();
}

export function findSessionWithUser(id: string): { session: Session; user: User } | undefined {
	return getDb()
		.select({ session: sessions, user: users })
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.where(eq(sessions.id, id))
		.get();
}

export function touchSession(id: string, changes: Pick<Session, 'lastSeenAt'> & { expiresAt?: Date }): void {
	getDb().update(sessions).set(changes).where(eq(sessions.id, id)).run();
}

export function deleteSession(id: string): void {
	getDb().delete(sessions).where(eq(sessions.id, id)).run();
}

export function deleteUserSession(userId: string, id: string): boolean {
	const result = getDb()
		.delete(sessions)
		.where(and(eq(sessions.id, id), eq(sessions.userId, userId)))
		.run();
	return result.changes > 0;
}

export function deleteOtherSessions(userId: string, keepId: string): string[] {
	return getDb()
		.delete(sessions)
		.where(and(eq(sessions.userId, userId), ne(sessions.id, keepId)))
		.returning({ id: sessions.id })
		.all()
		.map((row) => row.id);
}

export function listUserSessions(userId: string): Session[] {
	return getDb()
		.select()
		.from(sessions)
		.where(eq(sessions.userId, userId))
		.orderBy(desc(sessions.lastSeenAt))
		.all();
}

export function deleteExpiredSessions(now: Date): void {
	getDb().delete(sessions).where(lt(sessions.expiresAt, now)).run();
}

/** A user's sessions, newest first, one page at a time. */
export function listUserSessionsPage(userId: string, request: PageRequest): Page<Session> {
	const { where, limit } = keyset(sessions.createdAt, sessions.id, request, 'desc');
	const rows = getDb()
		.select()
		.from(sessions)
		.where(and(eq(sessions.userId, userId), where))
		.orderBy(desc(sessions.createdAt), desc(sessions.id))
		.limit(limit)
		.all();
	return toPage(rows, limit, (row) => ({ time: row.createdAt, id: row.id }));
}
