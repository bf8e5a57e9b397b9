import { randomInt, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { Client } from './helpers';

/** A signed-up account with a cookie session and an API token, made through the real API. */
export interface Member {
	id: string;
	email: string;
	cookie: string;
	token: string;
}

export interface Team {
	workspaceId: string;
	boardId: string;
	owner: Member;
	editor: Member;
	viewer: Member;
	removeMember(userId: string): Promise<void>;
	changeRole(userId: string, role: 'owner' | 'editor' | 'viewer'): Promise<void>;
	createVersion(label: string): Promise<number>;
	restoreVersion(id: number): Promise<void>;
	listVersions(): Promise<Array<{ id: number; label: string | null; kind: string; restoredFrom: number | null }>>;
}

const clientIp = () => `198.51.100.${randomInt(1, 255)}`;

async function call(baseUrl: string, path: string, init: RequestInit & { token?: string; cookie?: string } = {}) {
	const headers = new Headers(init.headers);
	headers.set('x-forwarded-for', clientIp());
	if (init.body) headers.set('content-type', 'application/json');
	if (init.token) headers.set('authorization', `Bearer ${init.token}`);
	if (init.cookie) {
		headers.set('cookie', init.cookie);
		headers.set('origin', baseUrl);
	}
	const response = await fetch(baseUrl + path, { ...init, headers });
	if (!response.ok) {
		throw new Error(`${init.method ?? 'GET'} ${path} → ${response.status}: ${await response.text()}`);
	}
	return response;
}

async function signUp(baseUrl: string, label: string): Promise<Member> {
	const email = `${label}-${randomUUID()}@example.com`;
	const response = await call(baseUrl, '/api/v1/auth/signup', {
		method: 'POST',
		body: JSON.stringify({ email, password: 'correct horse battery', name: label })
	});
	const { user } = (await response.json()) as { user: { id: string } };
	const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	const tokenResponse = await call(baseUrl, '/api/v1/tokens', {
		method: 'POST',
		cookie,
		body: JSON.stringify({ name: 'collab tests' })
	});
	const { token } = (await tokenResponse.json()) as { token: string };
	return { id: user.id, email, cookie, token };
}

/** An owner, an editor and a viewer sharing one workspace with one board. */
export async function makeTeam(baseUrl: string): Promise<Team> {
	const [owner, editor, viewer] = await Promise.all(
		['owner', 'editor', 'viewer'].map((label) => signUp(baseUrl, label))
	);
	const as = { token: owner!.token };
	const workspace = (await (
		await call(baseUrl, '/api/v1/workspaces', { method: 'POST', ...as, body: JSON.stringify({ name: 'Team' }) })
	).json()) as { id: string };
	const board = (await (
		await call(baseUrl, `/api/v1/workspaces/${workspace.id}/boards`, {
			method: 'POST',
			...as,
			body: JSON.stringify({ title: 'Journey' })
		})
	).json()) as { id: string };
	for (const [member, role] of [
		[editor!, 'editor'],
		[viewer!, 'viewer']
	] as const) {
		await call(baseUrl, `/api/v1/workspaces/${workspace.id}/members`, {
			method: 'POST',
			...as,
			body: JSON.stringify({ email: member.email, role })
		});
	}
	const versionsPath = `/api/v1/boards/${board.id}/versions`;
	return {
		workspaceId: workspace.id,
		boardId: board.id,
		owner: owner!,
		editor: editor!,
		viewer: viewer!,
		async removeMember(userId) {
			await call(baseUrl, `/api/v1/workspaces/${workspace.id}/members/${userId}`, { method: 'DELETE', ...as });
		},
		async changeRole(userId, role) {
			await call(baseUrl, `/api/v1/workspaces/${workspace.id}/members/${userId}`, {
				method: 'PATCH',
				...as,
				body: JSON.stringify({ role })
			});
		},
		async createVersion(label) {
			const response = await call(baseUrl, versionsPath, { method: 'POST', ...as, body: JSON.stringify({ label }) });
			return ((await response.json()) as { id: number }).id;
		},
		async restoreVersion(id) {
			await call(baseUrl, `${versionsPath}/${id}/restore`, { method: 'POST', ...as });
		},
		async listVersions() {
			const response = await call(baseUrl, versionsPath, as);
			return ((await response.json()) as { items: Array<{ id: number; label: string | null; kind: string; restoredFrom: number | null }> }).items;
		}
	};
}

/** A group of everyone in the team's workspace with one hand-made persona; returns its id. */
export async function handMadePersona(team: Team): Promise<string> {
	const owner = Client.withToken(team.owner.token);
	const group = await owner.post(`/api/v1/workspaces/${team.workspaceId}/groups`, { name: 'Everyone', rule: { match: 'all', conditions: [] } });
	expect(group.status).toBe(201);
	const persona = await owner.post(`/api/v1/groups/${group.body.id}/personas`, { name: 'Researcher Rita' });
	expect(persona.status).toBe(201);
	return persona.body.id as string;
}
