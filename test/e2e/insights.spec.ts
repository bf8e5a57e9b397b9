import { expect, test } from '@playwright/test';
import { bind, importCsv, measuredBoard, webshopCustomers, webshopEvents, webshopIds } from './journey-helpers';

/**
 * The insights page of a workspace with a measured webshop map: the headline figures against
 * the month before, the leaks ranked by value at risk, in English and Dutch, and a leak row
 * opening its card on the map.
 */

const ids = webshopIds;
const [customers, events] = [webshopCustomers, webshopEvents];
const answers = [
	'customer_id,date,kind,score,step,comment',
	...ids.slice(0, 10).map((id, i) => `${id},2026-05-03,csat,${i < 7 ? 5 : 2},checkout,`)
].join('\n');
// May: the ten who checked out, half of them twice. April: ten who later stopped at comparing.
const transactions = [
	'customer_id,date,amount',
	...ids.slice(0, 10).map((id) => `${id},2026-05-03,80`),
	...ids.slice(0, 5).map((id) => `${id},2026-05-20,40`),
	...ids.slice(10, 20).map((id) => `${id},2026-04-10,120`)
].join('\n');

test('managers read the headline and the ranked leaks in English and Dutch, and open a leak on its map', async ({ page }) => {
	// Three imports, three bindings over the websocket and two languages on a shared machine.
	test.setTimeout(90_000);
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	const boardId = await measuredBoard(page, 'insights', 'en', { customers, events, answers });
	const { workspaceId } = await (await page.request.get(`/api/v1/boards/${boardId}`)).json();
	await importCsv(page, workspaceId, 'transactions', transactions);
	await bind(page, 'Lands on a product page from search', 'product_view');
	await bind(page, 'Compares variants and reads reviews', 'compare');
	await bind(page, 'Checkout', 'checkout');
	await expect(page.getByTestId('step-figures')).toHaveCount(3, { timeout: 10_000 });

	await page.goto(`/w/${workspaceId}`);
	const tabs = page.getByRole('navigation', { name: 'Workspace sections' }).getByRole('link');
	await expect(tabs.first()).toHaveText('Insights');
	await tabs.first().click();
	await expect(page).toHaveURL(new RegExp(`/w/${workspaceId}/insights$`));
	// Without dates: the last 90 days of the data, which end on 20 May.
	await expect(page.getByTestId('insights-period')).toContainText('the last 90 days of the data');

	await page.goto(`/w/${workspaceId}/insights?from=2026-05-01&to=2026-05-31`);
	await expect(page.getByText('How did we do in this period, against the period of the same length before it?')).toBeVisible();
	const tile = (id: string) => page.getByTestId(`headline-${id}`);
	await expect(tile('customers').getByTestId('value')).toHaveText('10');
	await expect(tile('customers').getByTestId('change')).toHaveText('0 against the period before');
	await expect(tile('csat').getByTestId('value')).toHaveText('70% *');
	await expect(tile('csat')).toContainText('Only 10: too few to read much into');
	await expect(tile('csat').getByTestId('change')).toHaveText('no comparison: the period before has no data');
	await expect(tile('repeat').getByTestId('value')).toHaveText('50% *');
	await expect(tile('nps').getByTestId('value')).toHaveText('no data');
	await expect(tile('nps').getByTestId('change')).toHaveCount(0);
	await expect(tile('repeat').getByTestId('change')).toHaveText('+50 pp against the period before');
	await expect(tile('clv-total').getByTestId('value')).toContainText('€');

	// The comparing step loses the April buyers: the most value at risk, above the product page's equal drop-off.
	await expect(page.getByTestId('leaks-ranking')).toHaveText('Every measured step of every journey map, largest value at risk first.');
	const rows = page.getByTestId('leaks').locator('tbody tr');
	await expect(rows).toHaveCount(3);
	await expect(rows.nth(0).getByRole('rowheader')).toHaveText('Compares variants and reads reviews');
	await expect(rows.nth(0).getByTestId('dropoff')).toHaveText('15 (60%)');
	await expect(rows.nth(0).getByTestId('value-at-risk')).toContainText('€');
	await expect(rows.nth(1).getByRole('rowheader')).toHaveText('Lands on a product page from search');
	await expect(rows.nth(2).getByTestId('dropoff')).toHaveText('last stage');
	await page.screenshot({ path: 'screenshots/insights-en.png', fullPage: true });

	// The same view in Dutch, from the same link.
	await page.request.patch('/api/v1/me', { data: { locale: 'nl' } });
	await page.reload();
	await expect(page.getByRole('navigation').getByRole('link', { name: 'Inzichten' })).toHaveAttribute('aria-current', 'page');
	await expect(page.getByRole('heading', { name: 'Kerncijfers' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Waar klanten afhaken' })).toBeVisible();
	await expect(tile('repeat').getByTestId('change')).toHaveText('+50 procentpunt ten opzichte van de periode ervoor');
	await expect(rows.nth(0).getByRole('rowheader')).toHaveText('Compares variants and reads reviews');
	await expect(rows.nth(2).getByTestId('dropoff')).toHaveText('laatste fase');
	await page.screenshot({ path: 'screenshots/insights-nl.png', fullPage: true });

	// A leak opens its card on its map, selected.
	await rows.nth(0).getByRole('rowheader').getByRole('link').click();
	await expect(page).toHaveURL(new RegExp(`/b/${boardId}\\?card=`));
	const card = page.locator(`.card[data-card-id="${new URL(page.url()).searchParams.get('card')}"]`);
	await expect(card).toHaveClass(/selected/, { timeout: 10_000 });
	await expect(card).toBeInViewport();
	await page.screenshot({ path: 'screenshots/insights-leak-card.png' });
	expect(errors).toEqual([]);
});
