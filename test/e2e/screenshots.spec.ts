import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createBoard, createWorkspace, makeAccount, signUp } from './helpers';

// Full-page screenshots of every page, for a person to look at (screenshots/ is git-ignored).
const DIR = 'screenshots';

async function shoot(page: Page, name: string) {
	await page.waitForLoadState('networkidle');
	await page.screenshot({ path: `${DIR}/${name}.png`, fullPage: true });
}

test('every page renders without browser errors, captured for review', async ({ page, browser }) => {
	mkdirSync(DIR, { recursive: true });
	// Content-Security-Policy violations and hydration failures surface as console errors.
	// The 404 page's own "Failed to load resource" is expected and not one of them.
	const consoleErrors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
			consoleErrors.push(message.text());
		}
	});
	page.on('pageerror', (error) => consoleErrors.push(error.message));

	await page.goto('/login');
	await shoot(page, 'login');
	await page.goto('/signup');
	await shoot(page, 'signup');

	await signUp(page, makeAccount('shots'));
	await createWorkspace(page, 'Customer care');
	await createBoard(page, 'Complaint handling journey');
	await createBoard(page, 'Onboarding journey');
	const workspaceUrl = page.url();

	await page.goto('/workspaces');
	await shoot(page, 'workspaces');
	await page.goto(workspaceUrl);
	await shoot(page, 'workspace-boards');
	await page.getByRole('button', { name: 'Delete' }).first().click();
	await expect(page.getByRole('dialog')).toBeVisible();
	await shoot(page, 'workspace-boards-delete-dialog');
	await page.keyboard.press('Escape');
	await page.getByRole('button', { name: /Open the user menu/ }).click();
	await expect(page.getByRole('menu')).toBeVisible();
	await shoot(page, 'user-menu');
	await page.keyboard.press('Escape');

	await page.goto(`${workspaceUrl}/members`);
	await page.getByLabel('E-mail address').fill('new.colleague@example.test');
	await page.getByRole('button', { name: 'Invite', exact: true }).click();
	await expect(page.getByLabel('Invite link')).toBeVisible();
	const inviteLink = await page.getByLabel('Invite link').inputValue();
	await shoot(page, 'members');
	await page.getByLabel('Role', { exact: true }).click();
	await expect(page.getByRole('listbox')).toBeVisible();
	await shoot(page, 'members-role-select');
	await page.keyboard.press('Escape');

	await page.goto(`${workspaceUrl}/settings`);
	await shoot(page, 'settings');

	await page.goto(workspaceUrl);
	await page.getByRole('link', { name: 'Complaint handling journey' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Complaint handling journey');
	await shoot(page, 'board');

	await page.goto('/account');
	await page.getByLabel('Token name').fill('Reporting script');
	await page.getByRole('button', { name: 'Create token' }).click();
	await expect(page.getByLabel('New token')).toHaveValue(/^wm_/);
	await shoot(page, 'account');

	await page.goto('/w/does-not-exist');
	await shoot(page, 'error-404');

	// The same pages in Dutch (longer words) and on a phone-sized screen.
	await page.goto(workspaceUrl);
	await page.getByRole('button', { name: /Open the user menu/ }).click();
	await page.getByRole('menuitem', { name: 'Nederlands' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Klantreiskaarten' })).toBeVisible();
	await shoot(page, 'workspace-boards-nl');
	await page.goto(`${workspaceUrl}/members`);
	await shoot(page, 'members-nl');
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(workspaceUrl);
	await shoot(page, 'workspace-boards-nl-phone');
	await page.goto('/account');
	await shoot(page, 'account-nl-phone');
	await page.setViewportSize({ width: 1280, height: 720 });

	const guest = await browser.newContext();
	const guestPage = await guest.newPage();
	await guestPage.goto(inviteLink);
	await shoot(guestPage, 'invite');
	await guestPage.goto('/invite/unknown-token');
	await shoot(guestPage, 'invite-unknown');
	await guest.close();

	const dutch = await browser.newContext({ locale: 'nl-NL', extraHTTPHeaders: { 'Accept-Language': 'nl' } });
	const dutchPage = await dutch.newPage();
	await dutchPage.goto('/signup');
	await shoot(dutchPage, 'signup-nl');
	await dutch.close();
	expect(consoleErrors).toEqual([]);
});
