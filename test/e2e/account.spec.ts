import { expect, test } from '@playwright/test';
import { makeAccount, signUp } from './helpers';

test('logging out from the user menu, by keyboard, ends the session', async ({ page }) => {
	await signUp(page, makeAccount('leaver'));
	await page.getByRole('button', { name: /Open the user menu/ }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('menu')).toBeVisible();
	await page.getByRole('menuitem', { name: 'Log out' }).focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/login$/);
	await page.goto('/workspaces');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fworkspaces/);
});

test('changing the password logs out the other browser, not this one', async ({ page, browser }) => {
	const account = makeAccount('rotate');
	await signUp(page, account);

	const other = await browser.newContext();
	const otherPage = await other.newPage();
	await otherPage.goto('/login');
	await otherPage.getByLabel('E-mail address').fill(account.email);
	await otherPage.getByLabel('Password').fill(account.password);
	await otherPage.getByRole('button', { name: 'Log in' }).click();
	await expect(otherPage).toHaveURL(/\/workspaces$/);

	await page.goto('/account');
	await expect(page.getByText('This browser')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Revoke' })).toHaveCount(1);
	await page.getByLabel('Current password').fill('not-the-password');
	await page.getByLabel('New password').fill('a-brand-new-password');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.locator('#currentPassword-error')).toHaveText('The current password is not correct');

	await page.getByLabel('Current password').fill(account.password);
	await page.getByLabel('New password').fill('a-brand-new-password');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByText('Password changed. Your other sessions were logged out.')).toBeVisible();
	await page.reload();
	await expect(page.getByRole('button', { name: 'Revoke' })).toHaveCount(0);

	await otherPage.goto('/workspaces');
	await expect(otherPage).toHaveURL(/\/login/);
	await other.close();
});

test('an API token is shown once and can be revoked', async ({ page }) => {
	await signUp(page, makeAccount('tokens'));
	await page.goto('/account');
	await page.getByLabel('Token name').fill('Nightly export');
	await page.getByRole('button', { name: 'Create token' }).click();
	const secret = await page.getByLabel('New token').inputValue();
	expect(secret).toMatch(/^wm_[a-z0-9]+$/);
	const row = page.getByRole('listitem').filter({ hasText: 'Nightly export' });
	await expect(row).toContainText(secret.slice(0, 7));
	await expect(row).toContainText('never used');

	await page.reload();
	await expect(page.getByLabel('New token')).toHaveCount(0);
	await expect(page.getByText(secret)).toHaveCount(0);

	await page.getByRole('listitem').filter({ hasText: 'Nightly export' }).getByRole('button', { name: 'Revoke' }).click();
	await expect(page.getByRole('listitem').filter({ hasText: 'Nightly export' })).toHaveCount(0);
	await expect(page.getByText('No API tokens.')).toBeVisible();
});
