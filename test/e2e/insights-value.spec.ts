import { expect, test } from '@playwright/test';
import { createWorkspace, makeAccount, signUp } from './helpers';
import { importCsv } from './journey-helpers';

/**
 * "Where is our value?" on the insights page: a workspace of 14 customers in two city groups,
 * one (Zeist, 2 customers) below the minimum size, in English and Dutch.
 */

const ids = Array.from({ length: 14 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);
const customers = ['customer_id,name,city', ...ids.map((id, i) => `${id},Klant ${i + 1},${i < 12 ? 'Utrecht' : 'Zeist'}`)].join('\n');
const transactions = [
	'customer_id,date,amount',
	...ids.flatMap((id, i) => [`${id},2026-01-${String(5 + i).padStart(2, '0')},${20 + 10 * i}`, ...(i % 3 === 0 ? [] : [`${id},2026-03-${String(2 + i).padStart(2, '0')},${15 + 5 * i}`])])
].join('\n');

test('managers see where the value is, by group, with a small group suppressed, in English and Dutch', async ({ page }) => {
	test.setTimeout(90_000);
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await signUp(page, makeAccount('value'));
	await createWorkspace(page, 'Value insights');
	const workspaceId = new URL(page.url()).pathname.split('/')[2]!;
	await importCsv(page, workspaceId, 'customers', customers);
	await importCsv(page, workspaceId, 'transactions', transactions);
	const origin = new URL(test.info().project.use.baseURL!).origin;
	for (const city of ['Utrecht', 'Zeist']) {
		const created = await page.request.post(`/api/v1/workspaces/${workspaceId}/groups`, {
			data: { name: city, basis: 'needs', rule: { match: 'all', conditions: [{ field: 'city', op: 'eq', value: city.toLowerCase() }] } },
			headers: { origin }
		});
		expect(created.status()).toBe(201);
	}

	await page.goto(`/w/${workspaceId}/insights?from=2026-01-01&to=2026-03-31`);
	const section = page.getByRole('region', { name: 'Where the value is' });
	await expect(section.getByText('Where is our value?')).toBeVisible();
	await expect(section.getByTestId('value-n')).toContainText('14 customers with a purchase in the period');
	await expect(section.getByTestId('value-low-n')).toHaveText('Only 14: too few to read much into');
	await expect(section.getByTestId('value-top-share')).toContainText('Top 20% hold');
	const rows = section.getByTestId('value-segment');
	await expect(rows).toHaveCount(2);
	await expect(rows.filter({ hasText: 'Utrecht' }).locator('td').first()).toHaveText('12');
	await expect(rows.filter({ hasText: 'Zeist' }).getByTestId('value-suppressed')).toHaveText('fewer than 10 customers');
	await expect(section.getByTestId('value-action-unknown').locator('td').first()).toHaveText('14');
	await expect(section.getByTestId('value-wallet-none')).toBeVisible();
	await expect(section.getByTestId('value-loss-cost')).toContainText('€');
	await section.scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'screenshots/insights-value-en.png', fullPage: true });

	await page.request.patch('/api/v1/me', { data: { locale: 'nl' } });
	await page.reload();
	const dutch = page.getByRole('region', { name: 'Waar de waarde zit' });
	await expect(dutch.getByText('Waar zit onze waarde?')).toBeVisible();
	await expect(dutch.getByTestId('value-n')).toContainText('14 klanten met een aankoop in de periode');
	await expect(dutch.getByTestId('value-segment').filter({ hasText: 'Zeist' }).getByTestId('value-suppressed')).toHaveText('minder dan 10 klanten');
	await expect(dutch.getByRole('columnheader', { name: 'Aandeel in de waarde' })).toBeVisible();
	await page.screenshot({ path: 'screenshots/insights-value-nl.png', fullPage: true });
	expect(errors).toEqual([]);
});
