import { describe, expect, it } from 'vitest';
import { Client, makeUser, makeWorkspace } from './helpers';

describe('cross-origin protection', () => {
	it('refuses a cookie-authenticated write from another origin, but not a bearer one or a same-origin one', async () => {
		const { client } = await makeUser();
		const evil = await client.post('/api/v1/workspaces', { name: 'Planted' }, { headers: { origin: 'https://evil.example' } });
		expect(evil.status).toBe(403);
		expect(evil.body.error.code).toBe('cross_origin');
		const sneaky = await client.post('/api/v1/workspaces', { name: 'Planted' }, { headers: { 'sec-fetch-site': 'cross-site' } });
		expect(sneaky.status).toBe(403);
		expect((await client.get('/api/v1/workspaces')).body.items).toEqual([]);

		const sameOrigin = await client.post('/api/v1/workspaces', { name: 'Ours' }, { headers: { origin: client.baseUrl } });
		expect(sameOrigin.status).toBe(201);

		const token = (await client.post('/api/v1/tokens', { name: 'script' })).body.token;
		const script = Client.withToken(token);
		const withBearer = await script.post('/api/v1/workspaces', { name: 'Scripted' }, { headers: { origin: 'https://evil.example' } });
		expect(withBearer.status).toBe(201);
	});

	it('refuses a cookie-authenticated rename from a sibling subdomain (Sec-Fetch-Site: same-site), with or without an Origin', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client, 'Original name');
		const sibling = await client.patch(`/api/v1/workspaces/${workspace.id}`, { name: 'Renamed by a sibling' }, { headers: { 'sec-fetch-site': 'same-site' } });
		expect(sibling.status).toBe(403);
		expect(sibling.body.error.code).toBe('cross_origin');
		const claimed = await client.patch(`/api/v1/workspaces/${workspace.id}`, { name: 'Renamed by a sibling' }, {
			headers: { 'sec-fetch-site': 'same-site', origin: client.baseUrl }
		});
		expect(claimed.status).toBe(403);
		// A form action is refused the same way, not only the JSON API.
		const form = await client.request('POST', `/w/${workspace.id}/settings?/rename`, {
			body: 'name=Renamed+by+a+form',
			headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-site', origin: client.baseUrl }
		});
		expect(form.status).toBe(403);
		expect((await client.get(`/api/v1/workspaces/${workspace.id}`)).body.name).toBe('Original name');

		const own = await client.patch(`/api/v1/workspaces/${workspace.id}`, { name: 'Renamed here' }, {
			headers: { 'sec-fetch-site': 'same-origin', origin: client.baseUrl }
		});
		expect(own.status).toBe(200);
		// A script with a token is no browser: the header does not concern it.
		const token = (await client.post('/api/v1/tokens', { name: 'script' })).body.token;
		const scripted = await Client.withToken(token).patch(`/api/v1/workspaces/${workspace.id}`, { name: 'Renamed by a script' }, {
			headers: { 'sec-fetch-site': 'same-site' }
		});
		expect(scripted.status).toBe(200);
	});

	it('refuses a cross-origin log-in, so another site cannot sign a browser in', async () => {
		const { email, password } = await makeUser();
		const response = await new Client().post('/api/v1/auth/login', { email, password }, { headers: { origin: 'https://evil.example' } });
		expect(response.status).toBe(403);
		expect(response.setCookies).toEqual([]);
	});
});

describe('request bodies', () => {
	it('refuses a JSON body over the size limit with 413', async () => {
		const { client } = await makeUser();
		const response = await client.post('/api/v1/workspaces', { name: 'x'.repeat(300 * 1024) });
		expect(response.status).toBe(413);
		expect(response.body.error.code).toBe('payload_too_large');
		// The refused body was drained: the keep-alive connection still serves the next request.
		expect((await client.get('/api/v1/me')).status).toBe(200);
		expect((await client.post('/api/v1/workspaces', { name: 'Small' })).status).toBe(201);
	});

	it('refuses an oversized body sent without Content-Length (chunked) with 413 too', async () => {
		const { client } = await makeUser();
		const chunk = new TextEncoder().encode(`{"name": "${'x'.repeat(64 * 1024)}`);
		let sent = 0;
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (sent++ < 6) controller.enqueue(chunk);
				else {
					controller.enqueue(new TextEncoder().encode('"}'));
					controller.close();
				}
			}
		});
		const response = await fetch(new URL('/api/v1/workspaces', client.baseUrl), {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'x-forwarded-for': client.ip,
				cookie: `waymark_session=${client.sessionToken}`
			},
			body,
			duplex: 'half'
		} as RequestInit);
		expect(response.status).toBe(413);
		expect((await client.get('/api/v1/workspaces')).body.items).toEqual([]);
	});

	it('refuses a body that is not JSON with 415, and broken JSON with 400', async () => {
		const { client } = await makeUser();
		const form = await client.request('POST', '/api/v1/workspaces', {
			body: 'name=Team',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: client.baseUrl }
		});
		expect(form.status).toBe(415);
		const broken = await client.request('POST', '/api/v1/workspaces', {
			body: '{"name": ',
			headers: { 'content-type': 'application/json' }
		});
		expect(broken.status).toBe(400);
		expect(broken.body.error.code).toBe('bad_request');
	});

	it('answers errors as JSON without internals, and marks API answers uncacheable', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		const response = await client.get(`/api/v1/workspaces/${workspace.id}`);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const missing = await client.get('/api/v1/boards/does-not-exist');
		expect(missing.status).toBe(404);
		expect(Object.keys(missing.body)).toEqual(['error']);
		expect(Object.keys(missing.body.error).sort()).toEqual(['code', 'message']);
	});
});

describe('unknown API paths', () => {
	it('answer 404 in the JSON error shape, while a known path with an unsupported method answers 405', async () => {
		const client = new Client();
		const unknown = await client.get('/api/v1/no-such-thing');
		expect(unknown.status).toBe(404);
		expect(unknown.body).toEqual({ error: { code: 'not_found', message: 'Endpoint not found' } });
		expect((await client.request('PUT', '/api/v1/me')).status).toBe(405);
	});
});
