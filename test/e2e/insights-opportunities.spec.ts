import { expect, test } from '@playwright/test';
import { bind, cardButton, measuredBoard, webshopCustomers, webshopEvents, webshopIds } from './journey-helpers';

/**
 * The opportunities portfolio: an opportunity given a status and an owner on its card, another
 * valued by a what-if, both on the insights page — ranked, on the effort × value chart, sortable,
 * in English and Dutch — and a row opening its card on the map.
 */

const ids = webshopIds;
const answers = ['customer_id,date,kind,score,step,comment', ...ids.slice(0, 10).map((id) => `${id},2026-05-03,csat,4,checkout,`)].join('\n');
const transactions = ['customer_id,date,amount', ...ids.slice(0, 10).map((id) => `${id},2026-05-03,80`), ...ids.slice(10, 20).map((id) => `${id},2026-04-10,120`)].join('\n');

test('an opportunity with a status and an owner, another valued by a what-if, ranked on the insights page in English and Dutch', async ({ page }) => {
	test.setTimeout(90_000);
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	const boardId = await measuredBoard(page, 'portfolio', 'en', { customers: webshopCustomers, events: webshopEvents, answers, transactions });
	const { workspaceId } = await (await page.request.get(`/api/v1/boards/${boardId}`)).json();
	await bind(page, 'Lands on a product page from search', 'product_view');
	await bind(page, 'Compares variants and reads reviews', 'compare');
	await bind(page, 'Checkout', 'checkout');
	await expect(page.getByTestId('step-figures')).toHaveCount(3, { timeout: 10_000 });

	// The template's accessories idea: now in progress, carried by the one member.
	await cardButton(page, 'Suggest accessories that fit the purchase').click();
	await page.getByLabel('Status').selectOption({ label: 'Doing' });
	await page.getByLabel('Owner').selectOption({ label: 'portfolio' });

	// A what-if on comparing, attached to a new opportunity that takes little effort.
	await cardButton(page, 'Compares variants and reads reviews').click();
	const whatIf = page.getByTestId('what-if');
	await whatIf.getByLabel('Fewer drop-offs (percentage points)').fill('10');
	await whatIf.getByLabel('Over').selectOption({ label: '90 days' });
	await whatIf.getByRole('button', { name: 'Estimate' }).click();
	await whatIf.getByRole('button', { name: 'Attach' }).click();
	const valued = '10 points fewer drop-offs at “Compares variants and reads reviews”';
	await cardButton(page, valued).click();
	await page.getByLabel('Effort').selectOption({ label: 'Low' });
	const badge = await cardButton(page, valued).getByTestId('opportunity-estimate').textContent();

	await page.goto(`/w/${workspaceId}/insights`);
	await expect(page.getByRole('heading', { name: 'Growth opportunities' })).toBeVisible();
	const rows = page.getByTestId('opportunities').locator('tbody tr');
	// The valued one first; then the template's idea.
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(0).getByRole('rowheader')).toHaveText(valued);
	const value = rows.nth(0).getByTestId('opportunity-value');
	await expect(value).toContainText('€');
	// 25 compared in the 3 days measured: 10 % of them is 2.5, 75 in 90 days, all reaching checkout.
	expect(badge).toMatch(/^\+€/);
	await expect(value).toHaveAttribute('title', /What-if on “Compares variants and reads reviews”: drop-off down 10 points → 75 more customers reach the last step/);
	const accessories = rows.filter({ hasText: 'Suggest accessories that fit the purchase' });
	await expect(accessories.getByTestId('opportunity-status')).toHaveText('Doing');
	await expect(accessories).toContainText('portfolio');
	await expect(accessories.getByTestId('opportunity-value')).toHaveText('no what-if');
	await expect(page.getByTestId('opportunity-status-counts')).toHaveText('Ideas 1 · planned 0 · in progress 1 · done 0');
	await expect(page.getByTestId('matrix-point')).toHaveCount(1);
	await expect(page.getByTestId('matrix-left-out')).toHaveText('Not in the chart: 1 without a current what-if value, 0 without an effort.');
	await expect(page.getByTestId('opportunities-by-family').locator('tbody tr').first()).toContainText('More from each customer');

	// By status, furthest first: the accessories idea in progress leads; again: the other way.
	await page.getByRole('button', { name: 'Sort by Status' }).click();
	await expect(page.getByRole('columnheader', { name: /Status/ })).toHaveAttribute('aria-sort', 'descending');
	await expect(rows.nth(0).getByRole('rowheader')).toHaveText('Suggest accessories that fit the purchase');
	await page.getByRole('button', { name: 'Sort by Status' }).click();
	await expect(rows.nth(0).getByRole('rowheader')).toHaveText(valued);
	await page.locator('#insights-opportunities').scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'screenshots/insights-opportunities-en.png', fullPage: true });

	await page.request.patch('/api/v1/me', { data: { locale: 'nl' } });
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Groeikansen' })).toBeVisible();
	await expect(accessories.getByTestId('opportunity-status')).toHaveText('Bezig');
	await expect(page.getByTestId('opportunity-status-counts')).toHaveText('Ideeën 1 · gepland 0 · bezig 1 · klaar 0');
	await expect(accessories.getByTestId('opportunity-value')).toHaveText('geen wat-als');
	await page.screenshot({ path: 'screenshots/insights-opportunities-nl.png', fullPage: true });

	// A row opens its card on its map, selected.
	await rows.nth(0).getByRole('rowheader').getByRole('link').click();
	await expect(page).toHaveURL(new RegExp(`/b/${boardId}\\?card=`));
	const card = page.locator(`.card[data-card-id="${new URL(page.url()).searchParams.get('card')}"]`);
	await expect(card).toHaveClass(/selected/, { timeout: 10_000 });
	expect(errors).toEqual([]);
});
