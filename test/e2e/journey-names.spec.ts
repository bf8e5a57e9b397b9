import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { bind, bindInDutch, cardButton, measuredBoard } from './journey-helpers';

/**
 * Journey figures that say what they mean: event types by the names the workspace gave them,
 * whole customers in the what-if (the exact estimate in its tooltip), a CSAT lever that names
 * the missing measure, and a warning when one event type is bound in two stages.
 */

const SHOTS = '/tmp/journey-names';
const ids = Array.from({ length: 40 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);
const customers = ['customer_id,city', ...ids.map((id, i) => `${id},${i < 20 ? 'Utrecht' : 'Zwolle'}`)].join('\n');
// 40 view a product, 25 compare, 10 check out; comparing has effort answers (CES), no CSAT.
const events = [
	'customer_id,date,event_type,channel',
	...ids.map((id) => `${id},2026-05-01,product_view,web`),
	...ids.slice(0, 25).map((id) => `${id},2026-05-02,compare,web`),
	...ids.slice(0, 10).map((id) => `${id},2026-05-03,checkout,web`)
].join('\n');
const answers = ['customer_id,date,kind,score,step,comment', ...ids.slice(0, 10).map((id, i) => `${id},2026-05-02,ces,${1 + (i % 7)},compare,`)].join('\n');

test('event types by their names, whole customers, a CSAT lever that names the missing measure, a warning for a type in two stages', async ({ page, browser }) => {
	// Two pages (the data page, then the map) and four bindings: more than the default half minute on a busy machine.
	test.slow();
	mkdirSync(SHOTS, { recursive: true });
	const boardId = await measuredBoard(page, 'names', 'en', { customers, events, answers });
	const { workspaceId } = await (await page.request.get(`/api/v1/boards/${boardId}`)).json();

	// The workspace names an event type on its Customer data page; a name too long is refused, and kept to fix.
	await page.goto(`/w/${workspaceId}/data`);
	const names = page.getByRole('region', { name: 'Event types' });
	const productView = names.getByLabel('Name of product_view');
	await expect(productView).toHaveAttribute('placeholder', 'Product view');
	await productView.fill('Views a product '.repeat(6));
	await names.getByRole('button', { name: 'Save names' }).click();
	await expect(names).toContainText('This is too long');
	await expect(productView).toHaveValue('Views a product '.repeat(6));
	await productView.fill('Views a product');
	await names.getByRole('button', { name: 'Save names' }).click();
	await expect(names.getByRole('status')).toContainText('Names saved');
	await names.screenshot({ path: `${SHOTS}/event-type-names-en.png` });

	await page.goto(`/b/${boardId}`);
	await expect(page.getByRole('status').filter({ hasText: 'Online' })).toBeVisible({ timeout: 10_000 });
	await bind(page, 'Lands on a product page from search', 'product_view', 'Views a product');
	await bind(page, 'Compares variants and reads reviews', 'compare');
	await bind(page, 'Checkout', 'checkout');
	const figures = page.getByTestId('step-figures');
	await expect(figures).toHaveCount(3, { timeout: 10_000 });

	// Only CES answers are tagged with comparing: the CSAT lever says so, not "no survey answers".
	await cardButton(page, 'Compares variants and reads reviews').click();
	const whatIf = page.getByTestId('what-if');
	await expect(whatIf.getByRole('radio', { name: 'Higher CSAT' })).toBeDisabled({ timeout: 10_000 });
	await expect(whatIf.getByTestId('csat-unavailable')).toHaveText(
		'No CSAT answers are tagged with this step, so CSAT cannot be a lever here; the 10 CES answers tagged with it measure something else.'
	);
	// 7 points fewer drop-offs among 25: 1.75 more in the 3 days measured, 17.5 in 30 days — shown as 18.
	await whatIf.getByLabel('Fewer drop-offs (percentage points)').fill('7');
	await whatIf.getByLabel('Over').selectOption({ label: '30 days' });
	await whatIf.getByRole('button', { name: 'Estimate' }).click();
	const result = whatIf.locator('.result');
	await expect(result).toContainText('18 more customers go on, 18 more reach the last step');
	await expect(result).toHaveAttribute('title', 'Estimated: 17.5 customers go on, 17.5 reach the last step (an expectation over many customers, hence the fractions).');
	await expect(result).not.toContainText('17.5');
	await whatIf.screenshot({ path: `${SHOTS}/whatif-whole-customers-en.png` });

	// A later step of the same event type: the list says which stage has it already, and binding it explains the effect.
	await cardButton(page, 'Order confirmation and track & trace').click();
	const option = page.getByLabel('Add event type').locator('option[value="product_view"]');
	await expect(option).toHaveText(/^Views a product · 40 customers · web · ⚠ also in “Orientation”$/);
	await bind(page, 'Order confirmation and track & trace', 'product_view', 'Views a product');
	await expect(page.getByTestId('binding-warning')).toHaveText(
		'“Views a product” is also bound to “Lands on a product page from search” in the earlier stage “Orientation”. One event moves a customer one stage only, so a customer’s first “Views a product” counts there: this step counts only customers who do it again after reaching the stage before it, and that stage shows everyone else as dropped off.'
	);
	// The metrics lane flags both steps; the later one is reached by nobody, and checkout now shows everyone as dropped off.
	await expect(figures).toHaveCount(4, { timeout: 10_000 });
	const later = page.locator('[data-testid="step-figures"]').nth(3);
	await expect(later).toContainText('0 reached', { timeout: 10_000 });
	await expect(later.getByTestId('shared-binding')).toHaveText('⚠ shares Views a product');
	await expect(figures.nth(0).getByTestId('shared-binding')).toHaveAttribute('title', /also bound to “Order confirmation and track & trace” in the later stage/);
	await expect(figures.nth(2)).toContainText('100% drop off (10)');
	await page.getByRole('button', { name: 'Zoom to fit' }).click();
	await page.screenshot({ path: `${SHOTS}/canvas-shared-binding-en.png` });

	// The metrics lane up close: the whole map fits the window, so look at it at three times the pixels.
	const sharp = await browser.newContext({ storageState: await page.context().storageState(), deviceScaleFactor: 3, viewport: { width: 1600, height: 1000 } });
	const close = await sharp.newPage();
	await close.goto(`/b/${boardId}`);
	// Fit once the figures are there: fitting an empty board first leaves them wherever they land.
	await expect(close.getByTestId('shared-binding')).toHaveCount(2, { timeout: 10_000 });
	await close.getByRole('button', { name: 'Zoom to fit' }).click();
	// The figures' outline once the zoom to fit has settled (the same twice in a row).
	const outline = async () => {
		const boxes = await Promise.all((await close.getByTestId('step-figures').all()).map((step) => step.boundingBox()));
		if (boxes.length === 0 || boxes.some((b) => !b)) return null;
		return {
			left: Math.min(...boxes.map((b) => b!.x)),
			top: Math.min(...boxes.map((b) => b!.y)),
			right: Math.max(...boxes.map((b) => b!.x + b!.width)),
			bottom: Math.max(...boxes.map((b) => b!.y + b!.height))
		};
	};
	let settled: Awaited<ReturnType<typeof outline>> = null;
	await expect
		.poll(async () => {
			const previous = settled;
			settled = await outline();
			const inView = settled !== null && settled.left >= 0 && settled.top >= 0 && settled.right <= 1600 && settled.bottom + 30 <= 1000;
			return inView && JSON.stringify(settled) === JSON.stringify(previous);
		})
		.toBe(true);
	const { left, top, right, bottom } = settled!;
	await close.screenshot({ path: `${SHOTS}/metrics-lane-shared-en.png`, clip: { x: left - 4, y: top - 4, width: right - left + 8, height: bottom - top + 30 } });
	await sharp.close();
});

test.describe('in Dutch', () => {
	test.use({ locale: 'nl-NL', extraHTTPHeaders: { 'Accept-Language': 'nl-NL,nl;q=0.9' } });

	test('names, the CSAT lever and the warning speak Dutch', async ({ page }) => {
		mkdirSync(SHOTS, { recursive: true });
		const boardId = await measuredBoard(page, 'namen', 'nl', { customers, events, answers });
		const { workspaceId } = await (await page.request.get(`/api/v1/boards/${boardId}`)).json();
		await page.request.patch(`/api/v1/workspaces/${workspaceId}/event-types`, { data: { labels: { product_view: 'Bekijkt een product', compare: 'Vergelijkt' } } });
		await page.goto(`/b/${boardId}`);
		await expect(page.getByRole('status').filter({ hasText: 'Online' })).toBeVisible({ timeout: 10_000 });
		await bindInDutch(page, [
			['Komt via een zoekmachine op een productpagina', 'product_view'],
			['Vergelijkt varianten en leest reviews', 'compare'],
			['Orderbevestiging en track & trace', 'product_view']
		]);
		await expect(page.getByRole('button', { name: 'Bekijkt een product verwijderen' })).toBeVisible();
		await expect(page.getByTestId('binding-warning')).toContainText('“Bekijkt een product” is ook gekoppeld aan “Komt via een zoekmachine op een productpagina” in de eerdere fase “Oriëntatie”.');
		await cardButton(page, 'Vergelijkt varianten en leest reviews').click();
		await expect(page.getByTestId('csat-unavailable')).toHaveText(
			'Aan deze stap zijn geen CSAT-antwoorden gekoppeld, dus CSAT kan hier geen hefboom zijn; de 10 CES-antwoorden die eraan gekoppeld zijn, meten iets anders.',
			{ timeout: 10_000 }
		);
		await page.screenshot({ path: `${SHOTS}/canvas-names-nl.png` });
		await page.goto(`/w/${workspaceId}/data`);
		const names = page.getByRole('region', { name: 'Soorten gebeurtenissen' });
		await expect(names.getByLabel('Naam van product_view')).toHaveValue('Bekijkt een product');
		await names.screenshot({ path: `${SHOTS}/event-type-names-nl.png` });
	});
});
