import { redirect } from '@sveltejs/kit';
import { groupFormSchema } from '$lib/schemas';
import { loadPage, runForm } from '$lib/server/http/forms';
import { parseInput } from '$lib/server/http/validation';
import { createGroup, ruleVocabulary } from '$lib/server/groups';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, () => ({ vocabulary: ruleVocabulary(event.locals.user, event.params.workspaceId) }));

export const actions: Actions = {
	save: (event) =>
		runForm(event, 'save', async (fields) => {
			const input = parseInput(groupFormSchema, fields);
			const { group } = await createGroup(event.locals.user, event.params.workspaceId, input);
			redirect(303, `/w/${event.params.workspaceId}/groups/${group.id}`);
		})
};
