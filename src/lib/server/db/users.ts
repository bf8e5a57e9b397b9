import { count, eq } from 'drizzle-orm';
import { newId } from '../ids';
import { getDb } from './connection';
import { users, type User } from './schema';

export function findUserByEmail(email: string): User | undefined {
	return getDb().select().from(users).where(eq(users.email, email)).get();
}

export function findUserById(id: string): User | undefined {
	return getDb().select().from(users).where(eq(users.id, id)).get();
}

export function insertUser(input: { email: string; name: string; passwordHash: string }): User {
	return getDb()
		.insert(users)
		.values({ id: newId(), ...input })
		.returning()
		.get();
}

export function updateUser(
	id: string,
	changes: Partial<Pick<User, 'name' | 'passwordHash' | 'locale'>>
): void {
	getDb().update(users).set(changes).where(eq(users.id, id)).run();
}

export function countUsers(): number {
	// Not `$count`: on the synchronous driver it returns an awaitable builder, not a number.
	return getDb().select({ users: count() }).from(users).get()?.users ?? 0;
}
