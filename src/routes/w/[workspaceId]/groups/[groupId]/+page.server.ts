import { redirect } from '@sveltejs/kit';
import type { GroupRule } from '$lib/domain/groups';
import { groupFormSchema } from '$lib/schemas';
import { roleAllows } from '$lib/server/auth';
import { notFound } from '$lib/server/errors';
import { loadPage, runForm } from '$lib/server/http/forms';
import { groupFiguresJson, groupMemberJson } from '$lib/server/http/json';
import { parseInput } from '$lib/server/http/validation';
import { deleteGroup, getGroup, groupCustomers, ruleVocabulary, updateGroup } from '$lib/server/groups';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, async () => {
		const { role } = await event.parent();
		const { group, figures } = await getGroup(event.locals.user, event.params.groupId);
		if (group.workspaceId !== event.params.workspaceId) throw notFound('Group');
		const editor = roleAllows(role, 'groups:write');
		const customers = roleAllows(role, 'data:write') ? await groupCustomers(event.locals.user, group.id, { limit: 25 }) : null;
		return {
			group: {
				id: group.id,
				name: group.name,
				description: group.description,
				basis: group.basis,
				rule: group.rule as GroupRule
			},
			figures: groupFiguresJson(figures),
			customers: customers && { items: customers.items.map(groupMemberJson), nextCursor: customers.nextCursor },
			vocabulary: editor ? ruleVocabulary(event.locals.user, group.workspaceId) : null
		};
	});

export const actions: Actions = {
	save: (event) =>
		runForm(event, 'save', async (fields) => {
			const input = parseInput(groupFormSchema, fields);
			await updateGroup(event.locals.user, event.params.groupId, input);
		}),
	delete: (event) =>
		runForm(event, 'delete', () => {
			deleteGroup(event.locals.user, event.params.groupId);
			redirect(303, `/w/${event.params.workspaceId}/groups`);
		})
};
