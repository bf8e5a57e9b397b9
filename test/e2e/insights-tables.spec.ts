import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { makeAccount, signUp } from './helpers';
import { bind, importCsv, measuredBoard, webshopCustomers, webshopEvents } from './journey-helpers';

/**
 * A viewer (a manager) on the insights page takes the leaks table into a meeting: "CSV" beside
 * the table downloads it, for the page's filters, with its header in English; the links are
 * in Dutch for a Dutch reader.
 */

const ANSWERS = ['customer_id,date,kind,score,step,comment', 'c01,2026-05-03,csat,5,checkout,'].join('\n');

test('a viewer downloads the leaks table as CSV from the insights page', async ({ page, browser }) => {
	test.setTimeout(120_000);
	const boardId = await measuredBoard(page, 'tables', 'en', { customers: webshopCustomers, events: webshopEvents, answers: ANSWERS });
	const { workspaceId } = await (await page.request.get(`/api/v1/boards/${boardId}`)).json();
	await bind(page, 'Lands on a product page from search', 'product_view');
	await bind(page, 'Compares variants and reads reviews', 'compare');
	await expect(page.getByTestId('step-figures')).toHaveCount(2, { timeout: 10_000 });
	const viewer = makeAccount('tables-viewer');
	const invited = await page.request.post(`/api/v1/workspaces/${workspaceId}/members`, { data: { email: viewer.email, role: 'viewer' } });
	expect(invited.status()).toBe(201);
	const inviteUrl: string = (await invited.json()).invite.url;

	const context = await browser.newContext({ acceptDownloads: true });
	const viewerPage = await context.newPage();
	const errors: string[] = [];
	viewerPage.on('pageerror', (error) => errors.push(error.message));
	await signUp(viewerPage, viewer);
	expect((await viewerPage.request.post(`/api/v1/invites/${inviteUrl.split('/').pop()}/accept`)).status()).toBe(200);

	await viewerPage.goto(`/w/${workspaceId}/insights?from=2026-05-01&to=2026-05-31`);
	const links = viewerPage.getByTestId('table-downloads-leaks-leaks');
	await expect(links).toBeVisible({ timeout: 20_000 });
	const csv = links.getByRole('link', { name: 'Download the table Where it leaks as CSV' });
	await expect(csv).toHaveAttribute('href', /\/insights\/leaks\/table\/leaks\?.*from=2026-05-01.*to=2026-05-31.*format=csv/);
	await expect(links.getByRole('link', { name: 'Download the table Where it leaks as XLSX' })).toBeVisible();
	await links.scrollIntoViewIfNeeded();
	await viewerPage.getByTestId('leaks').locator('..').locator('..').screenshot({ path: 'screenshots/insights-table-downloads-en.png' });

	const download = viewerPage.waitForEvent('download');
	await csv.click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^waymark-[\w-]+-leaks-leaks-\d{4}-\d{2}-\d{2}\.csv$/);
	const text = (await readFile((await file.path())!)).toString('utf8');
	const [header, ...rows] = text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
	expect(header).toBe('Step,Journey map,Reached,Dropped off,"Drop-off (share, 0–1)",Value at risk (EUR),Drop-off causes,Note');
	await expect(viewerPage.getByTestId('leaks').locator('tbody tr')).toHaveCount(rows.length);

	await viewerPage.request.patch('/api/v1/me', { data: { locale: 'nl' } });
	await viewerPage.reload();
	await expect(links.getByRole('link', { name: 'De tabel Waar klanten afhaken downloaden als CSV' })).toBeVisible({ timeout: 20_000 });
	await links.scrollIntoViewIfNeeded();
	await viewerPage.getByTestId('leaks').locator('..').locator('..').screenshot({ path: 'screenshots/insights-table-downloads-nl.png' });
	expect(errors).toEqual([]);
	await context.close();
});
