import { expect, test } from '@playwright/test';
import { createBoard, createWorkspace, makeAccount, signUp } from './helpers';

test('an editor renames, duplicates, archives, restores and deletes a journey map', async ({ page }) => {
	await signUp(page, makeAccount('editor'));
	await createWorkspace(page, 'Board care');
	await createBoard(page, 'Checkout journey');

	const row = page.getByRole('listitem').filter({ hasText: 'Checkout journey' });
	await row.getByRole('button', { name: 'Rename' }).click();
	// Only spaces: the browser's own required check lets it through, the server's does not.
	await page.getByLabel('Journey map title').last().fill('   ');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.locator('[id$="-error"]').filter({ hasText: 'This field is required' })).toBeVisible();
	await page.getByLabel('Journey map title').last().fill('Checkout journey 2026');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('link', { name: 'Checkout journey 2026' })).toBeVisible();

	await page.getByRole('listitem').filter({ hasText: 'Checkout journey 2026' }).getByRole('button', { name: 'Duplicate' }).click();
	await expect(page.getByRole('link', { name: 'Checkout journey 2026 (copy)' })).toBeVisible();

	await page.getByRole('listitem').filter({ hasText: '(copy)' }).getByRole('button', { name: 'Archive' }).click();
	await expect(page.getByRole('link', { name: 'Checkout journey 2026 (copy)' })).toHaveCount(0);
	await page.getByRole('link', { name: 'Archived' }).click();
	const archived = page.getByRole('listitem').filter({ hasText: '(copy)' });
	await expect(archived).toBeVisible();
	await archived.getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByRole('link', { name: 'Checkout journey 2026 (copy)' })).toHaveCount(0);
	await page.getByRole('link', { name: 'Active' }).click();

	await page.getByRole('listitem').filter({ hasText: '(copy)' }).getByRole('button', { name: 'Delete' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByRole('link', { name: 'Checkout journey 2026 (copy)' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Checkout journey 2026', exact: true })).toBeVisible();
});

test('the last owner cannot leave and is told why; an owner changes a member role', async ({ page, browser }) => {
	const member = makeAccount('member');
	const other = await browser.newContext();
	await signUp(await other.newPage(), member);
	await other.close();

	await signUp(page, makeAccount('owner'));
	await createWorkspace(page, 'Team roles');
	await page.getByRole('link', { name: 'Settings' }).click();
	// Leaving is not offered to the only owner (it would be refused); the page says why.
	await expect(page.getByRole('button', { name: 'Leave workspace' })).toHaveCount(0);
	await expect(page.getByTestId('sole-owner')).toContainText('You are the only owner of Team roles');

	await page.getByRole('link', { name: 'Members' }).click();
	await page.getByLabel('E-mail address').fill(member.email);
	await page.getByRole('button', { name: 'Invite', exact: true }).click();
	await expect(page.getByText(`${member.name} is now a member.`)).toBeVisible();

	await page.getByLabel(`Role of ${member.name}`).click();
	await page.getByRole('option', { name: 'Owner' }).click();
	await page.reload();
	await expect(page.getByLabel(`Role of ${member.name}`)).toHaveText('Owner');
});

test('a refused role change shows the role that was kept', async ({ page }) => {
	const owner = makeAccount('sole');
	await signUp(page, owner);
	await createWorkspace(page, 'Sole owner');
	await page.getByRole('link', { name: 'Members' }).click();
	await page.getByLabel(`Role of ${owner.name}`).click();
	await page.getByRole('option', { name: 'Viewer' }).click();
	await expect(page.getByRole('alert')).toHaveText('A workspace needs at least one owner');
	await expect(page.getByLabel(`Role of ${owner.name}`)).toHaveText('Owner');
});

test('deleting a workspace needs its name typed exactly', async ({ page }) => {
	await signUp(page, makeAccount('deleter'));
	await createWorkspace(page, 'Short lived');
	await page.getByRole('link', { name: 'Settings' }).click();
	await page.getByRole('button', { name: 'Delete workspace' }).click();
	const dialog = page.getByRole('dialog');
	const confirm = dialog.getByRole('button', { name: 'Delete workspace' });
	await expect(confirm).toBeDisabled();
	await dialog.getByLabel('Type Short lived to confirm').fill('Short live');
	await expect(confirm).toBeDisabled();
	await dialog.getByLabel('Type Short lived to confirm').fill('Short lived');
	await confirm.click();
	await expect(page).toHaveURL(/\/workspaces$/);
	await expect(page.getByRole('link', { name: /Short lived/ })).toHaveCount(0);
});

test('a non-member gets the same not-found page as for a workspace that does not exist', async ({ page, browser }) => {
	const owner = await browser.newContext();
	const ownerPage = await owner.newPage();
	await signUp(ownerPage, makeAccount('private'));
	await createWorkspace(ownerPage, 'Private');
	const privateUrl = ownerPage.url();
	await owner.close();

	await signUp(page, makeAccount('outsider'));
	const response = await page.goto(privateUrl);
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
	await expect(page.getByText('Private')).toHaveCount(0);
});

test('a signed-out visitor is sent to log in and comes back afterwards', async ({ page, browser }) => {
	const account = makeAccount('returner');
	const other = await browser.newContext();
	await signUp(await other.newPage(), account);
	await other.close();

	await page.goto('/account');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount/);
	await page.getByLabel('E-mail address').fill(account.email);
	await page.getByLabel('Password').fill(account.password);
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page).toHaveURL(/\/account$/);

	await page.goto('/login?redirectTo=//evil.example');
	await expect(page).toHaveURL(/\/workspaces$/);
});
