import { expect, test, type Browser } from '@playwright/test';
import { backgroundPoint, boardWithTeam, cardButton, open, ownBoard, person, viewTransform, type Person } from './canvas-helpers';

/** One person alone on a new webshop map, open in their page. */
async function onWebshopBoard(browser: Browser, name: string, viewport: { width: number; height: number }) {
	const someone = await person(browser, name, viewport);
	await open(someone, (await ownBoard(someone, 'webshop')).boardId);
	return someone;
}

async function closeWithoutErrors(someone: Person) {
	expect(someone.errors).toEqual([]);
	await someone.context.close();
}

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
	const someone = await onWebshopBoard(browser, 'Gijs', { width: 1100, height: 700 });
	const page = someone.page;
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
	await closeWithoutErrors(someone);
});

test('a card grows with its text, shows all of it when picked, and its chips never cover it', async ({ browser }) => {
	const someone = await onWebshopBoard(browser, 'Hanna', { width: 1400, height: 900 });
	const page = someone.page;
	const medium =
		'Customers only see the delivery costs at the very last step, after entering their address and choosing a payment method';
	const long = `${medium}. ${'Several people in the workshop had the same story: they left and bought the product elsewhere. '.repeat(4)}`.trim();

	// A drop-off cause (with its category chip) gets four lines of text.
	await cardButton(page, 'Unexpected delivery costs').dblclick();
	await page.keyboard.press('Control+a');
	// Typed at once, as pasted: typing it key by key only makes the test slow.
	await page.keyboard.insertText(medium);
	await page.keyboard.press('Enter');
	const dropoff = page.locator('.card').filter({ has: cardButton(page, medium) });
	const text = dropoff.locator('.text');
	// All of its text is shown: nothing cut off below.
	await expect.poll(() => text.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
	expect(await text.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(3 * 15);
	const chip = dropoff.locator('.detail');
	await expect(chip).toHaveText('Unclear information');
	const [textBox, chipBox, cardBox] = [(await text.boundingBox())!, (await chip.boundingBox())!, (await dropoff.boundingBox())!];
	expect(chipBox.y).toBeGreaterThanOrEqual(textBox.y + textBox.height);
	expect(chipBox.y + chipBox.height).toBeLessThanOrEqual(cardBox.y + cardBox.height);
	// Its row grew with it: the next row starts below the card.
	const next = (await page.getByRole('rowheader').filter({ hasText: 'Opportunities' }).boundingBox())!;
	expect(next.y).toBeGreaterThanOrEqual(cardBox.y + cardBox.height);

	// An opportunity with far more text than a card holds: clamped with an ellipsis, all of it once picked.
	await cardButton(page, 'Suggest accessories that fit the purchase').dblclick();
	await page.keyboard.press('Control+a');
	await page.keyboard.insertText(long);
	await page.keyboard.press('Enter');
	await page.getByRole('application').focus();
	await page.keyboard.press('Escape');
	const opportunity = page.locator('.card').filter({ has: cardButton(page, long) });
	const longText = opportunity.locator('.text');
	await expect(longText).toHaveClass(/clamped/);
	const closed = (await opportunity.boundingBox())!;
	await cardButton(page, long).click();
	await expect(longText).not.toHaveClass(/clamped/);
	await expect.poll(async () => (await opportunity.boundingBox())!.height).toBeGreaterThan(closed.height);
	await expect.poll(() => longText.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
	const lever = opportunity.locator('.detail');
	await expect(lever).toHaveText('Cross-sell');
	const [open_, leverBox] = [(await longText.boundingBox())!, (await lever.boundingBox())!];
	expect(leverBox.y).toBeGreaterThanOrEqual(open_.y + open_.height);
	await page.screenshot({ path: '/tmp/canvas-long-cards.png' });
	await closeWithoutErrors(someone);
});

test('with a persona chosen, the team’s emotion curve stays behind theirs, faint, for reference', async ({ browser }) => {
	const someone = await onWebshopBoard(browser, 'Iris', { width: 1400, height: 900 });
	const page = someone.page;
	await page.getByRole('button', { name: 'Personas' }).click();
	await page.getByLabel('Persona name').fill('Sanne');
	await page.getByRole('button', { name: 'Add persona' }).click();
	const reference = page.getByTestId('team-reference-curve');
	await expect(reference).toHaveCount(0);

	await page.getByRole('combobox', { name: 'Persona', exact: true }).selectOption({ label: 'Sanne' });
	// Sanne has no emotions yet: her points are open, the team's curve is there to compare with.
	await expect(page.getByRole('slider', { name: 'Set the emotion in Purchase' })).toBeVisible();
	await expect(reference).toHaveCount(1);
	expect(await reference.locator('path').getAttribute('d')).toMatch(/^M[\d.,-]+C/);
	await expect(reference.locator('circle')).toHaveCount(6);
	const legend = page.getByRole('list', { name: 'Curves in this lane' });
	await expect(legend.getByRole('listitem')).toContainText(['Sanne', 'Team, for reference']);

	// Setting one of hers keeps the team's curve as it was.
	const before = await reference.locator('path').getAttribute('d');
	await page.getByRole('slider', { name: 'Set the emotion in Purchase' }).focus();
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('slider', { name: 'Emotion in Purchase: -1' })).toBeVisible();
	expect(await reference.locator('path').getAttribute('d')).toBe(before);
	await page.getByRole('button', { name: 'Close details' }).click();
	await page.getByRole('button', { name: 'Zoom to fit' }).click();
	await page.screenshot({ path: '/tmp/canvas-persona-emotion.png' });

	// Back to everyone: the team's own curve is the one drawn, no reference behind it.
	await page.getByRole('combobox', { name: 'Persona', exact: true }).selectOption({ label: 'All personas' });
	await expect(reference).toHaveCount(0);
	await closeWithoutErrors(someone);
});
