import { and, desc, eq } from 'drizzle-orm';
import { getDb } from './connection';
import { keyset, toPage, type Page, type PageRequest } from './pagination';
import { apiTokens, users, type ApiToken, type User } from './schema';

export type ApiTokenSummary = Omit<ApiToken, 'tokenHash' | 'userId'>;

const summaryColumns = {
	id: apiTokens.id,
	name: apiTokens.name,
	prefix: apiTokens.prefix,
	createdAt: apiTokens.createdAt,
	lastUsedAt: apiTokens.lastUsedAt
};

export function insertApiToken(token: Omit<ApiToken, 'createdAt' | 'lastUsedAt'>): ApiTokenSummary {
	return getDb().insert(apiTokens).values(token).returning(summaryColumns).get();
}

export function listApiTokens(userId: string, request: PageRequest): Page<ApiTokenSummary> {
	const { where, limit } = keyset(apiTokens.createdAt, apiTokens.id, request, 'desc');
	const rows = getDb()
		.select(summaryColumns)
		.from(apiTokens)
		.where(and(eq(apiTokens.userId, userId), where))
		.orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
		.limit(limit)
		.all();
	return toPage(rows, limit, (row) => ({ time: row.createdAt, id: row.id }));
}

export function deleteApiToken(userId: string, id: string): boolean {
	return (
		getDb()
			.delete(apiTokens)
			.where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)))
			.run().changes > 0
	);
}

export function findApiTokenWithUser(tokenHash: string): { token: ApiToken; user: User } | undefined {
	return getDb()
		.select({ token: apiTokens, user: users })
		.from(apiTokens)
		.innerJoin(users, eq(apiTokens.userId, users.id))
		.where(eq(apiTokens.tokenHash, tokenHash))
		.get();
}

export function markApiTokenUsed(id: string, at: Date): void {
	getDb().update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id)).run();
}
