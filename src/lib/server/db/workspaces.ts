import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { newId } from '../ids';
import { boardDocumentNames } from './boards';
import { getDb } from './connection';
import { keyset, toPage, type Page, type PageRequest } from './pagination';
import { boards, docUpdates, docVersions, memberships, workspaces, type Role, type Workspace } from './schema';

export interface WorkspaceSummary extends Workspace {
	role: Role;
	memberCount: number;
	boardCount: number;
}

/** Creates a workspace with its first owner in one transaction. */
export function insertWorkspace(name: string, ownerId: string): Workspace {
	return getDb().transaction((tx) => {
		const workspace = tx.insert(workspaces).values({ id: newId(), name }).returning().get();
		tx.insert(memberships).values({ workspaceId: workspace.id, userId: ownerId, role: 'owner' }).run();
		return workspace;
	}, { behavior: 'immediate' });
}

export function findWorkspace(id: string): Workspace | undefined {
	return getDb().select().from(workspaces).where(eq(workspaces.id, id)).get();
}

export function listWorkspacesOfUser(userId: string, request: PageRequest): Page<WorkspaceSummary> {
	const { where, limit } = keyset(workspaces.createdAt, workspaces.id, request, 'asc');
	const rows = getDb()
		.select({
			id: workspaces.id,
			name: workspaces.name,
			viewersMayComment: workspaces.viewersMayComment,
			currency: workspaces.currency,
			minimumSegmentCustomers: workspaces.minimumSegmentCustomers,
			createdAt: workspaces.createdAt,
			role: memberships.role,
			memberCount: sql<number>`(select count(*) from ${memberships} m where m.workspace_id = ${workspaces.id})`,
			boardCount: sql<number>`(select count(*) from ${boards} b where b.workspace_id = ${workspaces.id} and b.archived_at is null)`
		})
		.from(memberships)
		.innerJoin(workspaces, eq(memberships.workspaceId, workspaces.id))
		.where(and(eq(memberships.userId, userId), where))
		.orderBy(asc(workspaces.createdAt), asc(workspaces.id))
		.limit(limit)
		.all();
	return toPage(rows, limit, (row) => ({ time: row.createdAt, id: row.id }));
}

export function updateWorkspace(
	id: string,
	changes: Partial<Pick<Workspace, 'name' | 'viewersMayComment' | 'currency' | 'minimumSegmentCustomers'>>
): Workspace | undefined {
	return getDb().update(workspaces).set(changes).where(eq(workspaces.id, id)).returning().get();
}

/** The fewest customers a group or persona needs to show figures on the insights page (undefined: no such workspace). */
export function minimumSegmentCustomers(workspaceId: string): number | undefined {
	return getDb().select({ minimum: workspaces.minimumSegmentCustomers }).from(workspaces).where(eq(workspaces.id, workspaceId)).get()?.minimum;
}

/** Boards go by foreign-key cascade; their documents are deleted here, in the same transaction. */
export function deleteWorkspace(id: string): string[] {
	return getDb().transaction((tx) => {
		const boardIds = tx
			.select({ id: boards.id })
			.from(boards)
			.where(eq(boards.workspaceId, id))
			.all()
			.map((row) => row.id);
		if (boardIds.length) {
			const docNames = boardIds.flatMap((boardId) => boardDocumentNames(boardId));
			tx.delete(docUpdates).where(inArray(docUpdates.docName, docNames)).run();
			tx.delete(docVersions).where(inArray(docVersions.docName, docNames)).run();
		}
		tx.delete(workspaces).where(eq(workspaces.id, id)).run();
		return boardIds;
	}, { behavior: 'immediate' });
}

