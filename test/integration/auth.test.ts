import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Client, DAY, makeUser, parseSetCookie, sha256Hex, uniqueEmail, withDatabase } from './helpers';
import { startServer } from './server-process';

const sessionCookieOf = (setCookies: string[]) =>
	setCookies.map(parseSetCookie).find((cookie) => cookie.name === 'waymark_session');

describe('sign-up, log-in, log-out', () => {
	it('signs up, is signed in at once, logs out and back in', async () => {
		const client = new Client();
		const email = uniqueEmail();
		const signup = await client.post('/api/v1/auth/signup', { email, password: 'correct horse 1', name: 'Ada' });
		expect(signup.status).toBe(201);
		expect(signup.body.user).toMatchObject({ email, name: 'Ada', locale: null });
		expect(signup.body.user).not.toHaveProperty('passwordHash');
		expect(new Date(signup.body.user.createdAt).toISOString()).toBe(signup.body.user.createdAt);

		expect((await client.get('/api/v1/me')).body.user.email).toBe(email);

		const logout = await client.post('/api/v1/auth/logout');
		expect(logout.status).toBe(204);
		expect(client.sessionToken).toBeUndefined();
		expect((await client.get('/api/v1/me')).status).toBe(401);

		const login = await client.post('/api/v1/auth/login', { email: email.toUpperCase(), password: 'correct horse 1' });
		expect(login.status).toBe(200);
		expect(login.body.user.email).toBe(email);
		expect((await client.get('/api/v1/me')).status).toBe(200);
	});

	it('a logged-out session token no longer works, even if replayed', async () => {
		const { client } = await makeUser();
		const stolen = client.sessionToken!;
		await client.post('/api/v1/auth/logout');
		const replay = new Client();
		replay.cookies.set('waymark_session', stolen);
		expect((await replay.get('/api/v1/me')).status).toBe(401);
	});

	it('refuses a second account for a taken address with a field error', async () => {
		const { email } = await makeUser();
		const again = await new Client().post('/api/v1/auth/signup', { email, password: 'another password', name: 'B' });
		expect(again.status).toBe(409);
		expect(again.body.error.fields).toEqual({ email: 'An account with this e-mail address already exists' });
	});

	it('reports every invalid field in English', async () => {
		const response = await new Client().post('/api/v1/auth/signup', { email: 'not-an-address', password: 'short' });
		expect(response.status).toBe(400);
		expect(response.body.error.code).toBe('validation_failed');
		expect(response.body.error.fields).toEqual({
			email: 'Enter a valid e-mail address',
			password: 'Use at least 10 characters',
			name: 'This field is required'
		});
	});
});

describe('wrong credentials', () => {
	it('answers a wrong password and an unknown address with the same 401 body', async () => {
		const { email } = await makeUser();
		const wrongPassword = await new Client().post('/api/v1/auth/login', { email, password: 'not the password' });
		const unknownEmail = await new Client().post('/api/v1/auth/login', {
			email: uniqueEmail('nobody'),
			password: 'not the password'
		});
		expect(wrongPassword.status).toBe(401);
		expect(unknownEmail.status).toBe(401);
		expect(wrongPassword.body).toEqual(unknownEmail.body);
		expect(wrongPassword.setCookies.some((c) => c.startsWith('waymark_session=') && !c.startsWith('waymark_session=;'))).toBe(false);
	});

	it('locks an account for a while after repeated failures, from any address (per account)', async () => {
		const { email, password } = await makeUser();
		for (let attempt = 0; attempt < 5; attempt++) {
			const failed = await new Client().post('/api/v1/auth/login', { email, password: 'wrong password!' });
			expect(failed.status).toBe(401);
		}
		const locked = await new Client().post('/api/v1/auth/login', { email, password });
		expect(locked.status).toBe(429);
		expect(locked.body.error.code).toBe('rate_limited');
		expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
	});

	it('blocks an address that keeps failing, whatever account it tries (per IP)', async () => {
		const server = await startServer({ env: { WAYMARK_LOGIN_LIMIT_PER_IP: '3' } });
		try {
			const attacker = new Client(server.baseUrl);
			for (let attempt = 0; attempt < 3; attempt++) {
				const failed = await attacker.post('/api/v1/auth/login', { email: uniqueEmail(), password: 'guess guess' });
				expect(failed.status).toBe(401);
			}
			const blocked = await attacker.post('/api/v1/auth/login', { email: uniqueEmail(), password: 'guess guess' });
			expect(blocked.status).toBe(429);
			expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);

			// Another address is not affected.
			const bystander = new Client(server.baseUrl);
			expect((await bystander.post('/api/v1/auth/login', { email: uniqueEmail(), password: 'guess guess' })).status).toBe(401);
		} finally {
			await server.dispose();
		}
	});
});

describe('the sign-up limit (10 an hour per address, as documented)', () => {
	it('refuses the eleventh sign-up from one address, trusts no forwarded address, and still does after a restart', { timeout: 90_000 }, async () => {
		// As a default deployment runs: no proxy, so the address is the connection's own (127.0.0.1).
		const env = { ADDRESS_HEADER: '' };
		let server = await startServer({ env });
		const { databasePath } = server;
		const signUp = (base: string, i: number) =>
			fetch(`${base}/api/v1/auth/signup`, {
				method: 'POST',
				// A forged forwarded address must not buy a fresh allowance.
				headers: { 'content-type': 'application/json', origin: base, 'x-forwarded-for': `192.0.2.${i}` },
				body: JSON.stringify({ email: uniqueEmail(`signup${i}`), password: 'correct horse 1', name: `Sign-up ${i}` })
			});
		try {
			const statuses: number[] = [];
			for (let i = 1; i <= 12; i++) statuses.push((await signUp(server.baseUrl, i)).status);
			expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 201, 201, 201, 201, 429, 429]);

			// A restart does not hand the address a fresh allowance.
			await server.stop();
			server = await startServer({ databasePath, env });
			const again = await signUp(server.baseUrl, 13);
			expect(again.status).toBe(429);
			expect((await again.json()).error.code).toBe('rate_limited');
			const wait = Number(again.headers.get('retry-after'));
			expect(wait).toBeGreaterThan(3000);
			expect(wait).toBeLessThanOrEqual(3600);
			const users = withDatabase((db) => db.prepare('select count(*) as n from users').get(), databasePath) as { n: number };
			expect(users.n).toBe(10);
		} finally {
			await server.stop();
			rmSync(dirname(databasePath), { recursive: true, force: true });
		}
	});
});

describe('the session cookie', () => {
	it('is HttpOnly, SameSite=Lax, Path=/, lives about 30 days and is not Secure over http', async () => {
		const client = new Client();
		const response = await client.post('/api/v1/auth/signup', {
			email: uniqueEmail(),
			password: 'correct horse 1',
			name: 'Cookie'
		});
		const cookie = sessionCookieOf(response.setCookies)!;
		expect(cookie).toBeDefined();
		expect(cookie.value).toMatch(/^[a-z2-7]{32}$/);
		expect(cookie.attributes.get('httponly')).toBe(true);
		expect(String(cookie.attributes.get('samesite')).toLowerCase()).toBe('lax');
		expect(cookie.attributes.get('path')).toBe('/');
		expect(cookie.attributes.has('secure')).toBe(false);
		const maxAge = cookie.attributes.get('max-age');
		const expires = cookie.attributes.get('expires');
		const lifetime = maxAge ? Number(maxAge) * 1000 : Date.parse(String(expires)) - Date.now();
		expect(Math.abs(lifetime - 30 * DAY)).toBeLessThan(60_000);
	});

	it('stops working once the session has expired', async () => {
		const { client, user } = await makeUser();
		withDatabase((db) =>
			db.prepare('update sessions set expires_at = ? where user_id = ?').run(Date.now() - 1000, user.id)
		);
		const response = await client.get('/api/v1/me');
		expect(response.status).toBe(401);
		// The dead cookie is cleared, and the expired row is gone.
		expect(client.sessionToken).toBeUndefined();
		const left = withDatabase((db) => db.prepare('select count(*) as n from sessions where user_id = ?').get(user.id)) as { n: number };
		expect(left.n).toBe(0);
	});

	it('is renewed for 30 more days once less than half its life is left (sliding expiry)', async () => {
		const { client } = await makeUser();
		const sessionId = sha256Hex(client.sessionToken!);
		withDatabase((db) =>
			db.prepare('update sessions set expires_at = ? where id = ?').run(Date.now() + 10 * DAY, sessionId)
		);
		const quiet = await client.get('/api/v1/me');
		expect(quiet.status).toBe(200);
		const renewed = sessionCookieOf(quiet.setCookies);
		expect(renewed, 'the response re-sends the cookie').toBeDefined();
		expect(renewed!.value).toBe(client.sessionToken);
		const expires = Date.parse(String(renewed!.attributes.get('expires')));
		expect(Math.abs(expires - Date.now() - 30 * DAY)).toBeLessThan(60_000);
		const stored = withDatabase((db) => db.prepare('select expires_at from sessions where id = ?').get(sessionId)) as {
			expires_at: number;
		};
		expect(Math.abs(stored.expires_at - Date.now() - 30 * DAY)).toBeLessThan(60_000);

		// A fresh session is not re-sent on every request.
		expect(sessionCookieOf((await client.get('/api/v1/me')).setCookies)).toBeUndefined();
	});
});

describe('the account', () => {
	it('changes name and language, and validates them', async () => {
		const { client } = await makeUser();
		const changed = await client.patch('/api/v1/me', { name: 'Grace', locale: 'nl' });
		expect(changed.status).toBe(200);
		expect(changed.body.user).toMatchObject({ name: 'Grace', locale: 'nl' });
		const invalid = await client.patch('/api/v1/me', { name: '', locale: 'fr' });
		expect(invalid.status).toBe(400);
		expect(invalid.body.error.fields).toEqual({
			name: 'This field is required',
			locale: 'Choose English or Nederlands'
		});
	});

	it('changes the password only with the current one, and signs out other sessions', async () => {
		const { client, email, password } = await makeUser();
		const elsewhere = new Client();
		expect((await elsewhere.post('/api/v1/auth/login', { email, password })).status).toBe(200);

		const wrong = await client.post('/api/v1/me/password', { currentPassword: 'nope', newPassword: 'a brand new one' });
		expect(wrong.status).toBe(400);
		expect(wrong.body.error.fields).toEqual({ currentPassword: 'The current password is not correct' });

		const ok = await client.post('/api/v1/me/password', { currentPassword: password, newPassword: 'a brand new one' });
		expect(ok.status).toBe(204);
		expect((await client.get('/api/v1/me')).status).toBe(200);
		expect((await elsewhere.get('/api/v1/me')).status).toBe(401);
		expect((await new Client().post('/api/v1/auth/login', { email, password: 'a brand new one' })).status).toBe(200);
	});

	it('lists its own sessions, marks the current one, and revokes another', async () => {
		const { client, email, password } = await makeUser();
		const laptop = new Client();
		await laptop.post('/api/v1/auth/login', { email, password });

		const list = await client.get('/api/v1/sessions');
		expect(list.status).toBe(200);
		expect(list.body.items).toHaveLength(2);
		expect(list.body.nextCursor).toBeNull();
		const current = list.body.items.find((s: { current: boolean }) => s.current);
		expect(current.id).toBe(sha256Hex(client.sessionToken!));
		const other = list.body.items.find((s: { current: boolean }) => !s.current);
		expect(other.ipAddress).toBe(laptop.ip);

		expect((await client.delete(`/api/v1/sessions/${other.id}`)).status).toBe(204);
		expect((await laptop.get('/api/v1/me')).status).toBe(401);
		expect((await client.get('/api/v1/me')).status).toBe(200);
	});

	it('revoking the current session signs this client out and clears its cookie', async () => {
		const { client } = await makeUser();
		const response = await client.delete(`/api/v1/sessions/${sha256Hex(client.sessionToken!)}`);
		expect(response.status).toBe(204);
		expect(client.sessionToken).toBeUndefined();
		expect((await client.get('/api/v1/me')).status).toBe(401);
	});

	it("cannot revoke someone else's session (404, as if missing)", async () => {
		const alice = await makeUser();
		const bob = await makeUser();
		const bobSession = sha256Hex(bob.client.sessionToken!);
		const attempt = await alice.client.delete(`/api/v1/sessions/${bobSession}`);
		expect(attempt.status).toBe(404);
		expect((await bob.client.get('/api/v1/me')).status).toBe(200);
	});
});
