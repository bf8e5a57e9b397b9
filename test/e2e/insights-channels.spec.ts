import { expect, test } from '@playwright/test';
import { createWorkspace, makeAccount, signUp } from './helpers';
import { importCsv } from './journey-helpers';

/**
 * The channels section of the insights page (channel synergy), in English and Dutch: reach and
 * conversion per channel in the chart and its table, a bar reached by keyboard with its
 * tooltip, online against offline, and single- against multi-channel customers.
 */

const PURCHASES = [
	'customer_id,date,amount,channel',
	'a,2026-01-05,100,web', 'a,2026-02-07,50,web', 'a,2026-03-09,70,shop',
	'b,2026-01-10,300,shop', 'b,2026-03-11,20,shop',
	'c,2026-02-03,40,app',
	'd,2026-02-20,60,web', 'd,2026-03-02,30,web',
	'e,2026-03-15,90,phone'
].join('\n');
const EVENTS = [
	'customer_id,date,event_type,channel',
	'a,2026-01-04,view_product,web',
	'c,2026-02-02,view_product,app',
	'd,2026-02-19,view_product,web',
	'f,2026-02-10,view_product,web',
	'g,2026-03-01,view_product,app'
].join('\n');

test('managers see how the channels work together in English and Dutch', async ({ page }) => {
	test.setTimeout(90_000);
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await signUp(page, makeAccount('channels'));
	await createWorkspace(page, 'Channel shop');
	const workspaceId = /\/w\/([^/?#]+)/.exec(page.url())![1]!;
	await importCsv(page, workspaceId, 'transactions', PURCHASES);
	await importCsv(page, workspaceId, 'events', EVENTS);

	await page.goto(`/w/${workspaceId}/insights?from=2026-01-01&to=2026-03-31&minimumRespondents=2`);
	const section = page.getByRole('region', { name: 'Channel synergy' });
	await expect(section.getByText('Do our channels work together')).toBeVisible({ timeout: 20_000 });
	// a–e bought; f and g only browsed.
	await expect(section.getByTestId('channels-basis')).toContainText('7 customers had a contact or a purchase in the period; 5 of them bought.');
	const web = section.locator('[data-testid="channel-row"][data-channel="web"]');
	// Web: reached a, d, f; contacted the same three; a and d bought there.
	await expect(web.getByTestId('channel-reach')).toHaveText('3');
	await expect(web.getByTestId('channel-kind')).toHaveText('Online');
	await expect(web.getByTestId('channel-conversion')).toHaveText('66.7%');
	const shop = section.locator('[data-testid="channel-row"][data-channel="shop"]');
	await expect(shop.getByTestId('channel-kind')).toHaveText('Offline');
	await expect(shop.getByTestId('channel-conversion')).toHaveText('only purchases recorded');

	// A bar by keyboard: its tooltip in words.
	await section.locator('[data-bar="app"]').focus();
	await expect(section.getByTestId('bars-tooltip')).toHaveText('app (Online): 2 customers reached, 1 bought through it');

	// a bought online and in the shop: the one customer who bought both ways.
	await expect(section.locator('[data-testid="channel-mix-row"][data-mix="both"]')).toContainText('1');
	await expect(section.locator('[data-testid="channel-mix-row"][data-mix="online"]')).toContainText('2');
	await expect(section.getByTestId('channels-multi')).toContainText('1');
	await expect(section.getByTestId('channels-single')).toContainText('6');
	await section.scrollIntoViewIfNeeded();
	await section.screenshot({ path: 'screenshots/insights-channels-en.png' });

	await page.request.patch('/api/v1/me', { data: { locale: 'nl' } });
	await page.reload();
	const dutch = page.getByRole('region', { name: 'Synergie tussen kanalen' });
	await expect(dutch.getByText('Werken onze kanalen samen')).toBeVisible({ timeout: 20_000 });
	await expect(dutch.locator('[data-testid="channel-row"][data-channel="web"]').getByTestId('channel-conversion')).toHaveText('66,7%');
	await expect(dutch.locator('[data-testid="channel-row"][data-channel="shop"]').getByTestId('channel-conversion')).toHaveText('alleen aankopen vastgelegd');
	await expect(dutch.getByTestId('channels-kinds')).toContainText('Offline');
	await expect(dutch.getByTestId('channels-single')).toContainText('Eén kanaal');
	await dutch.scrollIntoViewIfNeeded();
	await dutch.screenshot({ path: 'screenshots/insights-channels-nl.png' });
	expect(errors).toEqual([]);
});
