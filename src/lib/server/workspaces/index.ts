import { config } from '../config';
import * as db from '../db';
import { requireWorkspace } from '../auth';
import { AppError, conflict, notFound } from '../errors';
import { announce, announceChange } from '../events';
import { hashSecret, newId, newSecret } from '../ids';
import type { Role } from '../db';

export function createWorkspace(user: db.User, name: string): db.Workspace {
	return db.insertWorkspace(name, user.id);
}

/**
 * Owners rename the workspace, let viewers comment, set the currency its amounts are in
 * (`currency`, a valid ISO 4217 code: only how amounts are shown changes, none is converted),
 * or the fewest customers a group or persona needs to show figures on the insights page.
 */
export function updateWorkspace(
	user: db.User | null,
	workspaceId: string,
	changes: { name?: string; viewersMayComment?: boolean; currency?: string; minimumSegmentCustomers?: number }
): db.Workspace {
	requireWorkspace(user, workspaceId, 'workspace:rename');
	const workspace = db.updateWorkspace(workspaceId, changes)!;
	// Open comment sockets of viewers gain or lose their write access now.
	if (changes.viewersMayComment !== undefined) announce({ kind: 'workspace-settings-changed', workspaceId });
	// Open pages show the new name, and amounts in the new currency, without a reload.
	announceChange({ kind: 'settings', workspaceId });
	return workspace;
}

export function deleteWorkspace(user: db.User | null, workspaceId: string): void {
	requireWorkspace(user, workspaceId, 'workspace:delete');
	db.deleteWorkspace(workspaceId);
	announce({ kind: 'workspace-deleted', workspaceId });
}

export type AddMemberResult =
	| { kind: 'member'; member: db.MemberSummary }
	| { kind: 'invite'; invite: db.InviteSummary; token: string };

/**
 * An address with an account joins at once; any other address gets a single-use invite link
 * (there is no mail server: the inviter passes the link on).
 */
export function addMember(
	user: db.User | null,
	workspaceId: string,
	email: string,
	role: Role
): AddMemberResult {
	const access = requireWorkspace(user, workspaceId, 'members:manage');
	const existing = db.findUserByEmail(email);
	if (existing) {
		if (db.findMembership(workspaceId, existing.id)) {
			throw conflict('This person is already a member', { email: 'error_already_member' });
		}
		db.insertMembership(workspaceId, existing.id, role);
		announce({ kind: 'membership-changed', workspaceId, userId: existing.id });
		return { kind: 'member', member: db.findMember(workspaceId, existing.id)! };
	}
	const token = newSecret();
	const invite = db.insertInvite({
		id: newId(),
		workspaceId,
		email,
		role,
		tokenHash: hashSecret(token),
		invitedBy: access.user.id,
		expiresAt: new Date(Date.now() + config.inviteLifetimeHours * 3600_000)
	});
	return { kind: 'invite', invite, token };
}

export function changeRole(
	user: db.User | null,
	workspaceId: string,
	memberId: string,
	role: Role
): db.MemberSummary {
	requireWorkspace(user, workspaceId, 'members:manage');
	const outcome = db.setRoleKeepingAnOwner(workspaceId, memberId, role);
	if (outcome === 'not_member') throw notFound('Member');
	if (outcome === 'last_owner') throw lastOwner();
	announce({ kind: 'membership-changed', workspaceId, userId: memberId });
	return db.findMember(workspaceId, memberId)!;
}

/**
 * Whether a member in `role` may leave: anyone may, except the workspace's only owner (a
 * workspace needs one). Decides whether pages offer leaving; `removeMember` checks it again.
 */
export function mayLeave(workspaceId: string, role: Role): boolean {
	return role !== 'owner' || db.countOwners(workspaceId) > 1;
}

/** Owners remove anyone; every member may remove themselves (leave), except the last owner. */
export function removeMember(user: db.User | null, workspaceId: string, memberId: string): void {
	const leaving = user?.id === memberId;
	requireWorkspace(user, workspaceId, leaving ? 'workspace:read' : 'members:manage');
	const outcome = db.deleteMembershipKeepingAnOwner(workspaceId, memberId);
	if (outcome === 'not_member') throw notFound('Member');
	if (outcome === 'last_owner') throw lastOwner();
	announce({ kind: 'membership-changed', workspaceId, userId: memberId });
}

const lastOwner = () =>
	new AppError(409, 'conflict', 'A workspace needs at least one owner: make someone else owner first', {
		role: 'error_last_owner'
	});

export function revokeInvite(user: db.User | null, workspaceId: string, inviteId: string): void {
	requireWorkspace(user, workspaceId, 'members:manage');
	if (!db.deleteInvite(workspaceId, inviteId)) throw notFound('Invite');
}

export type InviteLookup =
	| { status: 'valid'; invite: db.Invite; workspace: db.Workspace }
	| { status: 'expired' | 'used' | 'unknown' };

export function lookUpInvite(token: string): InviteLookup {
	const found = db.findInviteByTokenHash(hashSecret(token));
	if (!found) return { status: 'unknown' };
	if (found.invite.acceptedAt) return { status: 'used' };
	if (found.invite.expiresAt.getTime() <= Date.now()) return { status: 'expired' };
	return { status: 'valid', ...found };
}

export function acceptInvite(user: db.User, token: string) {
	const lookup = lookUpInvite(token);
	if (lookup.status === 'unknown') throw notFound('Invite');
	if (lookup.status !== 'valid') {
		throw new AppError(410 as number, 'conflict', 'This invite link has expired or was already used');
	}
	const outcome = db.acceptInvite(lookup.invite.id, user.id, new Date());
	if (outcome === 'used_or_expired') {
		throw new AppError(410 as number, 'conflict', 'This invite link has expired or was already used');
	}
	announce({ kind: 'membership-changed', workspaceId: outcome.workspaceId, userId: user.id });
	return outcome;
}

export function listWorkspaces(user: db.User, request: db.PageRequest): db.Page<db.WorkspaceSummary> {
	return db.listWorkspacesOfUser(user.id, request);
}

export function listMembers(
	user: db.User | null,
	workspaceId: string,
	request: db.PageRequest
): db.Page<db.MemberSummary> {
	requireWorkspace(user, workspaceId, 'members:read');
	return db.listMembers(workspaceId, request);
}

/** Open invites show addresses of people who are not members yet: owners only. */
export function listInvites(
	user: db.User | null,
	workspaceId: string,
	request: db.PageRequest
): db.Page<db.InviteSummary> {
	requireWorkspace(user, workspaceId, 'members:manage');
	return db.listOpenInvitesPage(workspaceId, new Date(), request);
}
export { workspaceChanges } from './changes';
