import { redirect } from '@sveltejs/kit';
import { workspaceUpdateSchema } from '$lib/schemas';
import { requireWorkspace } from '$lib/server/auth';
import { validationFailed } from '$lib/server/errors';
import { loadPage, runForm } from '$lib/server/http/forms';
import { parseInput } from '$lib/server/http/validation';
import { deleteWorkspace, removeMember, updateWorkspace } from '$lib/server/workspaces';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, () => {
		const { workspace } = requireWorkspace(event.locals.user, event.params.workspaceId, 'workspace:read');
		return { minimumSegmentCustomers: workspace.minimumSegmentCustomers };
	});

export const actions: Actions = {
	rename: (event) =>
		runForm(event, 'rename', (fields) => {
			const { name } = parseInput(workspaceUpdateSchema, { name: fields.name ?? '' });
			updateWorkspace(event.locals.user, event.params.workspaceId, { name });
		}),
	currency: (event) =>
		runForm(event, 'currency', (fields) => {
			const { currency } = parseInput(workspaceUpdateSchema, { currency: fields.currency ?? '' });
			updateWorkspace(event.locals.user, event.params.workspaceId, { currency });
		}),
	minimumGroupSize: (event) =>
		runForm(event, 'minimumGroupSize', (fields) => {
			const { minimumSegmentCustomers } = parseInput(workspaceUpdateSchema, { minimumSegmentCustomers: fields.minimumSegmentCustomers ?? '' });
			updateWorkspace(event.locals.user, event.params.workspaceId, { minimumSegmentCustomers });
		}),
	comments: (event) =>
		runForm(event, 'comments', (fields) => {
			// An unticked checkbox is simply absent from the form.
			updateWorkspace(event.locals.user, event.params.workspaceId, { viewersMayComment: fields.viewersMayComment === 'on' });
		}),
	delete: (event) =>
		runForm(event, 'delete', (fields) => {
			// The typed name guards against deleting the wrong workspace by accident.
			const { workspace } = requireWorkspace(event.locals.user, event.params.workspaceId, 'workspace:delete');
			if ((fields.confirmName ?? '').trim() !== workspace.name) {
				throw validationFailed({ confirmName: 'error_confirm_name' });
			}
			deleteWorkspace(event.locals.user, workspace.id);
			redirect(303, '/workspaces');
		}),
	leave: (event) =>
		runForm(event, 'leave', () => {
			removeMember(event.locals.user, event.params.workspaceId, event.locals.user?.id ?? '');
			redirect(303, '/workspaces');
		})
};
