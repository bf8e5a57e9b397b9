import { expect, test } from '@playwright/test';
import { createBoard, createWorkspace, makeAccount, signUp } from './helpers';

test('an invited viewer joins through the link and sees journey maps without edit controls', async ({
	page,
	browser
}) => {
	const owner = makeAccount('owner');
	await signUp(page, owner);
	await expect(page).toHaveURL(/\/workspaces$/);
	await createWorkspace(page, 'Retail CX');
	await createBoard(page, 'Online order journey');

	await page.getByRole('link', { name: 'Members' }).click();
	const viewer = makeAccount('viewer');
	await page.getByLabel('E-mail address').fill(viewer.email);
	await page.getByLabel('Role', { exact: true }).click();
	await page.getByRole('option', { name: 'Viewer' }).click();
	await page.getByRole('button', { name: 'Invite', exact: true }).click();

	const linkField = page.getByLabel('Invite link');
	await expect(linkField).toHaveValue(/\/invite\/[a-z0-9]+$/);
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.getByRole('button', { name: 'Copy' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Copied to the clipboard' })).toBeVisible();
	const link = await page.evaluate(() => navigator.clipboard.readText());
	expect(link).toBe(await linkField.inputValue());
	await expect(page.getByRole('listitem').filter({ hasText: viewer.email })).toContainText('Viewer');

	const viewerContext = await browser.newContext();
	const viewerPage = await viewerContext.newPage();
	await viewerPage.goto(link);
	await expect(viewerPage.getByText('You are invited to join the workspace Retail CX')).toBeVisible();
	await viewerPage.getByRole('link', { name: 'Create account' }).click();
	await expect(viewerPage).toHaveURL(/\/signup\?redirectTo=%2Finvite%2F/);
	await viewerPage.getByLabel('Name').fill(viewer.name);
	await viewerPage.getByLabel('E-mail address').fill(viewer.email);
	await viewerPage.getByLabel('Password').fill(viewer.password);
	await viewerPage.getByRole('button', { name: 'Create account' }).click();

	await expect(viewerPage).toHaveURL(/\/invite\//);
	await viewerPage.getByRole('button', { name: 'Join workspace' }).click();
	await expect(viewerPage.getByRole('heading', { level: 1, name: 'Retail CX' })).toBeVisible();

	const boardLink = viewerPage.getByRole('link', { name: 'Online order journey' });
	await expect(boardLink).toBeVisible();
	for (const control of ['Create journey map', 'Rename', 'Duplicate', 'Archive', 'Delete']) {
		await expect(viewerPage.getByRole('button', { name: control })).toHaveCount(0);
	}
	await expect(viewerPage.getByLabel('Journey map title')).toHaveCount(0);

	await boardLink.click();
	await expect(viewerPage.getByRole('heading', { level: 1, name: 'Online order journey' })).toBeVisible();
	await expect(viewerPage.getByRole('region', { name: 'Journey map canvas' })).toBeVisible();
	await expect(viewerPage.getByText('View only')).toBeVisible();
	await viewerContext.close();
});

test('a used invite link says so instead of letting a second person in', async ({ page, browser }) => {
	await signUp(page, makeAccount('owner'));
	await createWorkspace(page, 'Single use');
	await page.getByRole('link', { name: 'Members' }).click();
	await page.getByLabel('E-mail address').fill(makeAccount('guest').email);
	await page.getByRole('button', { name: 'Invite', exact: true }).click();
	const link = await page.getByLabel('Invite link').inputValue();

	const guest = await browser.newContext();
	const guestPage = await guest.newPage();
	await signUp(guestPage, makeAccount('guest'), `/signup?redirectTo=${encodeURIComponent(new URL(link).pathname)}`);
	await guestPage.getByRole('button', { name: 'Join workspace' }).click();
	await expect(guestPage.getByRole('heading', { level: 1, name: 'Single use' })).toBeVisible();
	await guestPage.goto(link);
	await expect(guestPage.getByText('This invite link has already been used.')).toBeVisible();
	await guest.close();
});
