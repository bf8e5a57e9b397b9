import { expect, test } from '@playwright/test';
import { bind, cardButton, importCsv, measuredBoard, webshopCustomers, webshopEvents, webshopIds } from './journey-helpers';

/**
 * The measured journey on the canvas: bind steps of a demo map to imported events, see the
 * figures appear in the metrics lane, cut them by customer group, estimate a what-if.
 */

const ids = webshopIds;
const [customers, events] = [webshopCustomers, webshopEvents];
const answers = [
	'customer_id,date,kind,score,step,comment',
	...ids.slice(0, 10).map((id, i) => `${id},2026-05-03,csat,${i < 7 ? 5 : 2},checkout,${i === 9 ? 'Delivery costs only at the end' : ''}`)
].join('\n');

test('bind steps of a map to events, see real figures, cut them by group, estimate a what-if', async ({ page }) => {
	await measuredBoard(page, 'journey', 'en', { customers, events, answers });
	const lane = page.getByLabel('Measured figures');
	await expect(lane).toContainText('Bind touchpoints or customer actions to events');

	await bind(page, 'Lands on a product page from search', 'product_view');
	await bind(page, 'Compares variants and reads reviews', 'compare');
	await bind(page, 'Checkout', 'checkout');

	const figures = page.getByTestId('step-figures');
	await expect(figures).toHaveCount(3, { timeout: 10_000 });
	await expect(figures.nth(0)).toContainText('40 reached');
	await expect(figures.nth(0)).toContainText('63% →');
	await expect(figures.nth(0)).toContainText('38% drop off (15)');
	await expect(figures.nth(1)).toContainText('25 reached');
	await expect(figures.nth(1)).toContainText('60% drop off (15)');
	await expect(figures.nth(2)).toContainText('10 reached');
	await expect(figures.nth(2)).toContainText('CSAT 70% *');
	// Without transactions no lifetime value can be trusted: the steps that lose customers say so
	// instead of leaving the value at risk out without a word; the last step loses no one.
	await expect(figures.nth(1).getByTestId('risk-unknown')).toHaveText('value at risk unknown');
	await expect(figures.nth(1).getByTestId('risk-unknown')).toHaveAttribute('title', /It needs imported transactions/);
	await expect(figures.nth(2).getByTestId('risk-unknown')).toHaveCount(0);
	// The bound card itself says what happens there.
	await expect(cardButton(page, 'Compares variants and reads reviews').locator('..')).toContainText('25 · 40% →');
	// A drop-off cause linked to the checkout step carries its measured drop-off.
	await cardButton(page, 'Unexpected delivery costs').click();
	await page.getByLabel('Link to a card…').selectOption({ label: 'Consideration — Touchpoint: Compares variants and reads reviews' });
	await expect(cardButton(page, 'Unexpected delivery costs').locator('..')).toContainText('60% ↘');
	await expect(page.getByText('Measured at the linked step: 60% drop off')).toBeVisible();
	await page.keyboard.press('Escape');
	await page.getByRole('button', { name: 'Zoom to fit' }).click();
	await page.screenshot({ path: 'screenshots/journey-metrics.png' });

	// Where answers exist, measured satisfaction is drawn beside the team's emotion curve.
	await expect(page.getByRole('img', { name: 'Measured: 70% satisfied (CSAT, 10 answers)' })).toHaveCount(1);

	// The figures for one customer group.
	await page.getByLabel('Figures for').selectOption({ label: 'Utrecht' });
	await expect(figures.nth(0)).toContainText('20 reached');
	await expect(figures.nth(1)).toContainText('20 reached');
	await page.getByLabel('Figures for').selectOption({ label: 'All customers' });
	await expect(figures.nth(0)).toContainText('40 reached');
	// Those who came in through the app: half of the product views.
	await page.getByLabel('Entered via').selectOption('app');
	await expect(figures.nth(0)).toContainText('20 reached');
	await page.getByLabel('Entered via').selectOption({ label: 'Every channel' });
	await expect(figures.nth(0)).toContainText('40 reached');

	// What if 10 points fewer dropped off at the biggest drop-off (comparing)?
	await cardButton(page, 'Compares variants and reads reviews').click();
	const whatIf = page.getByTestId('what-if');
	await whatIf.getByLabel('Fewer drop-offs (percentage points)').fill('10');
	await whatIf.getByLabel('Over').selectOption({ label: '90 days' });
	await whatIf.getByRole('button', { name: 'Estimate' }).click();
	// 2.5 more in the 3 days measured, at that pace 75 in 90 days.
	await expect(whatIf).toContainText('75 more customers go on, 75 more reach the last step');
	await expect(whatIf).toContainText('Over the next 90 days, at the pace measured in 3 days.');
	// What customers said at checkout.
	await cardButton(page, 'Checkout').click();
	await expect(page.getByRole('region', { name: 'What customers said here' })).toContainText('Delivery costs only at the end');
	await page.screenshot({ path: 'screenshots/journey-whatif.png' });
});

test('an open map follows the data and its group: a new import and a renamed persona show without a reload', async ({ page }) => {
	const boardId = await measuredBoard(page, 'live', 'en', { customers, events, answers });
	const { workspaceId } = await (await page.request.get(`/api/v1/boards/${boardId}`)).json();
	await bind(page, 'Lands on a product page from search', 'product_view');
	const figures = page.getByTestId('step-figures');
	await expect(figures.nth(0)).toContainText('40 reached', { timeout: 10_000 });

	// Someone imports ten more product views elsewhere: the map updates on its own.
	const more = ['customer_id,date,event_type,channel', ...Array.from({ length: 10 }, (_, i) => `n${i},2026-05-04,product_view,web`)].join('\n');
	await importCsv(page, workspaceId, 'events', more);
	await expect(figures.nth(0)).toContainText('50 reached', { timeout: 10_000 });

	// Personas of the Utrecht group scope the map to it; their names follow the gallery.
	const groups = await (await page.request.get(`/api/v1/workspaces/${workspaceId}/groups`)).json();
	const utrecht = groups.items.find((g: { name: string }) => g.name === 'Utrecht');
	const made = await (await page.request.post(`/api/v1/groups/${utrecht.id}/personas`, { data: { name: 'Hanna' } })).json();
	await page.getByRole('button', { name: 'Personas', exact: true }).click();
	await page.getByLabel('Choose a group').selectOption({ label: 'Utrecht' });
	await page.getByRole('button', { name: 'Add its personas' }).click();
	await expect(page.getByLabel('This map is about')).toHaveValue(utrecht.id);
	// The figures are now for the group: the 20 customers in Utrecht.
	await expect(figures.nth(0)).toContainText('20 reached', { timeout: 10_000 });

	await page.request.patch(`/api/v1/personas/${made.id}`, { data: { name: 'Hanna from Utrecht' } });
	const panel = page.getByRole('complementary', { name: 'Personas on this board' });
	await expect(panel.getByText('Hanna from Utrecht')).toBeVisible({ timeout: 10_000 });
	await page.request.delete(`/api/v1/personas/${made.id}`);
	await expect(panel.getByText('no longer in the group')).toBeVisible({ timeout: 10_000 });
	await page.screenshot({ path: 'screenshots/journey-scope.png' });
});

test.describe('in Dutch', () => {
	test.use({ locale: 'nl-NL', extraHTTPHeaders: { 'Accept-Language': 'nl-NL,nl;q=0.9' } });

	test('the measured journey speaks Dutch', async ({ page }) => {
		const boardId = await measuredBoard(page, 'klantreis', 'nl', { customers, events, answers });
		await cardButton(page, 'Komt via een zoekmachine op een productpagina').click();
		await page.getByLabel('Gebeurtenis toevoegen').selectOption('product_view');
		await cardButton(page, 'Afrekenen').click();
		await page.getByLabel('Gebeurtenis toevoegen').selectOption('checkout');
		const figures = page.getByTestId('step-figures');
		await expect(figures.nth(0)).toContainText('40 bereikt', { timeout: 10_000 });
		await expect(figures.nth(0)).toContainText('75% haakt af (30)');
		await page.keyboard.press('Escape');
		await page.getByRole('button', { name: 'Passend maken' }).click();
		await page.screenshot({ path: 'screenshots/journey-metrics-nl.png' });
		expect(boardId).toBeTruthy();
	});
});
