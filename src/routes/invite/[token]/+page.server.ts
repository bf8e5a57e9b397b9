import { redirect } from '@sveltejs/kit';
import { runForm, signedInUser } from '$lib/server/http/forms';
import { acceptInvite, lookUpInvite } from '$lib/server/workspaces';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const lookup = lookUpInvite(params.token);
	if (lookup.status !== 'valid') return { status: lookup.status, invite: null, signedIn: !!locals.user };
	return {
		status: lookup.status,
		invite: { workspaceName: lookup.workspace.name, role: lookup.invite.role, email: lookup.invite.email },
		signedIn: !!locals.user
	};
};

export const actions: Actions = {
	join: (event) =>
		runForm(event, 'join', () => {
			const user = signedInUser(event);
			const outcome = acceptInvite(user, event.params.token);
			redirect(303, `/w/${outcome.workspaceId}`);
		})
};
