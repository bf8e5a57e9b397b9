import { describe, expect, it } from 'vitest';
import { Client, makeBoard, makeUser, makeWorkspace, uniqueEmail } from './helpers';

describe('boards', () => {
	it('creates, renames, archives, restores, duplicates and deletes a board', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		const created = await client.post(`/api/v1/workspaces/${workspace.id}/boards`, { title: 'Returns', template: 'blank' });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ title: 'Returns', template: 'blank', workspaceId: workspace.id, archived: false, archivedAt: null });
		const id = created.body.id;

		expect((await client.patch(`/api/v1/boards/${id}`, { title: 'Returns & refunds' })).body.title).toBe('Returns & refunds');

		const archived = await client.patch(`/api/v1/boards/${id}`, { archived: true });
		expect(archived.body).toMatchObject({ archived: true, archivedAt: expect.any(String) });
		expect((await client.get(`/api/v1/workspaces/${workspace.id}/boards`)).body.items).toEqual([]);
		const archive = await client.get(`/api/v1/workspaces/${workspace.id}/boards?archived=true`);
		expect(archive.body.items.map((b: { id: string }) => b.id)).toEqual([id]);
		await client.patch(`/api/v1/boards/${id}`, { archived: false });
		expect((await client.get(`/api/v1/workspaces/${workspace.id}/boards`)).body.items).toHaveLength(1);

		const copy = await client.post(`/api/v1/boards/${id}/duplicate`);
		expect(copy.status).toBe(201);
		expect(copy.body).toMatchObject({ title: 'Returns & refunds (copy)', workspaceId: workspace.id });
		const named = await client.post(`/api/v1/boards/${id}/duplicate`, { title: 'Returns v2' });
		expect(named.body.title).toBe('Returns v2');

		expect((await client.delete(`/api/v1/boards/${id}`)).status).toBe(204);
		expect((await client.get(`/api/v1/boards/${id}`)).status).toBe(404);
	});

	it('validates board input per field', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		const bad = await client.post(`/api/v1/workspaces/${workspace.id}/boards`, { title: '  ', template: 'kanban' });
		expect(bad.status).toBe(400);
		expect(bad.body.error.fields).toEqual({ title: 'This field is required', template: 'Unknown template' });
		const board = await makeBoard(client, workspace.id);
		const nothing = await client.patch(`/api/v1/boards/${board.id}`, {});
		expect(nothing.status).toBe(400);
		expect(nothing.body.error.fields).toEqual({ _: 'Nothing to change' });
		const notBoolean = await client.patch(`/api/v1/boards/${board.id}`, { archived: 'yes' });
		expect(notBoolean.body.error.fields).toEqual({ archived: 'Must be true or false' });
		const badFilter = await client.get(`/api/v1/workspaces/${workspace.id}/boards?archived=maybe`);
		expect(badFilter.status).toBe(400);
		expect(badFilter.body.error.fields).toEqual({ archived: 'Must be true or false' });
	});
});

describe('pagination', () => {
	it('walks five boards two at a time without gaps or duplicates', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		const created: string[] = [];
		for (let n = 1; n <= 5; n++) created.push((await makeBoard(client, workspace.id, `Board ${n}`)).id);

		const seen: string[] = [];
		const pageSizes: number[] = [];
		let cursor: string | null = null;
		do {
			const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : '?limit=2';
			const page = await client.get(`/api/v1/workspaces/${workspace.id}/boards${query}`);
			expect(page.status).toBe(200);
			pageSizes.push(page.body.items.length);
			seen.push(...page.body.items.map((b: { id: string }) => b.id));
			cursor = page.body.nextCursor;
		} while (cursor);

		expect(pageSizes).toEqual([2, 2, 1]);
		expect(new Set(seen).size).toBe(5);
		expect([...seen].sort()).toEqual([...created].sort());
	});

	it('refuses a bad cursor and an out-of-range limit with 400', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		const badCursor = await client.get(`/api/v1/workspaces/${workspace.id}/boards?cursor=not-a-cursor`);
		expect(badCursor.status).toBe(400);
		expect(badCursor.body.error.fields).toEqual({ cursor: 'The cursor is not valid' });
		for (const limit of ['0', '101', 'ten', '2.5']) {
			const response = await client.get(`/api/v1/workspaces/${workspace.id}/boards?limit=${limit}`);
			expect(response.status, `limit=${limit}`).toBe(400);
			expect(response.body.error.fields).toHaveProperty('limit');
		}
	});

	it('pages every list the same way: limit, opaque cursor, {items, nextCursor}', async () => {
		const owner = await makeUser();
		const workspace = await makeWorkspace(owner.client);
		for (let n = 0; n < 2; n++) {
			await makeWorkspace(owner.client, `Workspace ${n}`);
			await owner.client.post('/api/v1/tokens', { name: `Token ${n}` });
			await new Client().post('/api/v1/auth/login', { email: owner.email, password: owner.password });
			const colleague = await makeUser();
			await owner.client.post(`/api/v1/workspaces/${workspace.id}/members`, { email: colleague.email, role: 'viewer' });
		}
		await owner.client.post('/api/v1/tokens', { name: 'Token 3' });
		for (let n = 0; n < 3; n++) {
			await owner.client.post(`/api/v1/workspaces/${workspace.id}/members`, { email: uniqueEmail('invitee'), role: 'editor' });
			await makeBoard(owner.client, workspace.id, `Board ${n}`);
		}
		const lists = [
			'/api/v1/workspaces',
			'/api/v1/tokens',
			'/api/v1/sessions',
			`/api/v1/workspaces/${workspace.id}/members`,
			`/api/v1/workspaces/${workspace.id}/invites`,
			`/api/v1/workspaces/${workspace.id}/boards`
		];
		for (const path of lists) {
			const all = await owner.client.get(path);
			expect(all.body.items, path).toHaveLength(3);
			expect(all.body.nextCursor, path).toBeNull();
			const first = await owner.client.get(`${path}?limit=2`);
			expect(first.body.items, path).toHaveLength(2);
			expect(typeof first.body.nextCursor, path).toBe('string');
			const second = await owner.client.get(`${path}?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
			expect(second.body.items, path).toHaveLength(1);
			expect(second.body.nextCursor, path).toBeNull();
			const ids = [...first.body.items, ...second.body.items].map((item) => JSON.stringify(item));
			expect(new Set(ids).size, path).toBe(3);
			expect((await owner.client.get(`${path}?cursor=garbage`)).status, path).toBe(400);
		}
	});
});
