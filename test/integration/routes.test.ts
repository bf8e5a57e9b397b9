import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Client } from './helpers';
import { projectRoot } from './server-process';

/*
 * Walks the API route files so that a new endpoint cannot ship undocumented or open to
 * anonymous callers by accident.
 */

const apiRoot = join(projectRoot, 'src/routes/api/v1');
const PUBLIC = new Set(['POST /api/v1/auth/signup', 'POST /api/v1/auth/login', 'GET /api/v1/openapi.json']);

interface RouteMethod {
	method: string;
	/** OpenAPI form, `{id}` for `[id]`. */
	path: string;
	/** A concrete URL with made-up ids. */
	url: string;
}

function serverFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) return serverFiles(full);
		return entry.name === '+server.ts' ? [full] : [];
	});
}

function routeMethods(): RouteMethod[] {
	return serverFiles(apiRoot).flatMap((file) => {
		const segments = relative(apiRoot, join(file, '..')).split(sep).filter(Boolean);
		const path = ['/api/v1', ...segments.map((s) => s.replace(/^\[(\w+)\]$/, '{$1}'))].join('/');
		const url = ['/api/v1', ...segments.map((s) => (/^\[\w+\]$/.test(s) ? 'a'.repeat(32) : s))].join('/');
		const source = readFileSync(file, 'utf8');
		const methods = [...source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)];
		return methods.map(([, method]) => ({ method: method!, path, url }));
	});
}

type OpenApi = { paths: Record<string, Record<string, { security?: unknown[]; requestBody?: any }>>; [key: string]: any };

describe('every API route', () => {
	const routes = routeMethods();
	let doc: OpenApi;

	beforeAll(async () => {
		const response = await new Client().get('/api/v1/openapi.json');
		expect(response.status).toBe(200);
		doc = response.body;
	});

	it('finds the route files', () => {
		expect(routes.length).toBeGreaterThanOrEqual(29);
	});

	it('is described in the OpenAPI document, with the right security', () => {
		for (const { method, path } of routes) {
			const operation = doc.paths[path]?.[method.toLowerCase()];
			expect(operation, `${method} ${path} is missing from openapi.json`).toBeDefined();
			const isPublic = PUBLIC.has(`${method} ${path}`);
			expect(operation!.security, `${method} ${path} security`).toEqual(isPublic ? [] : undefined);
		}
	});

	it('refuses anonymous callers with 401 (except sign-up, log-in and the document)', async () => {
		const anonymous = new Client();
		for (const { method, path, url } of routes) {
			if (PUBLIC.has(`${method} ${path}`)) continue;
			const response = await anonymous.request(method, url, method === 'GET' || method === 'DELETE' ? {} : { json: {} });
			expect(response.status, `${method} ${url}`).toBe(401);
			expect(response.body.error.code, `${method} ${url}`).toBe('unauthenticated');
		}
	});

	it('and every documented operation is a real route', () => {
		const real = new Set(routes.map(({ method, path }) => `${method.toLowerCase()} ${path}`));
		for (const [path, operations] of Object.entries(doc.paths)) {
			for (const method of Object.keys(operations)) {
				expect(real.has(`${method} ${path}`), `${method.toUpperCase()} ${path} is documented but has no route`).toBe(true);
			}
		}
	});
});

describe('the OpenAPI document', () => {
	it('is OpenAPI 3.1 with cookie and bearer security, and request schemas from the shared zod schemas', async () => {
		const { body: doc } = await new Client().get<OpenApi>('/api/v1/openapi.json');
		expect(doc.openapi).toBe('3.1.0');
		expect(doc.components.securitySchemes).toEqual({
			sessionCookie: { type: 'apiKey', in: 'cookie', name: 'waymark_session' },
			bearerToken: expect.objectContaining({ type: 'http', scheme: 'bearer' })
		});
		expect(doc.security).toEqual([{ sessionCookie: [] }, { bearerToken: [] }]);

		const signup = doc.paths['/api/v1/auth/signup']!.post!.requestBody.content['application/json'].schema;
		expect(signup.required.sort()).toEqual(['email', 'name', 'password']);
		expect(signup.properties.password.minLength).toBe(10);
		expect(signup.properties.email.maxLength).toBe(254);

		const boards = doc.paths['/api/v1/workspaces/{id}/boards']!.get as any;
		expect(boards.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual([
			'path:id',
			'query:limit',
			'query:cursor',
			'query:archived'
		]);
		const boardSchema = boards.responses['200'].content['application/json'].schema.properties.items.items;
		expect(boardSchema.properties.createdAt).toMatchObject({ type: 'string', format: 'date-time' });
		expect(JSON.stringify(doc)).not.toMatch(/password_?hash|token_?hash/i);
	});
});
