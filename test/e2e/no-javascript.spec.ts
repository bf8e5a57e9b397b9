import { expect, test } from '@playwright/test';
import { makeAccount, signUp } from './helpers';

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('logging in still works through the plain form post', async ({ page, browser }) => {
		const account = makeAccount('nojs');
		const withJs = await browser.newContext({ javaScriptEnabled: true });
		await signUp(await withJs.newPage(), account);
		await withJs.close();

		await page.goto('/login');
		await page.getByLabel('E-mail address').fill(account.email);
		await page.getByLabel('Password').fill('wrong-password-here');
		await page.getByRole('button', { name: 'Log in' }).click();
		await expect(page.getByRole('alert')).toHaveText('E-mail address or password is incorrect');

		await page.getByLabel('Password').fill(account.password);
		await page.getByRole('button', { name: 'Log in' }).click();
		await expect(page).toHaveURL(/\/workspaces$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Workspaces' })).toBeVisible();

		await page.getByRole('button', { name: 'Log out' }).click();
		await expect(page).toHaveURL(/\/login$/);
	});
});
