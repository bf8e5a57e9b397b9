import { and, asc, count, eq } from 'drizzle-orm';
import { getDb } from './connection';
import { keyset, toPage, type Page, type PageRequest } from './pagination';
import { memberships, users, type Membership, type Role } from './schema';

export interface MemberSummary {
	userId: string;
	email: string;
	name: string;
	role: Role;
	createdAt: Date;
}

export function findMembership(workspaceId: string, userId: string): Membership | undefined {
	return getDb()
		.select()
		.from(memberships)
		.where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
		.get();
}

export function listMembers(workspaceId: string, request: PageRequest): Page<MemberSummary> {
	const { where, limit } = keyset(memberships.createdAt, memberships.userId, request, 'asc');
	const rows = getDb()
		.select({
			userId: memberships.userId,
			email: users.email,
			name: users.name,
			role: memberships.role,
			createdAt: memberships.createdAt
		})
		.from(memberships)
		.innerJoin(users, eq(memberships.userId, users.id))
		.where(and(eq(memberships.workspaceId, workspaceId), where))
		.orderBy(asc(memberships.createdAt), asc(memberships.userId))
		.limit(limit)
		.all();
	return toPage(rows, limit, (row) => ({ time: row.createdAt, id: row.userId }));
}

export function findMember(workspaceId: string, userId: string): MemberSummary | undefined {
	return getDb()
		.select({
			userId: memberships.userId,
			email: users.email,
			name: users.name,
			role: memberships.role,
			createdAt: memberships.createdAt
		})
		.from(memberships)
		.innerJoin(users, eq(memberships.userId, users.id))
		.where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
		.get();
}

// `$count` returns an awaitable builder even on the synchronous driver, so comparing its
// result with a number silently fails; these count with a plain synchronous select instead.
function ownerCount(tx: Pick<ReturnType<typeof getDb>, 'select'>, workspaceId: string): number {
	return (
		tx
			.select({ owners: count() })
			.from(memberships)
			.where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'owner')))
			.get()?.owners ?? 0
	);
}

export function countOwners(workspaceId: string): number {
	return ownerCount(getDb(), workspaceId);
}

export function insertMembership(workspaceId: string, userId: string, role: Role): void {
	getDb().insert(memberships).values({ workspaceId, userId, role }).run();
}

/**
 * Changes a role unless that would leave the workspace without an owner. The check and the
 * write share one transaction so two owners demoting each other cannot both succeed.
 */
export function setRoleKeepingAnOwner(
	workspaceId: string,
	userId: string,
	role: Role
): 'ok' | 'last_owner' | 'not_member' {
	return getDb().transaction((tx) => {
		const current = tx
			.select()
			.from(memberships)
			.where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
			.get();
		if (!current) return 'not_member';
		if (current.role === 'owner' && role !== 'owner') {
			if (ownerCount(tx, workspaceId) <= 1) return 'last_owner';
		}
		tx.update(memberships)
			.set({ role })
			.where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
			.run();
		return 'ok';
	}, { behavior: 'immediate' });
}

/** Removes a member unless they are the last owner (checked in the same transaction). */
export function deleteMembershipKeepingAnOwner(
	workspaceId: string,
	userId: string
): 'ok' | 'last_owner' | 'not_member' {
	return getDb().transaction((tx) => {
		const current = tx
			.select()
			.from(memberships)
			.where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
			.get();
		if (!current) return 'not_member';
		if (current.role === 'owner') {
			if (ownerCount(tx, workspaceId) <= 1) return 'last_owner';
		}
		tx.delete(memberships)
			.where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
			.run();
		return 'ok';
	}, { behavior: 'immediate' });
}

export function ownsAnyWorkspace(userId: string): boolean {
	return (
		getDb()
			.select({ userId: memberships.userId })
			.from(memberships)
			.where(and(eq(memberships.userId, userId), eq(memberships.role, 'owner')))
			.limit(1)
			.get() !== undefined
	);
}
