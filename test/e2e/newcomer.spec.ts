import { expect, test, type Page } from '@playwright/test';
import { cardButton } from './journey-helpers';
import { createWorkspace, makeAccount, signUp } from './helpers';

/** What a newcomer meets first: the groups list, leaving a workspace, the dates on a map. */

async function accountWithWorkspace(page: Page, label: string, name: string) {
	const account = makeAccount(label);
	await signUp(page, account);
	await createWorkspace(page, name);
	const workspaceId = new URL(page.url()).pathname.split('/')[2]!;
	return { account, workspaceId };
}

test('a long group name wraps by words beside its basis badge on the groups list at 1440 px', async ({ page }) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	const { workspaceId } = await accountWithWorkspace(page, 'groups-layout', 'Webwinkel');
	for (const [name, basis] of [
		['Loyalty members open to contact', 'relationship'],
		['Home cooks', 'needs'],
		['Top 20% by revenue', 'value']
	] as const) {
		const created = await page.request.post(`/api/v1/workspaces/${workspaceId}/groups`, {
			data: { name, basis, rule: { match: 'all', conditions: [{ field: 'optIn', op: 'isTrue' }] } }
		});
		expect(created.status()).toBe(201);
	}
	await page.goto(`/w/${workspaceId}/groups`);
	const title = page.getByRole('heading', { level: 2, name: 'Loyalty members open to contact' });
	await expect(title).toBeVisible();
	const box = (await title.boundingBox())!;
	const lineHeight = await title.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
	// At most two lines, and wide enough for whole words: not a column of single letters.
	expect(box.height).toBeLessThanOrEqual(2 * lineHeight + 1);
	expect(box.width).toBeGreaterThan(150);
	await page.screenshot({ path: '/tmp/nc/groups-1440.png', fullPage: true });
});

test('the only owner is not offered to leave and is told why; with a second owner they are', async ({ page, browser }) => {
	const { workspaceId } = await accountWithWorkspace(page, 'sole-owner', 'Klantreizen');
	await page.goto(`/w/${workspaceId}/members`);
	await expect(page.getByText('Only owner: make someone else owner before you can leave')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Leave workspace' })).toHaveCount(0);
	await page.screenshot({ path: '/tmp/nc/members-sole-owner.png' });
	await page.goto(`/w/${workspaceId}/settings`);
	await expect(page.getByTestId('sole-owner')).toContainText('You are the only owner of Klantreizen');
	await expect(page.getByRole('button', { name: 'Leave workspace' })).toHaveCount(0);
	await page.screenshot({ path: '/tmp/nc/settings-sole-owner.png', fullPage: true });

	// A second owner: now either may leave.
	const other = makeAccount('co-owner');
	const context = await browser.newContext();
	expect((await context.request.post('/api/v1/auth/signup', { data: { email: other.email, password: other.password, name: other.name } })).status()).toBe(201);
	await context.close();
	const added = await page.request.post(`/api/v1/workspaces/${workspaceId}/members`, { data: { email: other.email, role: 'owner' } });
	expect(added.status()).toBe(201);
	await page.reload();
	await expect(page.getByRole('button', { name: 'Leave workspace' })).toBeVisible();
	await page.goto(`/w/${workspaceId}/members`);
	await expect(page.getByRole('button', { name: 'Leave workspace' })).toBeVisible();
	await expect(page.getByText('Only owner: make someone else owner before you can leave')).toHaveCount(0);
});

test('the map header, its version history and its comments write dates one way', async ({ page }) => {
	const { workspaceId } = await accountWithWorkspace(page, 'dates', 'Data en data');
	const board = await (await page.request.post(`/api/v1/workspaces/${workspaceId}/boards`, { data: { title: 'Dated journey' } })).json();
	await page.goto(`/b/${board.id}`);
	await expect(page.getByRole('status').filter({ hasText: /Online/ })).toBeVisible();
	await page.getByRole('button', { name: 'Add card to Orientation · Website' }).click();
	await page.keyboard.type('Reads the reviews');
	await page.keyboard.press('Enter');
	await cardButton(page, 'Reads the reviews').click();
	await page.getByPlaceholder(/Write a comment/).fill('When was this?');
	await page.getByRole('button', { name: 'Comment', exact: true }).click();
	const comment = page.locator('.comment').filter({ hasText: 'When was this?' }).locator('.who span');
	await expect(comment).toBeVisible();
	const commentTime = (await comment.textContent())!.trim();
	await page.screenshot({ path: '/tmp/nc/board-comment-date.png' });
	// The history takes the side panel's place.
	await page.getByRole('button', { name: 'History' }).click();
	await page.getByLabel('Name this version').fill('Before the workshop');
	await page.getByRole('button', { name: 'Save version' }).click();
	const version = page.getByRole('listitem').filter({ hasText: 'Before the workshop' }).locator('span').filter({ hasText: /\d{4}/ });
	await expect(version).toBeVisible();

	// British English: day, short month, year, 24-hour time — "1 Dec 2026, 16:15", everywhere.
	const shape = /^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/;
	const header = (await page.locator('.board-header dd').first().textContent())!.trim();
	const texts = [header, (await version.first().textContent())!.trim(), commentTime];
	for (const text of texts) expect(text).toMatch(shape);
	await page.screenshot({ path: '/tmp/nc/board-dates.png' });
});
