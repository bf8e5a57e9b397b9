import { redirect } from '@sveltejs/kit';
import { workspaceCreateSchema } from '$lib/schemas';
import * as db from '$lib/server/db';
import { runForm, signedInUser } from '$lib/server/http/forms';
import { parseInput } from '$lib/server/http/validation';
import { createWorkspace } from '$lib/server/workspaces';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = signedInUser(event);
	return { workspaces: db.listWorkspacesOfUser(user.id, { limit: 100 }).items };
};

export const actions: Actions = {
	create: (event) =>
		runForm(event, 'create', (fields) => {
			const user = signedInUser(event);
			const { name } = parseInput(workspaceCreateSchema, fields);
			const workspace = createWorkspace(user, name);
			redirect(303, `/w/${workspace.id}`);
		})
};
