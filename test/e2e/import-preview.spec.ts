import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ORDERS_SHEET, writeOrdersWorkbook } from '../workbooks';

/*
 * The import preview tells the truth: a workbook of several megabytes is previewed like a small
 * one, the rows it counts as invalid are the rows it lists, and rows dated after today are
 * named before the import and flagged in the overview after it.
 */

const SHOTS = process.env.WAYMARK_SCREENSHOTS ?? join(tmpdir(), 'waymark-preview-shots');
mkdirSync(SHOTS, { recursive: true });

async function dataPage(page: Page, name: string) {
	const email = `preview-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
	await page.request.post('/api/v1/auth/signup', { data: { email, password: 'correct horse battery', name: 'Preview' } });
	const workspace = (await (await page.request.post('/api/v1/workspaces', { data: { name } })).json()) as { id: string };
	await page.goto(`/w/${workspace.id}/data`);
	return workspace;
}

async function pick(page: Page, combobox: string, option: string) {
	await page.getByRole('combobox', { name: combobox, exact: true }).click();
	await page.getByRole('option', { name: option, exact: true }).click();
}

const DAY = 86_400_000;
const dutchDate = (ms: number) => {
	const d = new Date(ms);
	return `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
};
const shown = (date: Date, locale: 'en-GB' | 'nl-NL') => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);

test('a workbook of several megabytes is previewed on the data page, and Import takes it', async ({ page }) => {
	test.setTimeout(240_000);
	const dir = mkdtempSync(join(tmpdir(), 'waymark-e2e-workbook-'));
	try {
		const path = join(dir, 'orders.xlsx');
		const bytes = await writeOrdersWorkbook(path, 64_000);
		expect(bytes).toBeGreaterThan(2 * 1024 * 1024);
		await dataPage(page, 'Webwinkel');
		await page.getByLabel('File', { exact: true }).setInputFiles(path);

		const preview = page.getByRole('region', { name: 'Check the columns' });
		await expect(preview.getByText('Read as Excel · sheet Toelichting')).toBeVisible({ timeout: 30_000 });
		const start = page.getByRole('button', { name: 'Import', exact: true });
		// The notes sheet has no orders: the preview says what is missing.
		await expect(start).toBeDisabled();
		await pick(page, 'Sheet', ORDERS_SHEET);
		await expect(preview.getByText('The first 20 rows are valid with this mapping')).toBeVisible({ timeout: 30_000 });
		await expect(start).toBeEnabled();
		await page.screenshot({ path: join(SHOTS, 'workbook-preview-en.png'), fullPage: true });

		await start.click();
		await expect(page.locator('.status .line').getByText('Done')).toBeVisible({ timeout: 180_000 });
		await expect(page.getByText('64,000 rows read · 64,000 imported · 0 invalid')).toBeVisible();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('the preview lists every invalid row it counts and names rows dated after today; the overview flags them', async ({ page }) => {
	test.setTimeout(120_000);
	const now = Date.now();
	const soon = Math.floor(now / DAY) * DAY + 90 * DAY;
	const file = [
		'klantnummer;datum;bedrag',
		'K1;05-03-2025;10,00',
		'K2;31-02-2025;twaalf',
		';gisteren;',
		'K4;06-03-2025;x',
		`K5;${dutchDate(soon)};12,50`,
		'K6;;2',
		'K7;99-99-9999;3',
		'K8;08-03-2025;veel',
		''
	].join('\r\n');
	const choose = () => page.getByLabel(/^(File|Bestand)$/).setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
	const workspace = await dataPage(page, 'Webwinkel');
	await choose();

	const preview = page.getByRole('region', { name: 'Check the columns' });
	await expect(preview.getByText('6 of the first 8 rows are not valid with this mapping')).toBeVisible();
	const invalid = preview.getByTestId('preview-invalid-rows').getByRole('listitem');
	await expect(invalid).toHaveCount(6);
	await expect(invalid.first()).toHaveText(
		'Row 3: datum “31-02-2025”: Expected a date such as 31-12-2024, 2024-12-31, 31/12/2024, 20241231 or an ISO timestamp; ' +
			'bedrag “twaalf”: Expected a number such as 12.50, 12,50, 1.234,56 or € 12,50'
	);
	await expect(invalid.nth(1)).toContainText('Row 4: klantnummer: Required');
	await expect(invalid.last()).toContainText('Row 9: bedrag “veel”');

	const today = shown(new Date(now), 'en-GB');
	await expect(
		preview.getByText(
			`1 of the first 8 rows is dated after today (${today}). It will be imported and flagged in the data overview, but figures are computed up to today and leave it out.`
		)
	).toBeVisible();
	await expect(preview.getByTestId('preview-future-rows').getByRole('listitem')).toHaveText([`Row 6: ${shown(new Date(soon), 'en-GB')}`]);
	await page.screenshot({ path: join(SHOTS, 'preview-invalid-future-en.png'), fullPage: true });

	// All or nothing: the message names the option to choose, not an API parameter.
	const start = page.getByRole('button', { name: 'Import', exact: true });
	await start.click();
	const status = page.locator('.status .line');
	await expect(status.getByText('Failed — nothing was imported')).toBeVisible({ timeout: 15_000 });
	await expect(
		page.getByText('6 rows are not valid; nothing was imported. Fix them, or import again with “Import the valid rows and skip invalid ones” to leave them out')
	).toBeVisible();

	await page.getByRole('checkbox', { name: /^Import the valid rows and skip invalid ones/ }).check();
	await start.click();
	// Six rows were left out (with nine bad cells between them).
	await expect(page.getByText('8 rows read · 2 imported · 6 invalid')).toBeVisible({ timeout: 15_000 });
	const future = page.locator('.future');
	await expect(future.getByText(`1 transaction is dated in the future (${shown(new Date(soon), 'en-GB')})`)).toBeVisible();
	await expect(future).toContainText('They are kept, but recency, RFM scores, customer value and cohorts are computed up to today');
	await future.scrollIntoViewIfNeeded();
	await page.screenshot({ path: join(SHOTS, 'overview-future-en.png'), fullPage: true });

	const summary = await (await page.request.get(`/api/v1/workspaces/${workspace.id}/data/summary`)).json();
	expect(summary.futureDated.kinds[0]).toEqual({ kind: 'transactions', count: 1, latest: new Date(soon).toISOString() });

	await page.request.patch('/api/v1/me', { data: { locale: 'nl' } });
	await page.reload();
	await expect(page.locator('.future').getByText(`1 transactie heeft een datum in de toekomst (${shown(new Date(soon), 'nl-NL')})`)).toBeVisible();
	await choose();
	const voorbeeld = page.getByRole('region', { name: 'Controleer de kolommen' });
	await expect(voorbeeld.getByText('6 van de eerste 8 rijen zijn ongeldig met deze koppeling')).toBeVisible();
	await expect(voorbeeld.getByTestId('preview-invalid-rows').getByRole('listitem')).toHaveCount(6);
	await expect(voorbeeld.getByText(`1 van de eerste 8 rijen heeft een datum na vandaag (${shown(new Date(now), 'nl-NL')}).`, { exact: false })).toBeVisible();
	await page.screenshot({ path: join(SHOTS, 'preview-invalid-future-nl.png'), fullPage: true });
});
