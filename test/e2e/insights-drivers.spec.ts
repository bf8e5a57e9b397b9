import { expect, test } from '@playwright/test';
import { plantedJourney } from '../../src/lib/server/analytics/drivers/planted-journey.fixture';
import { bind, measuredBoard } from './journey-helpers';

/**
 * Drop-off drivers on the insights page: a webshop map whose product page and checkout are bound
 * to a generated journey in which customers who contact customer service twice drop off three
 * times as often. A manager asks why customers drop off after the product page, reads the
 * driver, adds it to the map as a drop-off cause card and finds its evidence on the card.
 */

const journey = plantedJourney(600, 5, Date.UTC(2026, 0, 5));
const customers = ['customer_id,income_band', ...journey.incomeBand.map((band, c) => `p${c},${band}`)].join('\n');
const events = ['customer_id,timestamp,event_type,channel', ...journey.events.map((e) => `p${e.customer},${new Date(e.at).toISOString()},${e.type},${e.channel}`)].join('\n');
const answers = ['customer_id,date,kind,score,step,comment', 'p0,2026-01-06,csat,4,visit,'].join('\n');
const PERIOD = 'from=2026-01-01&to=2026-12-31';

test('a manager finds why customers drop off after a step and adds the driver to the map', async ({ page }) => {
	test.setTimeout(90_000);
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	const boardId = await measuredBoard(page, 'drivers', 'en', { customers, events, answers });
	const { workspaceId } = await (await page.request.get(`/api/v1/boards/${boardId}`)).json();
	await bind(page, 'Lands on a product page from search', 'visit');
	await bind(page, 'Checkout', 'checkout');
	await expect(page.getByTestId('step-figures')).toHaveCount(2, { timeout: 10_000 });

	await page.goto(`/w/${workspaceId}/insights?${PERIOD}`);
	const rows = page.getByTestId('leaks').locator('tbody tr');
	const productPage = rows.filter({ hasText: 'Lands on a product page from search' });
	await productPage.getByRole('link', { name: /Why customers drop off after “Lands on a product page from search”/ }).click();
	await expect(page).toHaveURL(/driversStep=/);

	const panel = page.getByTestId('drivers');
	await expect(panel.getByRole('heading', { name: 'Why customers drop off after “Lands on a product page from search” (Webshop)' })).toBeVisible({ timeout: 15_000 });
	await expect(panel).toContainText('An association, not a cause');
	const dropped = journey.dropped.filter(Boolean).length;
	await expect(page.getByTestId('drivers-summary')).toContainText(`Of 600 customers who reached this step, ${dropped} did not go on.`);
	const first = panel.locator('tbody tr').first();
	await expect(first.getByRole('rowheader')).toContainText('Did “Contact customer service” at least twice after this step');
	await expect(first.getByRole('rowheader')).toContainText(/drop off \d\.\d+× as often/);
	// Neutral traits are not listed as drivers.
	await expect(panel.locator('tbody tr').filter({ hasText: 'Income band' })).toHaveCount(0);
	await panel.screenshot({ path: 'screenshots/insights-drivers-en.png' });

	await first.getByRole('button', { name: 'Add to map' }).click();
	await expect(panel.getByRole('status').filter({ hasText: 'Added to the map as a drop-off cause' })).toBeVisible();
	// The new card is now a cause of the leak.
	await expect(productPage).toContainText('Did “Contact customer service” at least twice after this step: drop off');

	await panel.getByRole('link', { name: 'Open the card' }).click();
	await expect(page).toHaveURL(new RegExp(`/b/${boardId}\\?card=`));
	const evidence = page.getByTestId('driver-evidence');
	await expect(evidence).toContainText('From the drop-off drivers', { timeout: 10_000 });
	await expect(evidence).toContainText('odds ratio');
	await expect(evidence).toContainText('not a proven cause');
	await page.screenshot({ path: 'screenshots/insights-driver-card-en.png' });

	// The same panel in Dutch.
	await page.request.patch('/api/v1/me', { data: { locale: 'nl' } });
	await page.goBack();
	await page.reload();
	await expect(panel.getByRole('heading', { name: /Waarom klanten afhaken na/ })).toBeVisible({ timeout: 15_000 });
	await expect(panel.locator('tbody tr').first().getByRole('rowheader')).toContainText('minstens twee keer na deze stap');
	await expect(panel).toContainText('Een samenhang, geen oorzaak');
	await panel.screenshot({ path: 'screenshots/insights-drivers-nl.png' });

	// A kept link to a step that is no longer measured: the page, with a word in place of the drivers.
	const stale = await page.goto(`/w/${workspaceId}/insights?${PERIOD}&driversBoard=${boardId}&driversStep=gone`);
	expect(stale?.status()).toBe(200);
	await expect(page.locator('#drivers')).toContainText('Deze stap wordt niet meer gemeten');
	await expect(page.getByTestId('leaks')).toBeVisible();
	expect(errors).toEqual([]);
});
