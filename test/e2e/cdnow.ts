import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

/** The published CDNOW sample (amounts in US dollars), imported into a new account's workspace. */

const cdnow = ['../shared/data/cdnow/CDNOW_sample.txt', '/work/shared/data/cdnow/CDNOW_sample.txt']
	.map((path) => (isAbsolute(path) ? path : join(process.cwd(), path)))
	.find((path) => existsSync(path))!;

export async function workspaceWithCdnow(page: Page, label: string) {
	const email = `${label}-${Date.now()}@example.com`;
	await page.request.post('/api/v1/auth/signup', { data: { email, password: 'correct horse battery', name: label } });
	const workspace = await (await page.request.post('/api/v1/workspaces', { data: { name: 'CDNOW' } })).json();
	const started = await page.request.post(`/api/v1/workspaces/${workspace.id}/imports`, {
		multipart: {
			kind: 'transactions',
			mapping: JSON.stringify({ customerId: 1, occurredAt: 3, quantity: 4, amount: 5 }),
			format: JSON.stringify({ delimiter: 'whitespace', header: false }),
			file: { name: 'CDNOW_sample.txt', mimeType: 'text/plain', buffer: readFileSync(cdnow) }
		},
		headers: { origin: new URL(test.info().project.use.baseURL!).origin }
	});
	expect(started.status()).toBe(202);
	const { id } = await started.json();
	await expect
		.poll(async () => (await (await page.request.get(`/api/v1/imports/${id}`)).json()).status, { timeout: 20_000 })
		.toBe('done');
	return workspace.id as string;
}
