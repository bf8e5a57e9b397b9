import { RFM_SEGMENTS, TOP_20_PRESET, type GroupPreset, type GroupRule } from '$lib/domain/groups';
import type { Locale } from '$lib/domain/format';
import { personaRoomName } from '$lib/domain/persona';
import { announce, announceChange } from '../events';
import * as db from '../db';
import { requireUser, requireWorkspace, roleAllows, type Permission } from '../auth';
import { conflict, forbidden, notFound } from '../errors';
import { newId } from '../ids';
import { compileRule } from './compile';

export { compileRule } from './compile';

export interface GroupFigures {
	customers: number;
	/** Share of the workspace's customers, 0–1. */
	share: number;
	revenue: number;
	/** Share of the workspace's revenue, 0–1 (0 when there is no revenue at all). */
	revenueShare: number;
	datasetVersion: number;
	referenceAt: number;
}

export interface GroupWithFigures {
	group: db.CustomerGroup;
	figures: GroupFigures;
}

export type GroupInput = db.GroupInput;

/** The figures of each rule's group, counted at once. */
async function figuresOfAll(workspaceId: string, rules: GroupRule[], measures: db.MeasureSet): Promise<GroupFigures[]> {
	const stats = await db.groupStats(workspaceId, rules.map(compileRule));
	return stats.map((found) => figuresFrom(found, measures));
}

async function figuresOf(workspaceId: string, rule: GroupRule, measures: db.MeasureSet): Promise<GroupFigures> {
	return (await figuresOfAll(workspaceId, [rule], measures))[0]!;
}

function figuresFrom(stats: db.GroupStats, measures: db.MeasureSet): GroupFigures {
	return {
		customers: stats.customers,
		share: stats.workspaceCustomers ? stats.customers / stats.workspaceCustomers : 0,
		revenue: stats.revenue,
		revenueShare: stats.workspaceRevenue > 0 ? stats.revenue / stats.workspaceRevenue : 0,
		datasetVersion: measures.datasetVersion,
		referenceAt: measures.referenceAt
	};
}

/** A non-member learns nothing about a group: 404, as for workspaces. */
export function requireGroup(user: db.User | null | undefined, groupId: string, permission: Permission) {
	const actor = requireUser(user);
	const group = db.findGroup(groupId);
	const membership = group && db.findMembership(group.workspaceId, actor.id);
	if (!group || !membership) throw notFound('Group');
	if (!roleAllows(membership.role, permission)) throw forbidden();
	return { user: actor, group, role: membership.role };
}

export async function listGroups(user: db.User | null, workspaceId: string): Promise<GroupWithFigures[]> {
	requireWorkspace(user, workspaceId, 'data:read');
	const measures = await db.ensureMeasures(workspaceId);
	const groups = db.listGroups(workspaceId);
	const figures = await figuresOfAll(workspaceId, groups.map((group) => group.rule as GroupRule), measures);
	return groups.map((group, i) => ({ group, figures: figures[i]! }));
}

export async function getGroup(user: db.User | null, groupId: string): Promise<GroupWithFigures> {
	const { group } = requireGroup(user, groupId, 'data:read');
	const measures = await db.ensureMeasures(group.workspaceId);
	return { group, figures: await figuresOf(group.workspaceId, group.rule as GroupRule, measures) };
}

/** The figures of a rule being edited: the rule builder's live count. */
export async function previewRule(user: db.User | null, workspaceId: string, rule: GroupRule): Promise<GroupFigures> {
	requireWorkspace(user, workspaceId, 'data:read');
	return figuresOf(workspaceId, rule, await db.ensureMeasures(workspaceId));
}

const nameTaken = () => conflict('A group with this name already exists', { name: 'error_group_name_taken' });

export async function createGroup(user: db.User | null, workspaceId: string, input: GroupInput): Promise<GroupWithFigures> {
	const access = requireWorkspace(user, workspaceId, 'groups:write');
	if (db.findGroupByName(workspaceId, input.name)) throw nameTaken();
	const group = db.insertGroup({ ...input, id: newId(), workspaceId, createdBy: access.user.id });
	announceChange({ kind: 'groups', workspaceId });
	return { group, figures: await figuresOf(workspaceId, input.rule as GroupRule, await db.ensureMeasures(workspaceId)) };
}

export async function updateGroup(user: db.User | null, groupId: string, changes: Partial<GroupInput>): Promise<GroupWithFigures> {
	const { group } = requireGroup(user, groupId, 'groups:write');
	if (changes.name !== undefined && changes.name !== group.name && db.findGroupByName(group.workspaceId, changes.name)) {
		throw nameTaken();
	}
	const updated = db.updateGroup(groupId, changes)!;
	announceChange({ kind: 'groups', workspaceId: updated.workspaceId });
	return {
		group: updated,
		figures: await figuresOf(updated.workspaceId, updated.rule as GroupRule, await db.ensureMeasures(updated.workspaceId))
	};
}

export function deleteGroup(user: db.User | null, groupId: string): void {
	const { group } = requireGroup(user, groupId, 'groups:write');
	// The group's personas go with it (foreign keys); their cards are documents of their own.
	const personaIds = [...db.listPersonas(groupId), ...db.listPersonas(groupId, { archived: true })].map((p) => p.id);
	db.deleteGroup(groupId);
	for (const personaId of personaIds) {
		db.deleteDocument(personaRoomName(personaId));
		announce({ kind: 'persona-deleted', personaId });
	}
	announceChange({ kind: 'groups', workspaceId: group.workspaceId });
}

/** The customers of a group, with their measures: personal data, so for editors and owners. */
export async function groupCustomers(user: db.User | null, groupId: string, page: db.PageRequest): Promise<db.Page<db.GroupMember>> {
	const { group } = requireGroup(user, groupId, 'data:write');
	await db.ensureMeasures(group.workspaceId);
	return db.groupMembers(group.workspaceId, compileRule(group.rule as GroupRule), page);
}

/** Internal customer ids of a group, for analyses and persona derivation cut by group. */
export async function groupMemberIds(group: db.CustomerGroup): Promise<number[]> {
	await db.ensureMeasures(group.workspaceId);
	return db.groupMemberIds(group.workspaceId, compileRule(group.rule as GroupRule));
}

export const GROUP_PRESETS = { rfm: RFM_SEGMENTS, 'top-20': [TOP_20_PRESET] } as const satisfies Record<
	string,
	readonly GroupPreset[]
>;
export type GroupPresetKey = keyof typeof GROUP_PRESETS;

/**
 * Creates the groups of a preset in the user's language. Groups whose name already exists are
 * left as they are, so pressing the button twice adds nothing.
 */
export async function applyPreset(
	user: db.User | null,
	workspaceId: string,
	preset: GroupPresetKey,
	locale: Locale
): Promise<GroupWithFigures[]> {
	const access = requireWorkspace(user, workspaceId, 'groups:write');
	const measures = await db.ensureMeasures(workspaceId);
	const created: db.CustomerGroup[] = [];
	for (const definition of GROUP_PRESETS[preset]) {
		const name = definition.name[locale];
		if (db.findGroupByName(workspaceId, name)) continue;
		const group = db.insertGroup({
			id: newId(),
			workspaceId,
			createdBy: access.user.id,
			name,
			description: definition.description[locale],
			basis: definition.basis,
			rule: definition.rule
		});
		created.push(group);
	}
	if (created.length) announceChange({ kind: 'groups', workspaceId });
	const figures = await figuresOfAll(workspaceId, created.map((group) => group.rule as GroupRule), measures);
	return created.map((group, i) => ({ group, figures: figures[i]! }));
}

/** Values the rule builder suggests (cities, categories, event types…): for those who define groups. */
export function ruleVocabulary(user: db.User | null, workspaceId: string): db.RuleVocabulary {
	requireWorkspace(user, workspaceId, 'groups:write');
	return db.ruleVocabulary(workspaceId);
}

/** Id and name of every group, for pickers (no counting). */
export function groupChoices(user: db.User | null, workspaceId: string): { id: string; name: string }[] {
	requireWorkspace(user, workspaceId, 'data:read');
	return db.listGroups(workspaceId).map(({ id, name }) => ({ id, name }));
}

/** Groups with their current personas: the cuts an analysis page offers. */
export function cutChoices(user: db.User | null, workspaceId: string): { id: string; name: string; personas: { id: string; name: string }[] }[] {
	return groupChoices(user, workspaceId).map((group) => ({
		...group,
		personas: db.listPersonas(group.id).map(({ id, name }) => ({ id, name }))
	}));
}
