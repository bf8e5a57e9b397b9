import { and, eq } from 'drizzle-orm';
import { getDb } from './connection';
import { valueAssumptions, type FormulaOverrides, type ValueAssumption } from './schema';

const keyOf = (groupId: string | null) => groupId ?? '*';

export function findValueAssumption(workspaceId: string, groupId: string | null): ValueAssumption | undefined {
	return getDb()
		.select()
		.from(valueAssumptions)
		.where(and(eq(valueAssumptions.workspaceId, workspaceId), eq(valueAssumptions.groupKey, keyOf(groupId))))
		.get();
}

/** Sets (or, with no overrides left, removes) the assumptions of a group or the workspace. */
export function saveValueAssumption(
	workspaceId: string,
	groupId: string | null,
	input: { overrides: FormulaOverrides; note: string; updatedBy: string }
): ValueAssumption | undefined {
	const db = getDb();
	if (Object.keys(input.overrides).length === 0 && !input.note) {
		db.delete(valueAssumptions)
			.where(and(eq(valueAssumptions.workspaceId, workspaceId), eq(valueAssumptions.groupKey, keyOf(groupId))))
			.run();
		return undefined;
	}
	const row = { workspaceId, groupKey: keyOf(groupId), ...input, updatedAt: new Date() };
	return db
		.insert(valueAssumptions)
		.values(row)
		.onConflictDoUpdate({ target: [valueAssumptions.workspaceId, valueAssumptions.groupKey], set: row })
		.returning()
		.get();
}
