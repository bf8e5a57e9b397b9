import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { getDb } from './connection';
import { keyset, toPage, type Page, type PageRequest } from './pagination';
import { invites, memberships, workspaces, type Invite, type Role, type Workspace } from './schema';

export type InviteSummary = Omit<Invite, 'tokenHash'>;

export function insertInvite(invite: Omit<Invite, 'createdAt' | 'acceptedAt' | 'acceptedBy'>): InviteSummary {
	const { tokenHash: _hidden, ...summary } = getDb().insert(invites).values(invite).returning().get();
	return summary;
}

const summaryColumns = {
	id: invites.id,
	workspaceId: invites.workspaceId,
	email: invites.email,
	role: invites.role,
	invitedBy: invites.invitedBy,
	createdAt: invites.createdAt,
	expiresAt: invites.expiresAt,
	acceptedAt: invites.acceptedAt,
	acceptedBy: invites.acceptedBy
};

/** Invites not yet used and not expired, newest first, one page at a time. */
export function listOpenInvitesPage(workspaceId: string, now: Date, request: PageRequest): Page<InviteSummary> {
	const { where, limit } = keyset(invites.createdAt, invites.id, request, 'desc');
	const rows = getDb()
		.select(summaryColumns)
		.from(invites)
		.where(
			and(eq(invites.workspaceId, workspaceId), isNull(invites.acceptedAt), gt(invites.expiresAt, now), where)
		)
		.orderBy(desc(invites.createdAt), desc(invites.id))
		.limit(limit)
		.all();
	return toPage(rows, limit, (row) => ({ time: row.createdAt, id: row.id }));
}

export function listOpenInvites(workspaceId: string, now: Date): InviteSummary[] {
	return getDb()
		.select(summaryColumns)
		.from(invites)
		.where(
			and(eq(invites.workspaceId, workspaceId), isNull(invites.acceptedAt), gt(invites.expiresAt, now))
		)
		.orderBy(desc(invites.createdAt))
		.all();
}

export function findInviteByTokenHash(
	tokenHash: string
): { invite: Invite; workspace: Workspace } | undefined {
	return getDb()
		.select({ invite: invites, workspace: workspaces })
		.from(invites)
		.innerJoin(workspaces, eq(invites.workspaceId, workspaces.id))
		.where(eq(invites.tokenHash, tokenHash))
		.get();
}

export function deleteInvite(workspaceId: string, id: string): boolean {
	return (
		getDb()
			.delete(invites)
			.where(and(eq(invites.id, id), eq(invites.workspaceId, workspaceId)))
			.run().changes > 0
	);
}

/**
 * Marks the invite used and adds the membership in one transaction. The `accepted_at is null`
 * and expiry conditions sit in the UPDATE itself, so two tabs racing on one link cannot both win.
 */
export function acceptInvite(
	inviteId: string,
	userId: string,
	now: Date
): { status: 'joined' | 'already_member'; workspaceId: string; role: Role } | 'used_or_expired' {
	return getDb().transaction((tx) => {
		const claimed = tx
			.update(invites)
			.set({ acceptedAt: now, acceptedBy: userId })
			.where(and(eq(invites.id, inviteId), isNull(invites.acceptedAt), gt(invites.expiresAt, now)))
			.returning()
			.get();
		if (!claimed) return 'used_or_expired';
		const existing = tx
			.select()
			.from(memberships)
			.where(and(eq(memberships.workspaceId, claimed.workspaceId), eq(memberships.userId, userId)))
			.get();
		if (existing) {
			return { status: 'already_member', workspaceId: claimed.workspaceId, role: existing.role };
		}
		tx.insert(memberships)
			.values({ workspaceId: claimed.workspaceId, userId, role: claimed.role })
			.run();
		return { status: 'joined', workspaceId: claimed.workspaceId, role: claimed.role };
	}, { behavior: 'immediate' });
}
