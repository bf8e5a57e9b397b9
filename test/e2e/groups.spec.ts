import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

/** Customer groups: the rule builder counts live, the group keeps its customers, presets in one click. */

const customers = [
	'customer_id,name,city,opt_in',
	'c1,Anna,Utrecht,ja',
	'c2,Bram,Utrecht,nee',
	'c3,Cor,Amsterdam,ja',
	'c4,Dirk,Zeist,ja',
	'c5,Eva,Amsterdam,nee'
].join('\n');
const transactions = [
	'customer_id,date,amount',
	'c1,2026-01-10,300',
	'c2,2026-02-01,20',
	'c3,2026-05-01,100',
	'c4,2026-04-01,50',
	'c5,2026-06-30,500'
].join('\n');

async function importCsv(request: APIRequestContext, workspaceId: string, kind: string, csv: string) {
	const started = await request.post(`/api/v1/workspaces/${workspaceId}/imports`, {
		multipart: { kind, file: { name: `${kind}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) } },
		// Multipart posts carry their page's origin, as a browser sends it (SvelteKit refuses cross-site forms).
		headers: { origin: new URL(test.info().project.use.baseURL!).origin }
	});
	expect(started.status()).toBe(202);
	const { id } = await started.json();
	await expect
		.poll(async () => (await (await request.get(`/api/v1/imports/${id}`)).json()).status, { timeout: 15_000 })
		.toBe('done');
}

async function workspaceWithData(page: Page, label: string) {
	const email = `${label}-${Date.now()}@example.com`;
	await page.request.post('/api/v1/auth/signup', { data: { email, password: 'correct horse battery', name: label } });
	const workspace = await (await page.request.post('/api/v1/workspaces', { data: { name: 'Webwinkel' } })).json();
	await importCsv(page.request, workspace.id, 'customers', customers);
	await importCsv(page.request, workspace.id, 'transactions', transactions);
	return workspace.id as string;
}

async function choose(page: Page, combobox: ReturnType<Page['getByRole']>, option: string) {
	await combobox.click();
	await page.getByRole('option', { name: option, exact: true }).click();
}

test('build a group with the rule builder and see its live count', async ({ page }) => {
	const workspaceId = await workspaceWithData(page, 'groups');
	await page.goto(`/w/${workspaceId}/groups`);
	await expect(page.getByText('No groups yet')).toBeVisible();
	await page.getByRole('link', { name: 'New group' }).click();

	await page.getByLabel('Name').fill('Big spenders in Utrecht or Zeist');
	const figures = page.getByTestId('group-figures');
	await expect(figures).toContainText('5 customers');

	await page.getByRole('button', { name: 'Add condition', exact: true }).click();
	const first = page.getByTestId('condition').first();
	await expect(first.getByRole('combobox', { name: 'Field' })).toHaveText('Revenue');
	await first.getByLabel('Value').fill('50');
	await expect(figures).toContainText('4 customers');
	await expect(figures).toContainText('80% of customers');
	await expect(figures).toContainText('97.9% of revenue');

	// A block of alternatives: Utrecht or Zeist.
	await page.getByRole('button', { name: 'Add condition block' }).click();
	const block = page.getByTestId('condition-block');
	await block.getByTestId('condition').getByLabel('Value').fill('Utrecht');
	await expect(figures).toContainText(/\b1 customer(?!s)/);
	await block.getByRole('button', { name: 'Add condition' }).click();
	await block.getByTestId('condition').nth(1).getByLabel('Value').fill('zeist');
	await expect(figures).toContainText('2 customers');
	await page.screenshot({ path: 'screenshots/group-editor.png', fullPage: true });

	// An incomplete condition says so instead of counting.
	await first.getByLabel('Value').fill('');
	await expect(page.getByText('Complete the conditions to see the count.')).toBeVisible();
	await first.getByLabel('Value').fill('50');
	await expect(figures).toContainText('2 customers');

	await page.getByRole('button', { name: 'Create group' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Big spenders in Utrecht or Zeist' })).toBeVisible();
	const rows = page.getByRole('table').locator('tbody tr');
	await expect(rows).toHaveCount(2);
	await expect(rows.first()).toContainText('Anna');
	await expect(rows.nth(1)).toContainText('Dirk');

	// Changing the rule and saving keeps the group and recounts it.
	await choose(page, first.getByRole('combobox', { name: 'Comparison' }), 'less than');
	await expect(figures).toContainText(/\b1 customer(?!s)/);
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Group saved')).toBeVisible();
	await expect(rows).toHaveCount(1);
	await page.reload();
	await expect(first.getByRole('combobox', { name: 'Comparison' })).toHaveText('less than');
	await expect(figures).toContainText(/\b1 customer(?!s)/);
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'screenshots/group-editor-phone.png', fullPage: true });
	await page.setViewportSize({ width: 1280, height: 720 });

	// The RFM preset adds ten segments that together hold every buyer.
	await page.getByRole('link', { name: 'All groups' }).click();
	await page.getByRole('button', { name: 'RFM segments' }).click();
	await expect(page.getByText('10 groups added')).toBeVisible();
	await expect(page.locator('.groups > li')).toHaveCount(11);
	await expect(page.getByRole('link', { name: 'Champions' })).toBeVisible();
	await page.screenshot({ path: 'screenshots/groups.png', fullPage: true });
});

test.describe('in Dutch', () => {
	test.use({ locale: 'nl-NL', extraHTTPHeaders: { 'Accept-Language': 'nl-NL,nl;q=0.9' } });

	test('the group pages speak Dutch, presets included', async ({ page }) => {
		const workspaceId = await workspaceWithData(page, 'klantgroepen');
		await page.goto(`/w/${workspaceId}/groups`);
		await page.getByRole('button', { name: 'Top 20% naar omzet' }).click();
		await expect(page.getByRole('link', { name: 'Top 20% naar omzet' })).toBeVisible();
		await expect(page.locator('.groups > li').first()).toContainText(/\b1 klant(?!en)/);
		await page.screenshot({ path: 'screenshots/groups-nl.png', fullPage: true });
		await page.getByRole('link', { name: 'Top 20% naar omzet' }).click();
		await expect(page.getByRole('combobox', { name: 'Veld' })).toHaveText('Positie naar omzet (top %)');
		await page.screenshot({ path: 'screenshots/group-editor-nl.png', fullPage: true });
	});
});
