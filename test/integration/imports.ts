import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { Client, withDatabase } from './helpers';
import { projectRoot } from './server-process';

/* Uploading customer-data files the way a browser does, and looking at what arrived. */

/** A file of ../shared/data (beside the checkout, or the workplace's shared folder). */
export function sharedData(relative: string): string {
	const beside = join(projectRoot, '../shared/data', relative);
	return existsSync(beside) ? beside : join('/work/shared/data', relative);
}

export type Fields = Record<string, string | boolean | object>;

/** A multipart upload to `/api/v1/workspaces/:id/imports` (or `…/imports/preview`). */
export async function upload(
	client: Client,
	workspaceId: string,
	file: Buffer | string,
	fields: Fields,
	fileName = 'data.csv',
	path = 'imports'
) {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		form.append(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
	}
	form.append('file', new Blob([new Uint8Array(typeof file === 'string' ? Buffer.from(file, 'utf8') : file)]), fileName);
	// Form uploads carry their page's Origin, as browsers send it: SvelteKit refuses cross-site forms.
	const headers: Record<string, string> = { 'x-forwarded-for': client.ip, origin: new URL(client.baseUrl).origin };
	if (client.cookies.size) headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	const response = await fetch(new URL(`/api/v1/workspaces/${workspaceId}/${path}`, client.baseUrl), {
		method: 'POST',
		headers,
		body: form
	});
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : null };
}

export const preview = (client: Client, workspaceId: string, file: Buffer | string, fields: Fields, fileName = 'data.csv') =>
	upload(client, workspaceId, file, fields, fileName, 'imports/preview');

export async function finished(client: Client, importId: string) {
	for (let i = 0; i < 400; i++) {
		const response = await client.get(`/api/v1/imports/${importId}`);
		expect(response.status).toBe(200);
		if (!['queued', 'running'].includes(response.body.status)) return response.body;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	throw new Error('import did not finish');
}

export async function importFile(client: Client, workspaceId: string, file: Buffer | string, fields: Fields, fileName?: string) {
	const started = await upload(client, workspaceId, file, fields, fileName);
	expect(started.status, JSON.stringify(started.body)).toBe(202);
	return finished(client, started.body.id);
}

/** Imports a file that must load completely. */
export async function importValid(client: Client, workspaceId: string, file: Buffer | string, fields: Fields) {
	const done = await importFile(client, workspaceId, file, fields);
	expect(done.status, JSON.stringify(done.errors)).toBe('done');
	return done;
}

const TABLES = ['customers', 'customer_transactions', 'customer_events', 'survey_responses'] as const;

/** Rows per table of one workspace's customer data. */
export const counts = (workspaceId: string, path?: string): Record<(typeof TABLES)[number] | 'category_spend', number> =>
	withDatabase(
		(db) => ({
			...(Object.fromEntries(
				TABLES.map((table) => [
					table,
					(db.prepare(`select count(*) as n from ${table} where workspace_id = ?`).get(workspaceId) as { n: number }).n
				])
			) as Record<(typeof TABLES)[number], number>),
			category_spend: (
				db
					.prepare('select count(*) as n from category_spend s join customers c on c.id = s.customer_id where c.workspace_id = ?')
					.get(workspaceId) as { n: number }
			).n
		}),
		path
	);
