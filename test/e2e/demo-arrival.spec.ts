import { expect, test } from '@playwright/test';
import { startServer, type ServerProcess } from '../integration/server-process';

/**
 * The demo's first minute: its customer data is generated and imported in the background. The
 * data page and the map say it is on its way, with progress, instead of "never imported" and
 * "0 reached"; once it is in, the figures show. A server of its own, with the demo on, in Dutch.
 */

let server: ServerProcess;
test.beforeAll(async () => {
	server = await startServer({ env: { WAYMARK_DEMO: 'on', WAYMARK_DEMO_CUSTOMERS: '3000', WAYMARK_DEMO_LOCALE: 'nl' } });
});
test.afterAll(async () => {
	await server?.dispose();
});

test('a Dutch newcomer sees the demo data arriving on the data page and the map, then the figures', async ({ browser }) => {
	test.setTimeout(240_000);
	const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1440, height: 900 }, extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.90' } });
	const page = await context.newPage();
	await page.goto(`${server.baseUrl}/login`);
	await page.getByLabel('E-mailadres').fill('demo@waymark.local');
	await page.getByLabel('Wachtwoord').fill('waymark-demo');
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await page.getByRole('link', { name: 'Demowerkruimte' }).click();

	await page.getByRole('link', { name: 'Klantdata' }).click();
	const underWay = page.getByTestId('data-under-way');
	await expect(underWay).toBeVisible();
	await expect(underWay).toContainText('Klantdata onderweg');
	await expect(page.getByText('Nooit geïmporteerd')).toHaveCount(0);
	await page.screenshot({ path: '/tmp/nc/data-under-way-nl.png', fullPage: true });

	await page.getByRole('link', { name: 'Klantreiskaarten' }).click();
	await page.getByRole('link', { name: 'Klantreis online bestelling' }).click();
	const lane = page.getByTestId('metrics-importing');
	await expect(lane).toBeVisible({ timeout: 20_000 });
	await expect(lane).toContainText('Klantdata is onderweg');
	await expect(page.getByText(/^0 bereikt/)).toHaveCount(0);
	await page.screenshot({ path: '/tmp/nc/map-under-way-nl.png' });

	// Once it is all in, the lane shows the figures without a reload.
	await expect(lane).toHaveCount(0, { timeout: 200_000 });
	await expect(page.getByTestId('step-figures').first()).toBeVisible();
	await page.screenshot({ path: '/tmp/nc/map-arrived-nl.png' });
	await context.close();
});
