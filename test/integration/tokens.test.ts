import { describe, expect, it } from 'vitest';
import { Client, makeUser, makeWorkspace, sha256Hex, withDatabase } from './helpers';

describe('API tokens', () => {
	it('shows the secret once, then authenticates as a bearer token', async () => {
		const { client, user } = await makeUser();
		const created = await client.post('/api/v1/tokens', { name: 'CI script' });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ name: 'CI script' });
		expect(created.body.token).toMatch(/^wm_[a-z2-7]{32}$/);
		expect(created.body.token.startsWith(created.body.prefix)).toBe(true);

		const script = Client.withToken(created.body.token);
		const me = await script.get('/api/v1/me');
		expect(me.status).toBe(200);
		expect(me.body.user.id).toBe(user.id);
		// Writes work too, and no session cookie is handed out.
		const workspace = await script.post('/api/v1/workspaces', { name: 'From a script' });
		expect(workspace.status).toBe(201);
		expect(workspace.setCookies.filter((c) => c.startsWith('waymark_session='))).toEqual([]);

		// Only the hash is stored.
		const stored = withDatabase((db) => db.prepare('select token_hash from api_tokens where id = ?').get(created.body.id)) as {
			token_hash: string;
		};
		expect(stored.token_hash).toBe(sha256Hex(created.body.token));
	});

	it('lists tokens without the secret or its hash', async () => {
		const { client } = await makeUser();
		const created = await client.post('/api/v1/tokens', { name: 'Reporting' });
		// Using the token stamps lastUsedAt.
		await Client.withToken(created.body.token).get('/api/v1/me');
		const list = await client.get('/api/v1/tokens');
		expect(list.status).toBe(200);
		expect(list.body.items).toHaveLength(1);
		const [item] = list.body.items;
		expect(Object.keys(item).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name', 'prefix']);
		expect(item.lastUsedAt).not.toBeNull();
		expect(JSON.stringify(list.body)).not.toContain(created.body.token);
		expect(JSON.stringify(list.body)).not.toContain(sha256Hex(created.body.token));
	});

	it('refuses a revoked token and a made-up token with 401', async () => {
		const { client } = await makeUser();
		const created = await client.post('/api/v1/tokens', { name: 'Short-lived' });
		const script = Client.withToken(created.body.token);
		expect((await script.get('/api/v1/me')).status).toBe(200);

		expect((await client.delete(`/api/v1/tokens/${created.body.id}`)).status).toBe(204);
		const revoked = await script.get('/api/v1/me');
		expect(revoked.status).toBe(401);
		expect(revoked.body.error.code).toBe('unauthenticated');

		expect((await Client.withToken('wm_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa').get('/api/v1/me')).status).toBe(401);
		expect((await Client.withToken('not-even-the-format').get('/api/v1/me')).status).toBe(401);
	});

	it("cannot revoke another user's token", async () => {
		const alice = await makeUser();
		const bob = await makeUser();
		const bobs = await bob.client.post('/api/v1/tokens', { name: 'Bob' });
		expect((await alice.client.delete(`/api/v1/tokens/${bobs.body.id}`)).status).toBe(404);
		expect((await Client.withToken(bobs.body.token).get('/api/v1/me')).status).toBe(200);
	});

	it('a bad bearer token is refused even when a valid cookie is also sent', async () => {
		const { client } = await makeUser();
		await makeWorkspace(client);
		client.bearer = 'wm_bogusbogusbogusbogusbogusbogusbo';
		expect((await client.get('/api/v1/workspaces')).status).toBe(401);
	});
});
