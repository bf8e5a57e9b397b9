import { expect, test } from '@playwright/test';
import { createWorkspace, makeAccount, signUp } from './helpers';
import { importCsv } from './journey-helpers';

/**
 * The CRM aims section of the insights page, right after the headline, in English and Dutch:
 * new customers per month against the months before, retention, value growth and loss-making
 * customers, each with its change or why there is none.
 */

const PURCHASES = [
	'customer_id,date,amount',
	'p1,2025-11-04,60', 'p1,2026-01-15,40', 'p2,2025-12-02,80', 'p2,2026-02-10,50',
	'n1,2026-01-06,70', 'n1,2026-02-16,30', 'n2,2026-01-13,90',
	'n3,2026-03-02,40', 'n4,2026-03-03,55', 'n4,2026-03-20,45', 'n5,2026-03-09,65'
].join('\n');

test('managers read the four aims of CRM in English and Dutch', async ({ page }) => {
	test.setTimeout(90_000);
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await signUp(page, makeAccount('aims'));
	await createWorkspace(page, 'Aims shop');
	const workspaceId = /\/w\/([^/?#]+)/.exec(page.url())![1]!;
	await importCsv(page, workspaceId, 'transactions', PURCHASES);

	await page.goto(`/w/${workspaceId}/insights?from=2026-01-01&to=2026-03-31&minimumRespondents=2`);
	const section = page.getByRole('region', { name: 'CRM aims' });
	await expect(section.getByText('Are we meeting the four aims of CRM')).toBeVisible({ timeout: 20_000 });
	// Right after the headline.
	const headings = await page.locator('section.section > h2').allTextContents();
	expect(headings.slice(0, 2)).toEqual(['Headline', 'CRM aims']);
	// January 2, February 0, March 3 new customers: 5 / 3 a month; November and December 1 each.
	const acquisition = section.getByTestId('aim-acquisition');
	await expect(acquisition).toContainText('New customers per month');
	await expect(acquisition.getByTestId('value')).toHaveText('1.7');
	await expect(acquisition.getByTestId('change')).toHaveText('+0.7 against the period before');
	await expect(section.getByTestId('aim-retention').getByTestId('value')).not.toBeEmpty();
	await expect(section.getByTestId('aim-value')).toContainText('3 · Raise customer value');
	await expect(section.getByTestId('aim-loss-making')).toContainText('Loss-making customers');
	await section.scrollIntoViewIfNeeded();
	await section.screenshot({ path: 'screenshots/insights-aims-en.png' });

	await page.request.patch('/api/v1/me', { data: { locale: 'nl' } });
	await page.reload();
	const dutch = page.getByRole('region', { name: 'Doelen van CRM' });
	await expect(dutch.getByTestId('aim-acquisition')).toContainText('Nieuwe klanten per maand');
	await expect(dutch.getByTestId('aim-acquisition').getByTestId('value')).toHaveText('1,7');
	await expect(dutch.getByTestId('aim-loss-making')).toContainText('Minder verliesgevende klanten');
	await dutch.screenshot({ path: 'screenshots/insights-aims-nl.png' });
	expect(errors).toEqual([]);
});
