import { expect, test } from '@playwright/test';
import { makeAccount, signUp } from './helpers';

test('sign-up shows each field error beside its field and keeps the typed e-mail', async ({ page }) => {
	await page.goto('/signup');
	await page.getByLabel('Name').fill('Short Password');
	await page.getByLabel('E-mail address').fill('short@example.test');
	await page.getByLabel('Password').fill('short');
	await page.getByRole('button', { name: 'Create account' }).click();

	const password = page.getByLabel('Password');
	await expect(password).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('#password-error')).toHaveText('Use at least 10 characters');
	await expect(password).toHaveAttribute('aria-describedby', /password-error/);
	await expect(password).toHaveValue('');
	await expect(page.getByLabel('E-mail address')).toHaveValue('short@example.test');
	await expect(page.getByLabel('Name')).toHaveValue('Short Password');
	await expect(page.getByLabel('E-mail address')).not.toHaveAttribute('aria-invalid', 'true');
});

test('an invalid e-mail and an empty name are reported on their own fields', async ({ page }) => {
	await page.goto('/signup');
	await page.getByLabel('E-mail address').fill('not-an-address');
	await page.getByLabel('Password').fill('long-enough-password');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.locator('#email-error')).toHaveText('Enter a valid e-mail address');
	await expect(page.locator('#name-error')).toHaveText('This field is required');
	await expect(page.getByLabel('E-mail address')).toHaveValue('not-an-address');
});

test('a wrong password gives one generic message, not which part was wrong', async ({ page, browser }) => {
	const account = makeAccount('generic');
	const other = await browser.newContext();
	await signUp(await other.newPage(), account);
	await other.close();

	await page.goto('/login');
	await page.getByLabel('E-mail address').fill(account.email);
	await page.getByLabel('Password').fill('wrong-password-here');
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page.getByRole('alert')).toHaveText('E-mail address or password is incorrect');
	await expect(page.getByLabel('E-mail address')).toHaveValue(account.email);
});

test('repeated wrong passwords are slowed down with a wait in minutes', async ({ page, browser }) => {
	const account = makeAccount('limited');
	const other = await browser.newContext();
	await signUp(await other.newPage(), account);
	await other.close();

	await page.goto('/login');
	await page.getByLabel('E-mail address').fill(account.email);
	// The default limit is 5 failures per account in 15 minutes.
	for (let attempt = 1; attempt <= 5; attempt++) {
		await page.getByLabel('Password').fill(`wrong-password-${attempt}`);
		// The message reads the same each time: wait for each answer, so attempts do not overlap.
		const answered = page.waitForResponse((response) => response.request().method() === 'POST');
		await page.getByRole('button', { name: 'Log in' }).click();
		await answered;
		await expect(page.getByRole('alert')).toHaveText('E-mail address or password is incorrect');
	}
	await page.getByLabel('Password').fill(account.password);
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page.getByRole('alert')).toHaveText('Too many attempts. Try again in 15 minutes.');
	await expect(page).toHaveURL(/\/login/);
});
