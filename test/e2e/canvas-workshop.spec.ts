import { expect, test } from '@playwright/test';
import { backgroundPoint, boardWithTeam, open, ownBoard, person, viewTransform } from './canvas-helpers';

/** The canvas as a team uses it in a workshop: following the facilitator, adding structure, long cards, personas. */

test('following a colleague: my view takes theirs on every pan and zoom, and neither page throws', async ({ browser }) => {
	// Two people, sixteen view changes, each waited for on the other screen.
	test.setTimeout(90_000);
	const { owner, editor, viewer, boardId } = await boardWithTeam(browser, 'webshop');
	await Promise.all([open(owner, boardId), open(editor, boardId)]);
	const a = owner.page;
	const b = editor.page;

	await b.getByRole('button', { name: 'Follow Anna' }).click();
	await expect(b.getByRole('button', { name: 'Stop following' })).toBeVisible();

	for (let round = 0; round < 4; round++) {
		// Pan: drag the background.
		const from = await backgroundPoint(a);
		await a.mouse.move(from.x, from.y);
		await a.mouse.down();
		await a.mouse.move(from.x - 60, from.y - 30, { steps: 6 });
		await a.mouse.move(from.x - 120, from.y - 50, { steps: 6 });
		await a.mouse.up();
		const panned = await viewTransform(a);
		await expect.poll(() => viewTransform(b)).toBe(panned);

		// Zoom: the wheel, then the toolbar.
		await a.mouse.move(from.x, from.y);
		await a.mouse.wheel(0, round % 2 ? 240 : -240);
		await a.getByRole('button', { name: round % 2 ? 'Zoom out' : 'Zoom in' }).click();
		const zoomed = await viewTransform(a);
		expect(zoomed).not.toBe(panned);
		await expect.poll(() => viewTransform(b)).toBe(zoomed);
	}

	// Moving my own view ends following; the other's next pan no longer moves me.
	const mine = await backgroundPoint(b);
	await b.mouse.move(mine.x, mine.y);
	await b.mouse.down();
	await b.mouse.move(mine.x + 80, mine.y + 40, { steps: 5 });
	await b.mouse.up();
	await expect(b.getByRole('button', { name: 'Follow Anna' })).toBeVisible();
	const own = await viewTransform(b);
	await a.getByRole('button', { name: 'Zoom in' }).click();
	await a.waitForTimeout(300);
	expect(await viewTransform(b)).toBe(own);

	expect(owner.errors).toEqual([]);
	expect(editor.errors).toEqual([]);
	await b.screenshot({ path: '/tmp/canvas-follow.png' });
	await Promise.all([owner, editor, viewer].map((p) => p.context.close()));
});

test('a stage or lane just added comes into view with its title ready to type over', async ({ browser }) => {
	const someone = await person(browser, 'Gijs', { width: 1100, height: 700 });
	const { boardId } = await ownBoard(someone, 'webshop');
	const page = someone.page;
	await open(someone, boardId);
	// Life size, on a board far wider and taller than the window: the end of it is off-screen.
	await page.getByRole('button', { name: 'Zoom in' }).click();
	await page.getByRole('button', { name: 'Zoom in' }).click();
	const viewport = (await page.locator('.viewport').boundingBox())!;
	const inSight = async (box: { x: number; y: number; width: number; height: number } | null) =>
		!!box && box.x >= viewport.x && box.x + box.width <= viewport.x + viewport.width + 1 && box.y >= viewport.y && box.y + box.height <= viewport.y + viewport.height + 1;

	await page.getByRole('button', { name: 'Add stage' }).click();
	const stageTitle = page.getByRole('columnheader').last().getByRole('textbox', { name: 'Rename stage' });
	await expect(stageTitle).toBeFocused();
	await expect.poll(async () => inSight(await stageTitle.boundingBox())).toBe(true);
	await expect(stageTitle).toHaveValue('New stage');
	await page.screenshot({ path: '/tmp/canvas-adding-stage.png' });
	// Typing replaces the placeholder title.
	await page.keyboard.type('Returns');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('columnheader').last()).toHaveText(/Returns/);
	await expect(page.getByRole('columnheader').filter({ hasText: 'New stage' })).toHaveCount(0);
	await page.screenshot({ path: '/tmp/canvas-added-stage.png' });

	await page.getByRole('button', { name: 'Add lane' }).click();
	const laneTitle = page.getByRole('rowheader').last().getByRole('textbox', { name: 'Rename lane' });
	await expect(laneTitle).toBeFocused();
	await expect.poll(async () => inSight(await laneTitle.boundingBox())).toBe(true);
	await page.keyboard.type('Chat');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('rowheader').last()).toHaveText(/Chat/);
	await page.screenshot({ path: '/tmp/canvas-added-lane.png' });
	expect(someone.errors).toEqual([]);
	await someone.context.close();
});
