import { expect, test } from '@playwright/test';

/** The customer-data page: Dutch exports go in, the overview shows what arrived. */

const dutchTransactions = [
	'klantnummer;datum;bedrag;aantal;kanaal;categorie',
	'K001;03-01-2025;€ 12,50;1;web;kleding',
	'K001;15-02-2025;1.234,56;2;winkel;wonen',
	'K002;20-02-2025;45,00;1;app;sport',
	''
].join('\r\n');

test('a Dutch semicolon export imports with a progress bar, and the overview counts it', async ({ page }) => {
	const email = `data-${Date.now()}@example.com`;
	await page.request.post('/api/v1/auth/signup', { data: { email, password: 'correct horse battery', name: 'Data' } });
	const workspace = await (await page.request.post('/api/v1/workspaces', { data: { name: 'Webwinkel' } })).json();

	await page.goto(`/w/${workspace.id}/data`);
	await page.getByLabel('File').setInputFiles({ name: 'transacties.csv', mimeType: 'text/csv', buffer: Buffer.from(dutchTransactions) });
	await page.getByLabel('Contains').selectOption('transactions');
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	const status = page.locator('.status .line');
	await expect(status.getByText('Done')).toBeVisible({ timeout: 15_000 });
	await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', '100');
	await expect(page.getByText('3 rows read · 3 imported · 0 invalid')).toBeVisible();
	const transactions = page.locator('.stats div').filter({ hasText: 'Transactions' });
	await expect(transactions.locator('dd')).toHaveText('3');
	await expect(page.locator('.stats div').filter({ hasText: 'Customers' }).locator('dd')).toHaveText('2');

	// The progress survives a reload: the import is in the address.
	await page.reload();
	await expect(page.getByText('3 rows read · 3 imported · 0 invalid')).toBeVisible();
	await page.screenshot({ path: 'screenshots/data-import.png', fullPage: true });

	// A file with a bad amount imports nothing and says which row and why.
	const broken = dutchTransactions.replace('45,00', 'vijfenveertig');
	await page.getByLabel('File').setInputFiles({ name: 'kapot.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(status.getByText('Failed — nothing was imported')).toBeVisible({ timeout: 15_000 });
	await expect(page.getByRole('table', { name: 'Invalid rows' }).getByText('vijfenveertig')).toBeVisible();
	await expect(transactions.locator('dd')).toHaveText('3');
	// Both imports are in the history, the failed one on top.
	const history = page.locator('table').filter({ hasText: 'Result' }).locator('tbody tr');
	await expect(history).toHaveCount(2);
	await expect(history.first()).toContainText('kapot.csv');
	await expect(history.first()).toContainText('Failed');
	await expect(history.nth(1)).toContainText('3 / 3');
	await page.screenshot({ path: 'screenshots/data-import-errors.png', fullPage: true });
});
