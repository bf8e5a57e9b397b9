import { groupPresetSchema } from '$lib/schemas';
import { WORKSPACE_DATA_DEPENDENCY } from '$lib/client/workspace-changes';
import { loadPage, runForm } from '$lib/server/http/forms';
import { groupFiguresJson } from '$lib/server/http/json';
import { parseInput } from '$lib/server/http/validation';
import { applyPreset, deleteGroup, listGroups } from '$lib/server/groups';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, async () => {
		event.depends(WORKSPACE_DATA_DEPENDENCY);
		return {
			groups: (await listGroups(event.locals.user, event.params.workspaceId)).map(({ group, figures }) => ({
				id: group.id,
				name: group.name,
				description: group.description,
				basis: group.basis,
				figures: groupFiguresJson(figures)
			}))
		};
	});

export const actions: Actions = {
	preset: (event) =>
		runForm(event, 'preset', async (fields) => {
			const { preset } = parseInput(groupPresetSchema, { preset: fields.preset });
			// Preset groups are named in the language the page is shown in.
			return { created: (await applyPreset(event.locals.user, event.params.workspaceId, preset, getLocale())).length };
		}),
	delete: (event) =>
		runForm(event, 'delete', (fields) => {
			deleteGroup(event.locals.user, fields.groupId ?? '');
		})
};
