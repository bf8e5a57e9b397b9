import { describe, expect, it } from 'vitest';
import { Client, inviteAndJoin, inviteToken, makeBoard, makeUser, makeWorkspace, uniqueEmail, withDatabase } from './helpers';

const MISSING_ID = 'aaaaaaaaaaaaaaaa';

describe('workspaces', () => {
	it('creates, shows with role and permissions, renames and deletes', async () => {
		const { client } = await makeUser();
		const created = await client.post('/api/v1/workspaces', { name: 'Retail CX' });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ name: 'Retail CX' });

		const shown = await client.get(`/api/v1/workspaces/${created.body.id}`);
		expect(shown.status).toBe(200);
		expect(shown.body.role).toBe('owner');
		expect(shown.body.permissions).toMatchObject({ 'boards:write': true, 'members:manage': true });

		const list = await client.get('/api/v1/workspaces');
		expect(list.body.items).toEqual([
			expect.objectContaining({ id: created.body.id, role: 'owner', memberCount: 1, boardCount: 0 })
		]);

		const renamed = await client.patch(`/api/v1/workspaces/${created.body.id}`, { name: 'Retail journeys' });
		expect(renamed.body.name).toBe('Retail journeys');

		expect((await client.delete(`/api/v1/workspaces/${created.body.id}`)).status).toBe(204);
		expect((await client.get(`/api/v1/workspaces/${created.body.id}`)).status).toBe(404);
	});

	it("shows a non-member another team's workspace and boards exactly like missing ones (404)", async () => {
		const owner = await makeUser();
		const workspace = await makeWorkspace(owner.client);
		const board = await makeBoard(owner.client, workspace.id);
		const outsider = await makeUser();

		const pairs: Array<[string, string, unknown?]> = [
			['GET', `/api/v1/workspaces/{ws}`],
			['PATCH', `/api/v1/workspaces/{ws}`, { name: 'Mine now' }],
			['DELETE', `/api/v1/workspaces/{ws}`],
			['GET', `/api/v1/workspaces/{ws}/members`],
			['GET', `/api/v1/workspaces/{ws}/boards`],
			['POST', `/api/v1/workspaces/{ws}/boards`, { title: 'Sneaky' }],
			['GET', `/api/v1/boards/{board}`],
			['PATCH', `/api/v1/boards/{board}`, { title: 'Sneaky' }],
			['DELETE', `/api/v1/boards/{board}`],
			['POST', `/api/v1/boards/{board}/duplicate`, {}]
		];
		for (const [method, template, json] of pairs) {
			const real = template.replace('{ws}', workspace.id).replace('{board}', board.id);
			const missing = template.replace('{ws}', MISSING_ID).replace('{board}', MISSING_ID);
			const forReal = await outsider.client.request(method, real, { json });
			const forMissing = await outsider.client.request(method, missing, { json });
			expect(forReal.status, `${method} ${template}`).toBe(404);
			expect(forReal.body, `${method} ${template}`).toEqual(forMissing.body);
		}
		// Nothing changed for the team.
		expect((await owner.client.get(`/api/v1/boards/${board.id}`)).body.title).toBe(board.title);
	});

	it('lets a viewer list and open boards but not create, rename, duplicate or delete them (403)', async () => {
		const owner = await makeUser();
		const workspace = await makeWorkspace(owner.client);
		const board = await makeBoard(owner.client, workspace.id);
		const viewer = await inviteAndJoin(owner.client, workspace.id, 'viewer');

		const list = await viewer.client.get(`/api/v1/workspaces/${workspace.id}/boards`);
		expect(list.status).toBe(200);
		expect(list.body.items.map((b: { id: string }) => b.id)).toEqual([board.id]);
		expect((await viewer.client.get(`/api/v1/boards/${board.id}`)).status).toBe(200);

		const create = await viewer.client.post(`/api/v1/workspaces/${workspace.id}/boards`, { title: 'Mine' });
		expect(create.status).toBe(403);
		expect(create.body.error.code).toBe('forbidden');
		expect((await viewer.client.patch(`/api/v1/boards/${board.id}`, { title: 'Renamed' })).status).toBe(403);
		expect((await viewer.client.patch(`/api/v1/boards/${board.id}`, { archived: true })).status).toBe(403);
		expect((await viewer.client.post(`/api/v1/boards/${board.id}/duplicate`)).status).toBe(403);
		expect((await viewer.client.delete(`/api/v1/boards/${board.id}`)).status).toBe(403);
		expect((await viewer.client.patch(`/api/v1/workspaces/${workspace.id}`, { name: 'X' })).status).toBe(403);

		const after = await owner.client.get(`/api/v1/boards/${board.id}`);
		expect(after.body).toMatchObject({ title: board.title, archived: false });
		expect((await owner.client.get(`/api/v1/workspaces/${workspace.id}/boards`)).body.items).toHaveLength(1);
	});

	it('lets an editor write boards but not manage members', async () => {
		const owner = await makeUser();
		const workspace = await makeWorkspace(owner.client);
		const editor = await inviteAndJoin(owner.client, workspace.id, 'editor');
		expect((await editor.client.post(`/api/v1/workspaces/${workspace.id}/boards`, { title: 'Onboarding' })).status).toBe(201);
		const add = await editor.client.post(`/api/v1/workspaces/${workspace.id}/members`, { email: uniqueEmail(), role: 'viewer' });
		expect(add.status).toBe(403);
	});
});

describe('members', () => {
	it('adds an existing account at once and refuses a duplicate', async () => {
		const owner = await makeUser();
		const colleague = await makeUser({ name: 'Colleague' });
		const workspace = await makeWorkspace(owner.client);
		const added = await owner.client.post(`/api/v1/workspaces/${workspace.id}/members`, {
			email: colleague.email,
			role: 'editor'
		});
		expect(added.status).toBe(201);
		expect(added.body.member).toMatchObject({ userId: colleague.user.id, role: 'editor', name: 'Colleague' });
		expect((await colleague.client.get(`/api/v1/workspaces/${workspace.id}`)).body.role).toBe('editor');

		const again = await owner.client.post(`/api/v1/workspaces/${workspace.id}/members`, { email: colleague.email, role: 'viewer' });
		expect(again.status).toBe(409);
		expect(again.body.error.fields).toEqual({ email: 'This person is already a member' });

		const members = await owner.client.get(`/api/v1/workspaces/${workspace.id}/members`);
		expect(members.body.items.map((m: { role: string }) => m.role)).toEqual(['owner', 'editor']);
	});

	it('validates the member form per field', async () => {
		const owner = await makeUser();
		const workspace = await makeWorkspace(owner.client);
		const invalid = await owner.client.post(`/api/v1/workspaces/${workspace.id}/members`, { email: 'nope', role: 'admin' });
		expect(invalid.status).toBe(400);
		expect(invalid.body.error.fields).toEqual({
			email: 'Enter a valid e-mail address',
			role: 'Choose owner, editor or viewer'
		});
	});

	it('the last owner cannot leave (409) but can after promoting another owner', async () => {
		const owner = await makeUser();
		const workspace = await makeWorkspace(owner.client);
		const editor = await inviteAndJoin(owner.client, workspace.id, 'editor');

		const leave = await owner.client.delete(`/api/v1/workspaces/${workspace.id}/members/${owner.user.id}`);
		expect(leave.status).toBe(409);
		expect(leave.body.error.code).toBe('conflict');
		const demote = await owner.client.patch(`/api/v1/workspaces/${workspace.id}/members/${owner.user.id}`, { role: 'editor' });
		expect(demote.status).toBe(409);

		const promote = await owner.client.patch(`/api/v1/workspaces/${workspace.id}/members/${editor.user.id}`, { role: 'owner' });
		expect(promote.status).toBe(200);
		expect(promote.body.member.role).toBe('owner');

		expect((await owner.client.delete(`/api/v1/workspaces/${workspace.id}/members/${owner.user.id}`)).status).toBe(204);
		expect((await owner.client.get(`/api/v1/workspaces/${workspace.id}`)).status).toBe(404);
		const members = await editor.client.get(`/api/v1/workspaces/${workspace.id}/members`);
		expect(members.body.items.map((m: { userId: string }) => m.userId)).toEqual([editor.user.id]);
	});

	it('any member may leave; only owners remove others', async () => {
		const owner = await makeUser();
		const workspace = await makeWorkspace(owner.client);
		const viewer = await inviteAndJoin(owner.client, workspace.id, 'viewer');
		const editor = await inviteAndJoin(owner.client, workspace.id, 'editor');
		expect((await editor.client.delete(`/api/v1/workspaces/${workspace.id}/members/${viewer.user.id}`)).status).toBe(403);
		expect((await viewer.client.delete(`/api/v1/workspaces/${workspace.id}/members/${viewer.user.id}`)).status).toBe(204);
		expect((await owner.client.delete(`/api/v1/workspaces/${workspace.id}/members/${editor.user.id}`)).status).toBe(204);
		expect((await editor.client.get(`/api/v1/workspaces/${workspace.id}/boards`)).status).toBe(404);
	});
});

describe('invites', () => {
	async function invite(owner: Client, workspaceId: string, role = 'editor') {
		const response = await owner.post(`/api/v1/workspaces/${workspaceId}/members`, { email: uniqueEmail('invitee'), role });
		expect(response.status).toBe(201);
		return response.body.invite as { id: string; email: string; role: string; url: string; expiresAt: string };
	}

	it('invites an unknown address with a link on this origin, listed for owners only', async () => {
		const owner = await makeUser();
		const workspace = await makeWorkspace(owner.client);
		const created = await invite(owner.client, workspace.id, 'viewer');
		expect(created.url).toMatch(new RegExp(`^${owner.client.baseUrl}/invite/[a-z2-7]{32}$`));
		expect(Date.parse(created.expiresAt)).toBeGreaterThan(Date.now());

		const list = await owner.client.get(`/api/v1/workspaces/${workspace.id}/invites`);
		expect(list.status).toBe(200);
		expect(list.body.items).toEqual([
			{ id: created.id, email: created.email, role: 'viewer', createdAt: expect.any(String), expiresAt: created.expiresAt }
		]);
		expect(JSON.stringify(list.body)).not.toContain(inviteToken(created.url));

		const viewer = await inviteAndJoin(owner.client, workspace.id, 'viewer');
		expect((await viewer.client.get(`/api/v1/workspaces/${workspace.id}/invites`)).status).toBe(403);
	});

	it('an invite link works once: the second accept answers 410', async () => {
		const owner = await makeUser();
		const workspace = await makeWorkspace(owner.client);
		const created = await invite(owner.client, workspace.id, 'editor');
		const first = await makeUser();
		const accepted = await first.client.post(`/api/v1/invites/${inviteToken(created.url)}/accept`);
		expect(accepted.status).toBe(200);
		expect(accepted.body).toEqual({ workspaceId: workspace.id, role: 'editor' });
		expect((await first.client.get(`/api/v1/workspaces/${workspace.id}`)).body.role).toBe('editor');

		const second = await makeUser();
		const again = await second.client.post(`/api/v1/invites/${inviteToken(created.url)}/accept`);
		expect(again.status).toBe(410);
		expect((await second.client.get(`/api/v1/workspaces/${workspace.id}`)).status).toBe(404);
		// A used invite is no longer open.
		expect((await owner.client.get(`/api/v1/workspaces/${workspace.id}/invites`)).body.items).toEqual([]);
	});

	it('an expired invite answers 410, an unknown one 404', async () => {
		const owner = await makeUser();
		const workspace = await makeWorkspace(owner.client);
		const created = await invite(owner.client, workspace.id);
		withDatabase((db) => db.prepare('update invites set expires_at = ? where id = ?').run(Date.now() - 1000, created.id));
		const joiner = await makeUser();
		expect((await joiner.client.post(`/api/v1/invites/${inviteToken(created.url)}/accept`)).status).toBe(410);
		expect((await joiner.client.get(`/api/v1/workspaces/${workspace.id}`)).status).toBe(404);
		expect((await joiner.client.post('/api/v1/invites/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/accept')).status).toBe(404);
	});

	it('a revoked invite no longer works', async () => {
		const owner = await makeUser();
		const workspace = await makeWorkspace(owner.client);
		const created = await invite(owner.client, workspace.id);
		expect((await owner.client.delete(`/api/v1/workspaces/${workspace.id}/invites/${created.id}`)).status).toBe(204);
		expect((await owner.client.delete(`/api/v1/workspaces/${workspace.id}/invites/${created.id}`)).status).toBe(404);
		const joiner = await makeUser();
		expect((await joiner.client.post(`/api/v1/invites/${inviteToken(created.url)}/accept`)).status).toBe(404);
	});
});
