import { expect, test } from '@playwright/test';
import { createWorkspace, makeAccount, signUp } from './helpers';
import { importCsv } from './journey-helpers';

/**
 * The data overview says which of the four kinds of customer data (basic, profile, behavioural,
 * usage) each imported column is, with its completeness, in English and Dutch.
 */

// Name 4 of 4, e-mail 2 of 4 (basic); birth date 1 of 4 (profile); channel 3 of 4 purchases (behavioural).
const CUSTOMERS = ['customer_id,name,email,birth_date', 'K1,Anna,anna@example.nl,1980-04-01', 'K2,Bram,bram@example.nl,', 'K3,Carla,,', 'K4,Daan,,'].join('\n');
const PURCHASES = ['customer_id,date,amount,channel', 'K1,2026-01-05,10,web', 'K2,2026-01-06,20,shop', 'K3,2026-01-07,30,web', 'K4,2026-01-08,40,'].join('\n');

test('the data overview names the kind of customer data of each column, with how complete each kind is', async ({ page }) => {
	test.setTimeout(90_000);
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await signUp(page, makeAccount('datakinds'));
	await createWorkspace(page, 'Data kinds');
	const workspaceId = /\/w\/([^/?#]+)/.exec(page.url())![1]!;
	await importCsv(page, workspaceId, 'customers', CUSTOMERS);
	await importCsv(page, workspaceId, 'transactions', PURCHASES);

	await page.goto(`/w/${workspaceId}/data`);
	const customers = page.getByRole('table', { name: /Customers · 4 rows/ });
	await expect(customers.locator('tr[data-field="email"]').getByTestId('column-category')).toHaveText('Basic data');
	await expect(customers.locator('tr[data-field="email"]')).toContainText('50%');
	await expect(customers.locator('tr[data-field="birthDate"]').getByTestId('column-category')).toHaveText('Profile data');
	const purchases = page.getByRole('table', { name: /Transactions · 4 rows/ });
	await expect(purchases.locator('tr[data-field="channel"]').getByTestId('column-category')).toHaveText('Behavioural data');
	await expect(purchases.locator('tr[data-field="channel"]')).toContainText('75%');

	const kind = (category: string) => page.locator(`[data-testid="data-category"][data-category="${category}"]`).getByTestId('data-category-figure');
	// Basic: name 100% and e-mail 50%; the other basic columns hold no value, so are not imported.
	await expect(kind('basic')).toContainText('75% filled on average over 2 imported columns');
	await expect(kind('basic')).toContainText('4 more not imported');
	await expect(kind('profile')).toContainText('25% filled on average over 1 imported columns');
	await expect(kind('behavioural')).toContainText('75% filled on average over 1 imported columns');
	await expect(kind('usage')).toContainText('No column of this kind imported');
	const card = page.locator('section, div').filter({ has: page.getByRole('list', { name: 'Completeness by kind of customer data' }) }).last();
	await card.scrollIntoViewIfNeeded();
	await page.getByRole('list', { name: 'Completeness by kind of customer data' }).screenshot({ path: 'screenshots/data-categories-en.png' });
	await customers.screenshot({ path: 'screenshots/data-categories-table-en.png' });

	await page.request.patch('/api/v1/me', { data: { locale: 'nl' } });
	await page.reload();
	const klanten = page.getByRole('table', { name: /Klanten · 4 rijen/ });
	await expect(klanten.locator('tr[data-field="email"]').getByTestId('column-category')).toHaveText('Basisgegevens');
	await expect(klanten.locator('tr[data-field="birthDate"]').getByTestId('column-category')).toHaveText('Profielgegevens');
	await expect(page.getByRole('table', { name: /Transacties · 4 rijen/ }).locator('tr[data-field="channel"]').getByTestId('column-category')).toHaveText('Gedragsgegevens');
	await expect(kind('usage')).toContainText('Geen kolom van deze soort geïmporteerd');
	await expect(page.locator('[data-testid="data-category"][data-category="usage"]')).toContainText('Gebruiksgegevens');
	await page.getByRole('list', { name: 'Volledigheid per soort klantdata' }).screenshot({ path: 'screenshots/data-categories-nl.png' });
	await klanten.screenshot({ path: 'screenshots/data-categories-table-nl.png' });
	expect(errors).toEqual([]);
});
