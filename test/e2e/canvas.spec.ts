import { expect, test } from '@playwright/test';
import { boardWithTeam, cardButton, open, person } from './canvas-helpers';

/**
 * The journey canvas with several people at once: each browser context is one person,
 * signed up through the real API, editing one board over the real websocket.
 */

test('two people edit one board live; undo reverts only your own change; a viewer only watches', async ({ browser }) => {
	// Three people and some twenty steps each waited for on another screen.
	test.setTimeout(90_000);
	const { owner, editor, viewer, boardId } = await boardWithTeam(browser);
	await Promise.all([open(owner, boardId), open(editor, boardId), open(viewer, boardId)]);
	const a = owner.page;
	const b = editor.page;

	await a.getByRole('button', { name: 'Add stage' }).click();
	await expect(b.getByRole('columnheader').filter({ hasText: 'New stage' })).toBeVisible({ timeout: 1000 });
	await a.getByRole('button', { name: 'Add lane' }).click();
	await expect(b.getByRole('rowheader').filter({ hasText: 'New lane' })).toBeVisible({ timeout: 1000 });
	// The new lane was brought into view at the bottom: back to the whole board.
	await a.keyboard.press('Escape');
	await a.getByRole('button', { name: 'Zoom to fit' }).click();

	await a.getByRole('button', { name: 'Add card to Purchase · Website' }).click();
	await a.keyboard.type('Pays with iDEAL');
	await a.keyboard.press('Enter');
	await expect(cardButton(b, 'Pays with iDEAL')).toBeVisible({ timeout: 1000 });

	// Drag the card one stage to the right: the other person sees it move there.
	const before = (await cardButton(b, 'Pays with iDEAL').boundingBox())!.x;
	const stageOnB = (await b.getByRole('columnheader').first().boundingBox())!.width;
	const card = cardButton(a, 'Pays with iDEAL');
	const from = (await card.boundingBox())!;
	const stageWidth = (await a.getByRole('columnheader').first().boundingBox())!.width;
	await a.mouse.move(from.x + 20, from.y + 20);
	await a.mouse.down();
	await a.mouse.move(from.x + 20 + stageWidth / 2, from.y + 24, { steps: 5 });
	await a.mouse.move(from.x + 20 + stageWidth, from.y + 24, { steps: 5 });
	await a.mouse.up();
	await expect
		.poll(async () => (await cardButton(b, 'Pays with iDEAL').boundingBox())!.x - before, { timeout: 1000 })
		.toBeCloseTo(stageOnB, -1);

	// Edit the text in place.
	await cardButton(a, 'Pays with iDEAL').dblclick();
	await a.keyboard.press('End');
	await a.keyboard.type(' or credit card');
	await a.keyboard.press('Enter');
	await expect(cardButton(b, 'Pays with iDEAL or credit card')).toBeVisible({ timeout: 1000 });

	// Presence: B's cursor and avatar show on A's screen.
	await b.mouse.move(600, 500);
	await b.mouse.move(640, 520);
	await expect(a.getByRole('button', { name: 'Follow Bram' })).toBeVisible();
	await expect(a.locator('.cursor').filter({ hasText: 'Bram' })).toBeVisible({ timeout: 1000 });

	// Each person's undo reverts only their own work.
	await b.getByRole('button', { name: 'Add card to Use · E-mail' }).click();
	await b.keyboard.type('Bram was here');
	await b.keyboard.press('Enter');
	await a.getByRole('button', { name: 'Add card to Use · Shop' }).click();
	await a.keyboard.type('Anna was here');
	await a.keyboard.press('Enter');
	await expect(cardButton(b, 'Anna was here')).toBeVisible({ timeout: 1000 });
	await b.getByRole('application').focus();
	await b.keyboard.press('Control+z');
	await expect(cardButton(a, 'Bram was here')).toHaveCount(0, { timeout: 1000 });
	await expect(cardButton(a, 'Anna was here')).toBeVisible();
	await expect(cardButton(b, 'Anna was here')).toBeVisible();

	// The viewer sees all of it and has no way to change anything.
	const c = viewer.page;
	await expect(cardButton(c, 'Anna was here')).toBeVisible({ timeout: 1000 });
	await expect(c.getByText('View only')).toBeVisible();
	await expect(c.getByRole('button', { name: 'Add stage' })).toHaveCount(0);
	await expect(c.getByRole('button', { name: /^Add card to/ })).toHaveCount(0);
	await expect(c.getByRole('button', { name: 'Delete stage' })).toHaveCount(0);

	await a.screenshot({ path: 'screenshots/canvas-live.png' });
	await c.screenshot({ path: 'screenshots/canvas-viewer.png' });
	await Promise.all([owner, editor, viewer].map((p) => p.context.close()));
});

test('edits made offline merge when the connection returns', async ({ browser }) => {
	const { owner, editor, viewer, boardId } = await boardWithTeam(browser);
	await Promise.all([open(owner, boardId), open(editor, boardId)]);
	await editor.context.setOffline(true);
	await expect(editor.page.getByRole('status').filter({ hasText: /Offline/ })).toBeVisible();
	await editor.page.getByRole('button', { name: 'Add card to Service · App' }).click();
	await editor.page.keyboard.type('Written on the train');
	await editor.page.keyboard.press('Enter');
	await owner.page.getByRole('button', { name: 'Add card to Service · Shop' }).click();
	await owner.page.keyboard.type('Written in the office');
	await owner.page.keyboard.press('Enter');
	await owner.page.waitForTimeout(300);
	await expect(cardButton(owner.page, 'Written on the train')).toHaveCount(0);

	await editor.context.setOffline(false);
	for (const page of [owner.page, editor.page]) {
		await expect(cardButton(page, 'Written on the train')).toBeVisible({ timeout: 5000 });
		await expect(cardButton(page, 'Written in the office')).toBeVisible({ timeout: 5000 });
	}
	await Promise.all([owner, editor, viewer].map((p) => p.context.close()));
});

test('a new board from a template, in Dutch', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1400, height: 900 } });
	const email = `nl-${Date.now()}@example.com`;
	await context.request.post('/api/v1/auth/signup', { data: { email, password: 'correct horse battery', name: 'Eva' } });
	await context.request.patch('/api/v1/me', { data: { locale: 'nl' } });
	const workspace = await (await context.request.post('/api/v1/workspaces', { data: { name: 'Team' } })).json();
	const board = await (
		await context.request.post(`/api/v1/workspaces/${workspace.id}/boards`, { data: { title: 'Webwinkel', template: 'webshop' } })
	).json();
	const page = await context.newPage();
	await page.goto(`/b/${board.id}`);
	await expect(page.getByRole('columnheader').filter({ hasText: 'Oriëntatie' })).toBeVisible();
	await expect(page.getByRole('rowheader').filter({ hasText: 'Afhaakredenen' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Fase toevoegen' })).toBeVisible();
	await page.screenshot({ path: 'screenshots/canvas-template-nl.png' });
	await context.close();
});

test('a journey map created from a template in the workspace opens with its stages and cards', async ({ browser }) => {
	const someone = await person(browser, 'Dirk');
	const workspace = await (await someone.context.request.post('/api/v1/workspaces', { data: { name: 'Shop' } })).json();
	const page = someone.page;
	await page.goto(`/w/${workspace.id}`);
	await page.getByLabel('Journey map title').fill('Webshop journey');
	await page.getByLabel('Start from').click();
	await page.getByRole('option', { name: 'Online purchase (webshop)' }).click();
	await page.getByRole('button', { name: 'Create journey map' }).click();
	await page.getByRole('link', { name: 'Webshop journey' }).click();
	await expect(page.getByRole('columnheader').filter({ hasText: 'Orientation' })).toBeVisible();
	await expect(cardButton(page, 'Unexpected delivery costs')).toBeVisible();
	await page.screenshot({ path: 'screenshots/canvas-template-webshop.png' });
	await someone.context.close();
});

test('a saved version is restored for everyone on the board; cards move with the keyboard', async ({ browser }) => {
	const { owner, editor, viewer, boardId } = await boardWithTeam(browser);
	await Promise.all([open(owner, boardId), open(editor, boardId)]);
	const a = owner.page;
	const b = editor.page;

	await a.getByRole('button', { name: 'Add card to Orientation · Website' }).click();
	await a.keyboard.type('Before the workshop');
	await a.keyboard.press('Enter');
	await a.getByRole('button', { name: 'History' }).click();
	await a.getByLabel('Name this version').fill('Start of workshop');
	await a.getByRole('button', { name: 'Save version' }).click();
	await expect(a.getByText('Start of workshop')).toBeVisible();

	// Keyboard only: select the card, move it one stage right and one lane down.
	await a.getByRole('application').focus();
	await a.keyboard.press('Escape');
	await cardButton(a, 'Before the workshop').focus();
	await a.keyboard.press('Space');
	await a.keyboard.press('Alt+ArrowRight');
	await a.keyboard.press('Alt+ArrowDown');
	await a.getByRole('button', { name: 'Add card to Use · Shop' }).click();
	await a.keyboard.type('Added during the workshop');
	await a.keyboard.press('Enter');
	await expect(cardButton(b, 'Added during the workshop')).toBeVisible({ timeout: 1000 });
	const moved = (await cardButton(b, 'Before the workshop').boundingBox())!;
	const consideration = (await b.getByRole('columnheader').filter({ hasText: 'Consideration' }).boundingBox())!;
	expect(moved.x).toBeGreaterThanOrEqual(consideration.x);
	expect(moved.x).toBeLessThan(consideration.x + consideration.width);

	// A read-only preview of the saved version, in a tab of its own.
	const preview = await owner.context.newPage();
	await a.getByRole('button', { name: 'History' }).click();
	await preview.goto(
		(await a.getByRole('listitem').filter({ hasText: 'Start of workshop' }).getByRole('link', { name: 'Preview' }).getAttribute('href'))!
	);
	await expect(preview.getByText(/You are looking at “Start of workshop”/)).toBeVisible();
	await expect(cardButton(preview, 'Before the workshop')).toBeVisible();
	await expect(cardButton(preview, 'Added during the workshop')).toHaveCount(0);
	await expect(preview.getByRole('button', { name: 'Add stage' })).toHaveCount(0);
	await preview.screenshot({ path: 'screenshots/canvas-version-preview.png' });
	await preview.close();

	await a.getByRole('listitem').filter({ hasText: 'Start of workshop' }).getByRole('button', { name: 'Restore' }).click();
	await a.getByRole('group').getByRole('button', { name: 'Restore' }).click();
	await expect(cardButton(b, 'Added during the workshop')).toHaveCount(0, { timeout: 2000 });
	await expect(cardButton(b, 'Before the workshop')).toBeVisible();
	await expect(a.getByText('Before restoring version', { exact: false })).toBeVisible();
	await a.screenshot({ path: 'screenshots/canvas-versions.png' });
	await Promise.all([owner, editor, viewer].map((p) => p.context.close()));
});

test('link a drop-off cause to its touchpoint, box-select cards, and find your way with the minimap', async ({ browser }) => {
	const someone = await person(browser, 'Eef');
	const workspace = await (await someone.context.request.post('/api/v1/workspaces', { data: { name: 'Shop' } })).json();
	const board = await (
		await someone.context.request.post(`/api/v1/workspaces/${workspace.id}/boards`, { data: { title: 'Webshop', template: 'webshop' } })
	).json();
	const page = someone.page;
	await open(someone, board.id);

	await cardButton(page, 'Unexpected delivery costs').click();
	await page.getByLabel('Link to a card…').selectOption({ label: 'Purchase — Touchpoint: Checkout' });
	await expect(page.getByRole('button', { name: 'Remove link to Touchpoint: Checkout' })).toBeVisible();
	await expect(page.locator('svg.links path:not(marker path)')).toHaveCount(1);

	// Shift-drag a box around the two cards of the Website lane in Orientation and Consideration.
	await page.getByRole('application').focus();
	await page.keyboard.press('Escape');
	await page.getByRole('button', { name: 'Zoom to fit' }).click();
	const first = (await cardButton(page, 'Lands on a product page from search').boundingBox())!;
	const second = (await cardButton(page, 'Compares variants and reads reviews').boundingBox())!;
	await page.keyboard.down('Shift');
	await page.mouse.move(first.x - 4, first.y - 6);
	await page.mouse.down();
	await page.mouse.move(second.x + second.width + 4, second.y + second.height + 6, { steps: 6 });
	await page.mouse.up();
	await page.keyboard.up('Shift');
	await expect(page.locator('.card.selected')).toHaveCount(2);
	await page.keyboard.press('Delete');
	await expect(cardButton(page, 'Lands on a product page from search')).toHaveCount(0);
	await expect(cardButton(page, 'Compares variants and reads reviews')).toHaveCount(0);

	// Zoomed in, the minimap shows where you are; clicking it moves the view there.
	await page.getByRole('button', { name: 'Zoom in' }).click();
	await page.getByRole('button', { name: 'Zoom in' }).click();
	const minimap = page.getByRole('group', { name: 'Overview of the board' });
	await expect(minimap).toBeVisible();
	const before = await page.locator('.content').getAttribute('style');
	const map = (await minimap.locator('svg').boundingBox())!;
	await page.mouse.click(map.x + map.width - 5, map.y + map.height - 5);
	await expect.poll(() => page.locator('.content').getAttribute('style')).not.toBe(before);
	await page.screenshot({ path: 'screenshots/canvas-links-minimap.png' });
	await someone.context.close();
});

test('viewers comment on cards once the owner allows it, and the board stays read-only for them', async ({ browser }) => {
	const { owner, editor, viewer, boardId } = await boardWithTeam(browser);
	await Promise.all([open(owner, boardId), open(viewer, boardId)]);
	const a = owner.page;
	const c = viewer.page;
	await a.getByRole('button', { name: 'Add card to Purchase · Website' }).click();
	await a.keyboard.type('Checkout page');
	await a.keyboard.press('Enter');

	await cardButton(c, 'Checkout page').click();
	await expect(c.getByRole('button', { name: 'Comment', exact: true })).toHaveCount(0);

	const settings = await owner.context.newPage();
	const workspaceLink = a.getByRole('link', { name: 'Workshop' }).first();
	await settings.goto(`${await workspaceLink.getAttribute('href')}/settings`);
	await settings.getByLabel('Viewers may comment on cards').check();
	await settings.locator('form').filter({ has: settings.getByLabel('Viewers may comment on cards') }).getByRole('button', { name: 'Save' }).click();
	await expect(settings.getByText('Saved')).toBeVisible();
	await settings.close();

	await c.reload();
	await cardButton(c, 'Checkout page').click();
	await c.getByPlaceholder(/Write a comment/).fill('Why do people leave here? @Anna');
	await c.getByRole('button', { name: 'Comment', exact: true }).click();
	await cardButton(a, 'Checkout page').click();
	await expect(a.getByText('Why do people leave here? @Anna')).toBeVisible({ timeout: 2000 });
	await expect(c.getByRole('button', { name: 'Add stage' })).toHaveCount(0);
	await c.screenshot({ path: 'screenshots/canvas-viewer-comment.png' });
	await Promise.all([owner, editor, viewer].map((p) => p.context.close()));
});

test('stages and lanes are reordered by dragging their headers', async ({ browser }) => {
	const someone = await person(browser, 'Fenna');
	const workspace = await (await someone.context.request.post('/api/v1/workspaces', { data: { name: 'Team' } })).json();
	const board = await (
		await someone.context.request.post(`/api/v1/workspaces/${workspace.id}/boards`, { data: { title: 'Order' } })
	).json();
	const page = someone.page;
	await open(someone, board.id);
	const stageTitles = () => page.getByRole('columnheader').allInnerTexts();

	const loyalty = (await page.getByRole('columnheader').filter({ hasText: 'Loyalty' }).boundingBox())!;
	const orientation = (await page.getByRole('columnheader').filter({ hasText: 'Orientation' }).boundingBox())!;
	await page.mouse.move(loyalty.x + 30, loyalty.y + loyalty.height / 2);
	await page.mouse.down();
	await page.mouse.move(loyalty.x - 60, loyalty.y + loyalty.height / 2, { steps: 4 });
	await page.mouse.move(orientation.x + 5, orientation.y + orientation.height / 2, { steps: 8 });
	await page.mouse.up();
	await expect.poll(async () => (await stageTitles()).map((t) => t.trim())[0]).toBe('Loyalty');

	await page.getByRole('button', { name: 'Zoom to fit' }).click();
	const emotion = (await page.getByRole('rowheader').filter({ hasText: 'Emotion curve' }).boundingBox())!;
	const actions = (await page.getByRole('rowheader').filter({ hasText: 'Customer actions' }).boundingBox())!;
	await page.mouse.move(emotion.x + 40, emotion.y + 10);
	await page.mouse.down();
	await page.mouse.move(emotion.x + 40, emotion.y - 40, { steps: 4 });
	await page.mouse.move(actions.x + 40, actions.y + 4, { steps: 8 });
	await page.mouse.up();
	await expect
		.poll(async () => (await page.getByRole('rowheader').first().innerText()).split('\n')[0])
		.toBe('Emotion curve');
	await someone.context.close();
});
