import { expect, test, type Page } from '@playwright/test';
import { cdnowWithMargin, tinyShopCsv } from '../value-fixtures';

/** A new user's first try: 30 customers and 120 purchases are too few for BG/NBD, and the page says so. */

async function importCsv(page: Page, workspaceId: string, kind: string, csv: string) {
	const started = await page.request.post(`/api/v1/workspaces/${workspaceId}/imports`, {
		multipart: { kind, file: { name: `${kind}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) } },
		headers: { origin: new URL(test.info().project.use.baseURL!).origin }
	});
	expect(started.status()).toBe(202);
	const { id } = await started.json();
	await expect.poll(async () => (await (await page.request.get(`/api/v1/imports/${id}`)).json()).status, { timeout: 30_000 }).toBe('done');
}

async function workspaceWith(page: Page, label: string, transactions: string): Promise<string> {
	const email = `${label}-${Date.now()}@example.com`;
	await page.request.post('/api/v1/auth/signup', { data: { email, password: 'correct horse battery', name: label } });
	const workspace = await (await page.request.post('/api/v1/workspaces', { data: { name: 'First try' } })).json();
	await importCsv(page, workspace.id, 'transactions', transactions);
	return workspace.id as string;
}

const workspaceWithTinyShop = (page: Page, label: string) => workspaceWith(page, label, tinyShopCsv());

test('too little data: the verdict at the top, no customer values, and the formula one click away', async ({ page }) => {
	const workspaceId = await workspaceWithTinyShop(page, 'tiny');
	await page.goto(`/w/${workspaceId}/value`);
	const verdict = page.getByTestId('value-verdict');
	await expect(verdict).toContainText('These customer values cannot be trusted', { timeout: 15_000 });
	await expect(verdict).toContainText(/bought more than once; the model needs at least 100/);
	await expect(verdict).toContainText('What the model needs');
	await expect(page.getByTestId('value-summary')).toContainText('30');
	// Nothing made of the refused fit: no totals, Gini, P(alive), keep/develop or customer list.
	for (const figure of ['Total value', 'Gini', 'Expected active']) await expect(page.getByTestId('value-summary')).not.toContainText(figure);
	await expect(page.getByTestId('value-matrix')).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Most valuable customers' })).toHaveCount(0);
	await expect(page.getByRole('table', { name: /Purchase frequency and drop-out/ })).toContainText('Not fitted');
	await page.screenshot({ path: '/tmp/value/value-unusable.png', fullPage: true });

	const fallback = page.getByTestId('value-fallback');
	await expect(fallback).toContainText(/the formula KW = \(T × A × P\) − K puts the average customer at €\s?\d/);
	await fallback.getByRole('link', { name: 'Use the formula' }).click();
	await expect(page).toHaveURL(/model=formula/);
	await expect(page.getByRole('heading', { name: 'The formula, factor by factor' })).toBeVisible({ timeout: 15_000 });
	await expect(page.getByTestId('formula-how')).toContainText('How T is estimated per customer');
	await expect(page.getByTestId('value-verdict')).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Most valuable customers' })).toBeVisible();
	await page.screenshot({ path: '/tmp/value/value-formula-fallback.png', fullPage: true });
});

test('the margin comes from the transactions, and potential value from share of wallet', async ({ page }) => {
	test.setTimeout(90_000);
	const workspaceId = await workspaceWith(page, 'margins', cdnowWithMargin().csv);
	await importCsv(page, workspaceId, 'category_spend', ['customer_id,category,amount,category_total', '0001,Music,100,400', '0002,Music,50,60'].join('\n'));
	await page.goto(`/w/${workspaceId}/value`);
	await expect(page.getByTestId('value-margin-note')).toContainText("Margin from your transactions' margin column: 25", { timeout: 20_000 });
	await expect(page.getByLabel('Margin (%)')).toHaveAttribute('placeholder', /25(\.\d)? from the data/);
	const matrix = page.getByTestId('value-matrix');
	await expect(matrix).toContainText('Keep');
	await expect(matrix).toContainText('Potential unknown');
	await expect(page.getByTestId('value-potential-basis')).toContainText('Potential value is based on share of wallet: 2 customers with known category spend');
	await page.screenshot({ path: '/tmp/value/value-margin-share-of-wallet.png', fullPage: true });
});

test.describe('in Dutch', () => {
	test.use({ locale: 'nl-NL', extraHTTPHeaders: { 'Accept-Language': 'nl-NL,nl;q=0.9' } });

	test('the verdict speaks Dutch', async ({ page }) => {
		const workspaceId = await workspaceWithTinyShop(page, 'weinig');
		await page.goto(`/w/${workspaceId}/value`);
		const verdict = page.getByTestId('value-verdict');
		await expect(verdict).toContainText('Deze klantwaarden zijn niet betrouwbaar', { timeout: 15_000 });
		await expect(verdict).toContainText('herhaalkopers');
		await expect(page.getByTestId('value-fallback').getByRole('link', { name: 'Gebruik de formule' })).toBeVisible();
		await page.screenshot({ path: '/tmp/value/value-unusable-nl.png', fullPage: true });
	});
});
