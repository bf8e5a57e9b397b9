import { expect, test } from '@playwright/test';
import { startServer, type ServerProcess } from '../integration/server-process';

/**
 * The demo's first minute: its customer data is generated and imported in the background. The
 * data page and the map say it is on its way, with progress, instead of "never imported" and
 * "0 reached" (the integration test follows it until the figures are in). A server of its own, with
 * the demo on, in Dutch.
 */

let server: ServerProcess;
test.beforeAll(async () => {
	server = await startServer({ env: { WAYMARK_DEMO: 'on', WAYMARK_DEMO_CUSTOMERS: '10000', WAYMARK_DEMO_LOCALE: 'nl' } });
});
test.afterAll(async () => {
	await server?.dispose();
});

test('a Dutch newcomer sees the demo data arriving on the data page and the map, instead of figures', async ({ browser }) => {
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
	// While the demo data is generated the server answers slowly (that work is being moved off its thread).
	await expect(underWay).toBeVisible({ timeout: 60_000 });
	await expect(underWay).toContainText('Klantdata onderweg');
	await expect(page.getByText('Nooit geïmporteerd')).toHaveCount(0);
	await page.screenshot({ path: '/tmp/nc/data-under-way-nl.png', fullPage: true });

	await page.getByRole('link', { name: 'Klantreiskaarten' }).click();
	await page.getByRole('link', { name: 'Klantreis online bestelling' }).click();
	const lane = page.getByTestId('metrics-importing');
	// The server is busy importing: the first figures take a while.
	await expect(lane).toBeVisible({ timeout: 90_000 });
	await expect(lane).toContainText('Klantdata is onderweg');
	// No step shows a count meanwhile, neither in the lane nor as a badge on its card.
	await expect(page.getByText(/^0 bereikt/)).toHaveCount(0);
	await expect(page.locator('[data-testid="step-figures"] .reached')).toHaveCount(0);
	await expect(page.locator('.card .measure')).toHaveCount(0);
	await page.screenshot({ path: '/tmp/nc/map-under-way-nl.png' });
	// The whole map, its metrics lane at the bottom included (an element shot waits for a steady
	// element, and the progress keeps moving).
	await page.getByRole('button', { name: 'Passend maken' }).click();
	await page.screenshot({ path: '/tmp/nc/lane-under-way-nl.png' });

	await context.close();
});
