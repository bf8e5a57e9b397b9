import { expect, test } from '@playwright/test';
import { makeAccount, signUp } from './helpers';

test.describe('a Dutch browser', () => {
	test.use({ locale: 'nl-NL', extraHTTPHeaders: { 'Accept-Language': 'nl-NL,nl;q=0.9' } });

	test('gets the login page in Dutch', async ({ page }) => {
		await page.goto('/login');
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
		await expect(page.getByLabel('E-mailadres')).toBeVisible();
		await expect(page.getByLabel('Wachtwoord')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Inloggen' })).toBeVisible();
	});
});

test('the language chosen in the account stays after reloading', async ({ page }) => {
	await signUp(page, makeAccount('dutch'));
	await page.goto('/account');
	await page.getByLabel('Language').click();
	await page.getByRole('option', { name: 'Nederlands' }).click();
	await page.getByRole('button', { name: 'Save' }).click();

	await expect(page.getByRole('heading', { level: 2, name: 'Profiel' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await page.reload();
	await expect(page.getByRole('heading', { level: 2, name: 'Profiel' })).toBeVisible();
	await page.goto('/workspaces');
	await expect(page.getByRole('heading', { level: 1, name: 'Werkruimtes' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Werkruimte aanmaken' })).toBeVisible();
});

test('the language switcher works when signed out', async ({ page }) => {
	await page.goto('/login');
	await page.getByRole('button', { name: 'Nederlands' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
});
