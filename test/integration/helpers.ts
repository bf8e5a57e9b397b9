import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { inject } from 'vitest';

/*
 * Test clients and factories. Every test builds its own users, workspaces and boards; nothing
 * mutable is shared between tests.
 */

export interface ApiResponse<T = any> {
	status: number;
	headers: Headers;
	body: T;
	/** The raw Set-Cookie headers of this response. */
	setCookies: string[];
}

export interface RequestOptions {
	json?: unknown;
	/** A raw body (sent as is, with whatever content type `headers` says). */
	body?: string | Uint8Array<ArrayBuffer>;
	headers?: Record<string, string>;
}

// Addresses from the documentation ranges (RFC 5737). Each worker starts at a random point
// and then walks, so clients in one file never share an address and files rarely do.
const addresses = [
	...Array.from({ length: 254 }, (_, i) => `203.0.113.${i + 1}`),
	...Array.from({ length: 254 }, (_, i) => `198.51.100.${i + 1}`)
];
let nextAddress = Math.floor(Math.random() * addresses.length);
export const newAddress = () => addresses[nextAddress++ % addresses.length]!;

/** A browser-like client: remembers cookies, presents its own IP through X-Forwarded-For. */
export class Client {
	readonly cookies = new Map<string, string>();
	readonly ip: string;
	bearer: string | null;

	constructor(
		readonly baseUrl: string = inject('baseUrl'),
		options: { ip?: string; bearer?: string } = {}
	) {
		this.ip = options.ip ?? newAddress();
		this.bearer = options.bearer ?? null;
	}

	/** A client that authenticates with an API token only (no cookies). */
	static withToken(token: string, baseUrl?: string): Client {
		return new Client(baseUrl, { bearer: token });
	}

	get sessionToken(): string | undefined {
		return this.cookies.get('waymark_session');
	}

	async request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
		const headers: Record<string, string> = { 'x-forwarded-for': this.ip, ...options.headers };
		if (this.cookies.size) {
			headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
		}
		if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
		let body = options.body;
		if (options.json !== undefined) {
			body = JSON.stringify(options.json);
			headers['content-type'] ??= 'application/json';
		}
		const response = await fetch(new URL(path, this.baseUrl), { method, headers, body, redirect: 'manual' });
		const setCookies = response.headers.getSetCookie();
		for (const header of setCookies) this.#remember(header);
		const text = await response.text();
		let parsed: unknown = null;
		if (text && response.headers.get('content-type')?.includes('json')) parsed = JSON.parse(text);
		else if (text) parsed = text;
		return { status: response.status, headers: response.headers, body: parsed as T, setCookies };
	}

	/** A GET whose body is left unread: for streams (server-sent events). */
	open(path: string, signal: AbortSignal): Promise<Response> {
		const headers: Record<string, string> = { 'x-forwarded-for': this.ip, accept: 'text/event-stream' };
		if (this.cookies.size) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
		if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
		return fetch(new URL(path, this.baseUrl), { headers, signal, redirect: 'manual' });
	}

	get = <T = any>(path: string, options?: RequestOptions) => this.request<T>('GET', path, options);
	post = <T = any>(path: string, json?: unknown, options?: RequestOptions) =>
		this.request<T>('POST', path, { json: json ?? {}, ...options });
	put = <T = any>(path: string, json?: unknown, options?: RequestOptions) =>
		this.request<T>('PUT', path, { json: json ?? {}, ...options });
	patch = <T = any>(path: string, json?: unknown, options?: RequestOptions) =>
		this.request<T>('PATCH', path, { json: json ?? {}, ...options });
	delete = <T = any>(path: string, options?: RequestOptions) => this.request<T>('DELETE', path, options);

	#remember(header: string) {
		const [pair, ...attributes] = header.split(';');
		const separator = pair!.indexOf('=');
		const name = pair!.slice(0, separator).trim();
		const value = pair!.slice(separator + 1).trim();
		const attribute = (key: string) =>
			attributes.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith(`${key.toLowerCase()}=`))?.split('=')[1];
		const maxAge = attribute('Max-Age');
		const expires = attribute('Expires');
		const gone =
			value === '' ||
			(maxAge !== undefined && Number(maxAge) <= 0) ||
			(expires !== undefined && Date.parse(expires) <= Date.now());
		if (gone) this.cookies.delete(name);
		else this.cookies.set(name, value);
	}
}

/** Parses one Set-Cookie header into its value and attributes (names lower-cased). */
export function parseSetCookie(header: string) {
	const [pair, ...rest] = header.split(';').map((part) => part.trim());
	const [name, ...value] = pair!.split('=');
	const attributes = new Map<string, string | true>();
	for (const part of rest) {
		const [key, ...val] = part.split('=');
		attributes.set(key!.toLowerCase(), val.length ? val.join('=') : true);
	}
	return { name: name!, value: value.join('='), attributes };
}

export const uniqueEmail = (label = 'user') =>
	`${label}-${randomBytes(6).toString('hex')}@example.test`;

export interface TestUser {
	client: Client;
	user: { id: string; email: string; name: string };
	email: string;
	password: string;
}

/** Signs up a new account; the returned client holds its session cookie. */
export async function makeUser(overrides: { email?: string; name?: string; password?: string } = {}): Promise<TestUser> {
	const client = new Client();
	const email = overrides.email ?? uniqueEmail();
	const password = overrides.password ?? `pw-${randomBytes(8).toString('hex')}`;
	const response = await client.post('/api/v1/auth/signup', { email, password, name: overrides.name ?? 'Test User' });
	if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${JSON.stringify(response.body)}`);
	return { client, user: response.body.user, email, password };
}

export async function makeWorkspace(client: Client, name = 'Team workspace'): Promise<{ id: string; name: string }> {
	const response = await client.post('/api/v1/workspaces', { name });
	if (response.status !== 201) throw new Error(`workspace failed: ${response.status} ${JSON.stringify(response.body)}`);
	return response.body;
}

export async function makeBoard(
	client: Client,
	workspaceId: string,
	title = 'Checkout journey'
): Promise<{ id: string; title: string; workspaceId: string }> {
	const response = await client.post(`/api/v1/workspaces/${workspaceId}/boards`, { title });
	if (response.status !== 201) throw new Error(`board failed: ${response.status} ${JSON.stringify(response.body)}`);
	return response.body;
}

/** The secret part of an invite URL (`…/invite/<token>`). */
export const inviteToken = (url: string) => url.slice(url.lastIndexOf('/') + 1);

/**
 * The whole invite flow: the owner invites a new address, that person signs up with it and
 * accepts the link. Returns the new member.
 */
export async function inviteAndJoin(
	owner: Client,
	workspaceId: string,
	role: 'owner' | 'editor' | 'viewer'
): Promise<TestUser> {
	const email = uniqueEmail(role);
	const invited = await owner.post(`/api/v1/workspaces/${workspaceId}/members`, { email, role });
	if (invited.status !== 201 || !invited.body.invite) {
		throw new Error(`invite failed: ${invited.status} ${JSON.stringify(invited.body)}`);
	}
	const member = await makeUser({ email });
	const accepted = await member.client.post(`/api/v1/invites/${inviteToken(invited.body.invite.url)}/accept`);
	if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
	return member;
}

/** Secrets are stored as hex SHA-256, like the server does. */
export const sha256Hex = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Opens the suite server's SQLite file (WAL: safe beside the running server). */
export function withDatabase<T>(work: (db: Database.Database) => T, path: string = inject('databasePath')): T {
	const db = new Database(path);
	db.pragma('busy_timeout = 5000');
	try {
		return work(db);
	} finally {
		db.close();
	}
}

export const DAY = 24 * 60 * 60 * 1000;

/** GET an analysis until it is no longer "still computing" (202), for up to 15 seconds. */
export async function finished(client: Client, path: string) {
	for (let i = 0; i < 150; i++) {
		const response = await client.get(path);
		if (response.status !== 202) return response;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`${path} did not finish`);
}
