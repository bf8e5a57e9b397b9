import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { workspaceWithCdnow } from './cdnow';
import { bind, measuredBoard } from './journey-helpers';

/**
 * A workspace's currency: the CDNOW sample is in US dollars, so its owner says so on the settings
 * page, and customer value is shown in dollars from then on; an open journey map follows the
 * change without a reload.
 */

const SHOTS = '/tmp/currency-shots';

test('switching a workspace to US dollars on the settings page shows customer value in dollars', async ({ page }) => {
	mkdirSync(SHOTS, { recursive: true });
	const workspaceId = await workspaceWithCdnow(page, 'currency');
	await page.goto(`/w/${workspaceId}/value`);
	const summary = page.getByTestId('value-summary');
	await expect(summary).toContainText('€', { timeout: 15_000 });

	await page.goto(`/w/${workspaceId}/settings`);
	const settings = page.getByTestId('currency-settings');
	await expect(settings.getByText('Only changes how amounts are shown: nothing is converted.')).toBeVisible();
	const select = settings.getByRole('combobox', { name: 'Currency' });
	await expect(select).toHaveText('Euro (EUR)');
	await page.screenshot({ path: `${SHOTS}/settings-en.png`, fullPage: true });
	await select.click();
	await page.getByRole('option', { name: 'US Dollar (USD)' }).click();
	await settings.getByRole('button', { name: 'Save' }).click();
	await expect(settings.getByRole('status')).toHaveText('Saved');
	await expect(select).toHaveText('US Dollar (USD)');
	expect((await (await page.request.get(`/api/v1/workspaces/${workspaceId}`)).json()).currency).toBe('USD');

	await page.getByRole('link', { name: 'Customer value' }).click();
	await expect(summary).toContainText('US$', { timeout: 15_000 });
	await expect(summary).not.toContainText('€');
	await expect(page.getByRole('img', { name: 'Distribution of customer value' })).toContainText('US$');
	await page.screenshot({ path: `${SHOTS}/value-usd.png`, fullPage: true });

	// In Dutch the same dollars, with Dutch separators and the currency named in Dutch.
	await page.request.patch('/api/v1/me', { data: { locale: 'nl' } });
	await page.goto(`/w/${workspaceId}/settings`);
	await expect(settings.getByRole('combobox', { name: 'Valuta' })).toHaveText('Amerikaanse dollar (USD)');
	await expect(settings.getByText('Verandert alleen hoe bedragen worden getoond: er wordt niets omgerekend.')).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/settings-nl.png`, fullPage: true });
	await page.goto(`/w/${workspaceId}/value`);
	await expect(summary).toContainText(/US\$\s[\d.]+,\d\d/, { timeout: 15_000 });
});

/** 100 customers view a product, 60 go on to compare, 20 check out; all bought before. */
const ids = Array.from({ length: 100 }, (_, i) => `c${String(i + 1).padStart(3, '0')}`);
const journey = {
	customers: ['customer_id,city', ...ids.map((id) => `${id},Utrecht`)].join('\n'),
	events: [
		'customer_id,date,event_type',
		...ids.map((id) => `${id},2026-05-01,product_view`),
		...ids.slice(0, 60).map((id) => `${id},2026-05-02,compare`),
		...ids.slice(0, 20).map((id) => `${id},2026-05-03,checkout`)
	].join('\n'),
	answers: 'customer_id,date,kind,score\nc001,2026-05-02,csat,4',
	transactions: [
		'customer_id,date,amount',
		...ids.flatMap((id, i) =>
			Array.from({ length: 1 + (i % 4) }, (_, k) => `${id},2025-${String(6 + ((i + 3 * k) % 6)).padStart(2, '0')}-${String(1 + ((i * 7 + k * 5) % 27)).padStart(2, '0')},${40 + ((i * 13 + k * 29) % 90)}`)
		)
	].join('\n')
};

test('an open journey map shows its value at risk in the new currency as soon as an owner changes it', async ({ page }) => {
	mkdirSync(SHOTS, { recursive: true });
	const boardId = await measuredBoard(page, 'currency-board', 'en', journey);
	await bind(page, 'Lands on a product page from search', 'product_view');
	await bind(page, 'Compares variants and reads reviews', 'compare');
	await bind(page, 'Checkout', 'checkout');
	await expect(page.getByTestId('step-figures')).toHaveCount(3, { timeout: 10_000 });
	const risk = page.getByText(/ at risk$/).first();
	await expect(risk).toHaveText(/^€[\d,]+ at risk$/);

	const { workspaceId } = await (await page.request.get(`/api/v1/boards/${boardId}`)).json();
	expect((await page.request.patch(`/api/v1/workspaces/${workspaceId}`, { data: { currency: 'USD' } })).status()).toBe(200);
	// No reload: the change stream brings the new currency to the open map.
	await expect(risk).toHaveText(/^US\$[\d,]+ at risk$/, { timeout: 10_000 });
	await page.keyboard.press('Escape');
	await risk.scrollIntoViewIfNeeded();
	await page.screenshot({ path: `${SHOTS}/board-usd.png` });
});
