import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

/** The data overview's quality figures, and the error report of a failed import. */

// Three customers: e-mail 2 of 3 (shared by two numbers), city 1 of 3.
const customers = ['klantnummer;naam;e-mail;woonplaats', 'K1;Anna;anna@example.nl;Utrecht', 'K2;Bram;ANNA@example.nl;', 'K3;Carla;;', ''].join('\r\n');
const brokenTransactions = ['klantnummer;datum;bedrag', 'K1;03-01-2025;12,50', 'K2;31-02-2025;vijf', ''].join('\r\n');

async function importFile(page: Page, name: string, content: string, kind: string, result: string) {
	await page.getByLabel('File').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
	await page.getByRole('combobox', { name: 'Contains', exact: true }).click();
	await page.getByRole('option', { name: kind, exact: true }).click();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.locator('.status .line').getByText(result)).toBeVisible({ timeout: 15_000 });
}

test('the overview shows completeness, staleness and duplicates, and a failed import has a downloadable error report', async ({ page }) => {
	mkdirSync('screenshots', { recursive: true });
	const email = `quality-${Date.now()}@example.com`;
	await page.request.post('/api/v1/auth/signup', { data: { email, password: 'correct horse battery', name: 'Quality' } });
	const workspace = await (await page.request.post('/api/v1/workspaces', { data: { name: 'Webwinkel' } })).json();

	await page.goto(`/w/${workspace.id}/data`);
	await importFile(page, 'klanten.csv', customers, 'Customers', 'Done');

	const completeness = page.getByRole('table', { name: /Customers · 3 rows/ });
	await expect(completeness).toBeVisible();
	await expect(completeness.getByRole('row', { name: /E-mail address/ })).toContainText('67%');
	const city = completeness.getByRole('row', { name: /City/ });
	await expect(city).toContainText('33%');
	await expect(city.getByRole('img', { name: 'Less than 50% filled' })).toBeVisible();
	await expect(page.locator('li').filter({ hasText: 'klanten.csv' })).toContainText('Current');
	await expect(page.getByText('2 customers involved')).toBeVisible();
	await expect(page.getByText('K1, K2')).toBeVisible();

	await importFile(page, 'kapot.csv', brokenTransactions, 'Transactions', 'Failed — nothing was imported');
	const history = page.locator('table').filter({ hasText: 'Result' }).locator('tbody tr');
	await expect(history.first()).toContainText('kapot.csv');
	const report = history.first().getByRole('link', { name: 'Error report (2)' });
	await expect(report).toBeVisible();
	await expect(history.nth(1).getByRole('link', { name: /Error report/ })).toHaveCount(0);
	const [download] = await Promise.all([page.waitForEvent('download'), report.click()]);
	expect(download.suggestedFilename()).toBe('kapot-errors.csv');
	const csv = readFileSync(await download.path(), 'utf8');
	expect(csv.split('\r\n')[0]).toBe('\uFEFFrow,column,value,message');
	expect(csv).toContain('3,bedrag,vijf,');

	for (const locale of ['en', 'nl'] as const) {
		if (locale === 'nl') {
			await page.request.patch('/api/v1/me', { data: { locale: 'nl' } });
			await page.reload();
			await expect(page.getByRole('heading', { name: 'Volledigheid per kolom' })).toBeVisible();
			// Both the import panel and the history offer it.
			await expect(page.getByRole('link', { name: 'Foutenrapport (2)' })).toHaveCount(2);
			await expect(page.getByRole('link', { name: 'Foutenrapport (2)' }).first()).toHaveAttribute(
				'href',
				/errors\.csv\?delimiter=semicolon$/
			);
		}
		for (const [device, width] of [['desktop', 1280], ['phone', 390]] as const) {
			await page.setViewportSize({ width, height: 900 });
			await page.waitForLoadState('networkidle');
			await page.screenshot({ path: `screenshots/data-quality-${locale}-${device}.png`, fullPage: true });
		}
		await page.setViewportSize({ width: 1280, height: 900 });
	}
});
