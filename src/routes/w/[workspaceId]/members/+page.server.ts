import { redirect } from '@sveltejs/kit';
import { memberAddSchema, memberUpdateSchema } from '$lib/schemas';
import { requireWorkspace, roleAllows } from '$lib/server/auth';
import * as db from '$lib/server/db';
import { loadPage, runForm } from '$lib/server/http/forms';
import { parseInput } from '$lib/server/http/validation';
import { addMember, changeRole, removeMember, revokeInvite } from '$lib/server/workspaces';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, () => {
		const { workspace, role, user } = requireWorkspace(event.locals.user, event.params.workspaceId, 'members:read');
		return {
			currentUserId: user.id,
			members: db.listMembers(workspace.id, { limit: 100 }).items,
			invites: roleAllows(role, 'members:manage') ? db.listOpenInvites(workspace.id, new Date()) : []
		};
	});

export const actions: Actions = {
	invite: (event) =>
		runForm(event, 'invite', (fields) => {
			const { email, role } = parseInput(memberAddSchema, fields);
			const result = addMember(event.locals.user, event.params.workspaceId, email, role);
			if (result.kind === 'member') return { added: { name: result.member.name, email: result.member.email } };
			return {
				invite: {
					email: result.invite.email,
					link: `${event.url.origin}/invite/${result.token}`,
					expiresAt: result.invite.expiresAt
				}
			};
		}),
	changeRole: (event) =>
		runForm(event, 'changeRole', (fields) => {
			const { role } = parseInput(memberUpdateSchema, fields);
			changeRole(event.locals.user, event.params.workspaceId, fields.userId ?? '', role);
		}),
	remove: (event) =>
		runForm(event, 'remove', (fields) => {
			removeMember(event.locals.user, event.params.workspaceId, fields.userId ?? '');
		}),
	leave: (event) =>
		runForm(event, 'leave', () => {
			removeMember(event.locals.user, event.params.workspaceId, event.locals.user?.id ?? '');
			redirect(303, '/workspaces');
		}),
	revoke: (event) =>
		runForm(event, 'revoke', (fields) => {
			revokeInvite(event.locals.user, event.params.workspaceId, fields.inviteId ?? '');
		})
};
