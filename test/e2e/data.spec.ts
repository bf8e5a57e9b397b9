import { expect, test, type Page } from '@playwright/test';

/** The customer-data page: Dutch exports go in through a preview, the overview shows what arrived. */

// Two amount columns: the import recognises "bedrag" (excl. VAT), the team wants the total.
const dutchTransactions = [
	'klantnummer;datum;bedrag;totaal incl btw;aantal;kanaal;categorie',
	'K001;03-01-2025;€ 10,33;€ 12,50;1;web;kleding',
	'K001;15-02-2025;1.020,30;1.234,56;2;winkel;wonen',
	'K002;20-02-2025;37,19;45,00;1;app;sport',
	''
].join('\r\n');

async function dataPage(page: Page, name: string) {
	const email = `data-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
	await page.request.post('/api/v1/auth/signup', { data: { email, password: 'correct horse battery', name: 'Data' } });
	const workspace = await (await page.request.post('/api/v1/workspaces', { data: { name } })).json();
	await page.goto(`/w/${workspace.id}/data`);
	return workspace as { id: string };
}

const chooseFile = (page: Page, label: string, name: string, content: string) =>
	page.getByLabel(label, { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });

async function pick(page: Page, combobox: string, option: string) {
	await page.getByRole('combobox', { name: combobox, exact: true }).click();
	await page.getByRole('option', { name: option, exact: true }).click();
}

test('a Dutch semicolon export: preview, change a column, import with a progress bar, see the overview', async ({ page }) => {
	const workspace = await dataPage(page, 'Webwinkel');
	await chooseFile(page, 'File', 'transacties.csv', dutchTransactions);

	// The preview reads the file as the import will, and maps the columns it recognises.
	const preview = page.getByRole('region', { name: 'Check the columns' });
	await expect(preview.getByText('Read as CSV · encoding utf-8 · Semicolon')).toBeVisible();
	const amount = preview.getByRole('row', { name: /^Amount/ });
	await expect(amount.getByRole('combobox', { name: 'Amount' })).toHaveText('bedrag (Column 3)');
	await expect(amount.getByRole('cell', { name: '1,020.3' })).toBeVisible();
	await expect(preview.getByRole('row', { name: /^Date/ }).getByRole('cell', { name: '15 Feb 2025' })).toBeVisible();
	await expect(preview.getByText('The first 3 rows are valid with this mapping')).toBeVisible();

	// The team wants the amount including VAT: another column feeds "Amount".
	await pick(page, 'Amount', 'totaal incl btw (Column 4)');
	await expect(amount.getByRole('cell', { name: '1,234.56' })).toBeVisible();
	// Leaving out a required field blocks the import and says which.
	await pick(page, 'Customer number', '— not imported —');
	await expect(preview.getByText('Choose a column for every required field: Customer number')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
	await pick(page, 'Customer number', 'klantnummer (Column 1)');
	await page.screenshot({ path: 'screenshots/data-import-preview.png', fullPage: true });

	await page.getByRole('button', { name: 'Import', exact: true }).click();
	const status = page.locator('.status .line');
	await expect(status.getByText('Done')).toBeVisible({ timeout: 15_000 });
	await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', '100');
	await expect(page.getByText('3 rows read · 3 imported · 0 invalid')).toBeVisible();
	const transactions = page.locator('.stats div').filter({ hasText: 'Transactions' });
	await expect(transactions.locator('dd')).toHaveText('3');
	await expect(page.locator('.stats div').filter({ hasText: 'Customers' }).locator('dd')).toHaveText('2');
	// The adjusted mapping is what was imported: the amounts including VAT.
	const summary = await (await page.request.get(`/api/v1/workspaces/${workspace.id}/data/summary`)).json();
	expect(summary.transactions.amount).toBeCloseTo(12.5 + 1234.56 + 45, 6);

	// The progress survives a reload: the import is in the address.
	await page.reload();
	await expect(page.getByText('3 rows read · 3 imported · 0 invalid')).toBeVisible();
	await page.screenshot({ path: 'screenshots/data-import.png', fullPage: true });

	// A file with a bad amount shows the bad cell in the preview; importing anyway writes nothing.
	const broken = dutchTransactions.replace('45,00', 'vijfenveertig');
	await chooseFile(page, 'File', 'kapot.csv', broken);
	await expect(preview.getByText('The first 3 rows are valid with this mapping')).toBeVisible();
	await pick(page, 'Amount', 'totaal incl btw (Column 4)');
	await expect(preview.getByText('1 of the first 3 rows is not valid with this mapping')).toBeVisible();
	await expect(amount.getByRole('cell', { name: '⚠ vijfenveertig' })).toBeVisible();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(status.getByText('Failed — nothing was imported')).toBeVisible({ timeout: 15_000 });
	const invalid = page.getByRole('table', { name: 'Invalid rows' });
	await expect(invalid.getByText('vijfenveertig')).toBeVisible();
	await expect(invalid.getByText(/^Expected a number such as/)).toBeVisible();
	await expect(page.getByText(/^1 row is not valid; nothing was imported\./)).toBeVisible();
	await expect(transactions.locator('dd')).toHaveText('3');
	// Both imports are in the history, the failed one on top.
	const history = page.locator('table').filter({ hasText: 'Result' }).locator('tbody tr');
	await expect(history).toHaveCount(2);
	await expect(history.first()).toContainText('kapot.csv');
	await expect(history.first()).toContainText('Failed');
	await expect(history.nth(1)).toContainText('3 / 3');
	await page.screenshot({ path: 'screenshots/data-import-errors.png', fullPage: true });

	// Why it failed, in the reader's language.
	await page.request.patch('/api/v1/me', { data: { locale: 'nl' } });
	await page.reload();
	await expect(page.getByText(/^1 rij is niet geldig; er is niets geïmporteerd\./)).toBeVisible();
	await page.screenshot({ path: 'screenshots/data-import-failed-nl.png', fullPage: true });
});

test('a mapping saved for a headerless file is chosen again for the next one', async ({ page }) => {
	await dataPage(page, 'CDNOW');
	const cdnow = '00001 19970101  1  11.77\n00002 19970112  1  12.00\n00002 19970112  5  77.00\n';
	await chooseFile(page, 'File', 'cdnow.txt', cdnow);
	const preview = page.getByRole('region', { name: 'Check the columns' });
	await expect(preview.getByText('Read as CSV · encoding utf-8 · Spaces (fixed columns)')).toBeVisible();
	await expect(page.getByLabel('The first row holds column names')).not.toBeChecked();
	await pick(page, 'Customer number', 'Column 1');
	await pick(page, 'Date', 'Column 2');
	await pick(page, 'Quantity', 'Column 3');
	await pick(page, 'Amount', 'Column 4');
	await page.getByLabel('Save this mapping as…').fill('CDNOW');
	await page.getByRole('button', { name: 'Save mapping' }).click();
	await expect(preview.getByText('Mapping “CDNOW” saved')).toBeVisible();

	await page.reload();
	await chooseFile(page, 'File', 'cdnow-2.txt', cdnow);
	await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
	await pick(page, 'Saved mapping', 'CDNOW');
	await expect(page.getByRole('combobox', { name: 'Amount' })).toHaveText('Column 4');
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByText('3 rows read · 3 imported · 0 invalid')).toBeVisible({ timeout: 15_000 });
});

test('the import preview at desktop and phone width, in English and Dutch', async ({ page }) => {
	await dataPage(page, 'Screenshots');
	for (const locale of ['en', 'nl'] as const) {
		if (locale === 'nl') {
			await page.request.patch('/api/v1/me', { data: { locale: 'nl' } });
			await page.reload();
		}
		for (const [width, height, label] of [[1280, 900, 'desktop'], [390, 844, 'phone']] as const) {
			await page.setViewportSize({ width, height });
			await chooseFile(page, locale === 'en' ? 'File' : 'Bestand', 'transacties.csv', dutchTransactions.replace('45,00', 'vijfenveertig'));
			await expect(page.locator('.mapping tbody tr').first()).toBeVisible();
			// The amount including VAT, with its one bad cell: the preview shows the mistake.
			await pick(page, locale === 'en' ? 'Amount' : 'Bedrag', locale === 'en' ? 'totaal incl btw (Column 4)' : 'totaal incl btw (Kolom 4)');
			await page.screenshot({ path: `screenshots/data-preview-${label}-${locale}.png`, fullPage: true });
		}
	}
});
