import { json } from '@sveltejs/kit';
import { memberAddSchema } from '$lib/schemas';
import { requireUser } from '$lib/server/auth';
import { api, pageJson, readJson, readPageQuery } from '$lib/server/http/api';
import { createdInviteJson, memberJson } from '$lib/server/http/json';
import { addMember, listMembers } from '$lib/server/workspaces';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params, url }) => {
	return pageJson(listMembers(locals.user, params.id, readPageQuery(url)), memberJson);
});

/** A known address joins at once; an unknown one gets an invite link to pass on. */
export const POST: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const { email, role } = await readJson(event, memberAddSchema);
	const added = addMember(user, event.params.id, email, role);
	if (added.kind === 'member') return json({ member: memberJson(added.member) }, { status: 201 });
	const url = `${event.url.origin}/invite/${added.token}`;
	return json({ invite: createdInviteJson(added.invite, url) }, { status: 201 });
});
