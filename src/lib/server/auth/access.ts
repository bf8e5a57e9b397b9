import * as db from '../db';
import { forbidden, notFound, unauthenticated } from '../errors';
import type { Role } from '../db';

/**
 * The one place that decides who may do what. Pages, the JSON API and the websocket all ask
 * here; nothing else compares roles.
 */
export type Permission =
	| 'workspace:read'
	| 'workspace:rename'
	| 'workspace:delete'
	| 'members:read'
	| 'members:manage'
	| 'boards:read'
	| 'boards:write'
	| 'data:read'
	| 'data:write'
	| 'groups:write'
	| 'analyses:write';

const rank: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

const minimumRole: Record<Permission, Role> = {
	'workspace:read': 'viewer',
	'workspace:rename': 'owner',
	'workspace:delete': 'owner',
	'members:read': 'viewer',
	'members:manage': 'owner',
	'boards:read': 'viewer',
	'boards:write': 'editor',
	/** Summaries and import status; personal rows are for editors and owners. */
	'data:read': 'viewer',
	/** Imports, saved mappings, erasing a customer. */
	'data:write': 'editor',
	/** Defining customer groups (their counts are figures, readable with data:read). */
	'groups:write': 'editor',
	/** Assumptions that analyses use (e.g. a CLV factor set by hand). */
	'analyses:write': 'editor'
};

export function roleAllows(role: Role, permission: Permission): boolean {
	return rank[role] >= rank[minimumRole[permission]];
}

/** Everything a role may do, for the UI to show or hide controls (never to decide). */
export function permissionsOf(role: Role): Record<Permission, boolean> {
	return Object.fromEntries(
		(Object.keys(minimumRole) as Permission[]).map((p) => [p, roleAllows(role, p)])
	) as Record<Permission, boolean>;
}

export function requireUser(user: db.User | null | undefined): db.User {
	if (!user) throw unauthenticated();
	return user;
}

export interface WorkspaceAccess {
	user: db.User;
	workspace: db.Workspace;
	role: Role;
}

/**
 * A non-member learns nothing, not even that the workspace exists: 404. A member who lacks
 * the permission gets 403.
 */
export function requireWorkspace(
	user: db.User | null | undefined,
	workspaceId: string,
	permission: Permission
): WorkspaceAccess {
	const actor = requireUser(user);
	const membership = db.findMembership(workspaceId, actor.id);
	const workspace = membership && db.findWorkspace(workspaceId);
	if (!membership || !workspace) throw notFound('Workspace');
	if (!roleAllows(membership.role, permission)) throw forbidden();
	return { user: actor, workspace, role: membership.role };
}

export interface BoardAccess extends WorkspaceAccess {
	board: db.Board;
}

export function requireBoard(
	user: db.User | null | undefined,
	boardId: string,
	permission: Permission
): BoardAccess {
	const actor = requireUser(user);
	const board = db.findBoard(boardId);
	const membership = board && db.findMembership(board.workspaceId, actor.id);
	if (!board || !membership) throw notFound('Board');
	const workspace = db.findWorkspace(board.workspaceId);
	if (!workspace) throw notFound('Board');
	if (!roleAllows(membership.role, permission)) throw forbidden();
	return { user: actor, workspace, role: membership.role, board };
}

/** The role a user holds on a board's workspace, or null: for long-lived connections. */
export function boardRole(userId: string, boardId: string): Role | null {
	const board = db.findBoard(boardId);
	if (!board) return null;
	return db.findMembership(board.workspaceId, userId)?.role ?? null;
}

/**
 * Server-wide operational figures (rooms, connections, update rates: no content) are for
 * people who run a team here: owners of at least one workspace.
 */
export function requireOperator(user: db.User | null | undefined): db.User {
	const actor = requireUser(user);
	if (!db.ownsAnyWorkspace(actor.id)) throw forbidden('Only workspace owners can see server metrics');
	return actor;
}

/** Editors and owners comment on boards; viewers too when their workspace allows it. */
export function mayComment(role: Role, workspace: Pick<db.Workspace, 'viewersMayComment'>): boolean {
	return roleAllows(role, 'boards:write') || (role === 'viewer' && workspace.viewersMayComment);
}
