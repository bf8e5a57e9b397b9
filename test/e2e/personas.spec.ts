import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

/** Personas: derive them for a group in the browser, see the cards with their evidence and the comparison chart. */

const END = Date.UTC(2026, 5, 30);
const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Three planted kinds of customer (app regulars, store big spenders, one-off web buyers), 30 each.
 * Their lifetime value (by the pooled formula: 90 customers are too few for BG/NBD) splits the
 * store customers by their three or four visits, and four personas fit the data best.
 */
function plantedData() {
	let seed = 11;
	const rng = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
	const customers = ['customer_id,name,email'];
	const transactions = ['customer_id,date,amount,channel,category'];
	const events = ['customer_id,date,event_type'];
	const segments = [
		{ name: 'app', n: [10, 14], amount: [25, 35], channel: 'app', category: 'Snacks', ago: [1, 14], span: 300, steps: ['view', 'basket', 'checkout'] },
		{ name: 'store', n: [3, 4], amount: [250, 350], channel: 'winkel', category: 'Wonen', ago: [80, 100], span: 200, steps: ['view', 'basket'] },
		{ name: 'web', n: [1, 1], amount: [15, 25], channel: 'web', category: 'Boeken', ago: [260, 290], span: 0, steps: ['view'] }
	];
	for (const s of segments) {
		for (let i = 0; i < 30; i++) {
			const id = `${s.name}-${i}`;
			customers.push(`${id},Klant ${id},${id}@example.nl`);
			const n = Math.round(s.n[0]! + (s.n[1]! - s.n[0]!) * rng());
			const last = END - Math.round(s.ago[0]! + (s.ago[1]! - s.ago[0]!) * rng()) * DAY;
			for (let p = 0; p < n; p++) {
				const at = n === 1 ? last : last - Math.round((s.span * (n - 1 - p)) / (n - 1)) * DAY;
				transactions.push(`${id},${day(at)},${(s.amount[0]! + (s.amount[1]! - s.amount[0]!) * rng()).toFixed(2)},${s.channel},${s.category}`);
			}
			s.steps.forEach((step, k) => events.push(`${id},${day(last - (s.steps.length - k) * DAY)},${step}`));
		}
	}
	return { customers: customers.join('\n'), transactions: transactions.join('\n'), events: events.join('\n') };
}

/** The names the planted kinds get from what sets them apart, largest persona first. */
const SUGGESTED_NAMES = {
	en: ['Thrifty webshop buyers', 'Active app buyers', 'Occasional store shoppers', 'High-value store shoppers'],
	nl: ['Zuinige webshopkopers', 'Actieve app-kopers', 'Incidentele winkelkopers', 'Waardevolle winkelkopers']
};

async function importCsv(request: APIRequestContext, workspaceId: string, kind: string, csv: string) {
	const started = await request.post(`/api/v1/workspaces/${workspaceId}/imports`, {
		multipart: { kind, file: { name: `${kind}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) } },
		headers: { origin: new URL(test.info().project.use.baseURL!).origin }
	});
	expect(started.status()).toBe(202);
	const { id } = await started.json();
	await expect
		.poll(async () => (await (await request.get(`/api/v1/imports/${id}`)).json()).status, { timeout: 15_000 })
		.toBe('done');
}

async function groupWithData(page: Page) {
	const email = `personas-${Date.now()}@example.com`;
	await page.request.post('/api/v1/auth/signup', { data: { email, password: 'correct horse battery', name: 'Persona maker' } });
	const workspace = await (await page.request.post('/api/v1/workspaces', { data: { name: 'Webwinkel' } })).json();
	const data = plantedData();
	await importCsv(page.request, workspace.id, 'customers', data.customers);
	await importCsv(page.request, workspace.id, 'transactions', data.transactions);
	await importCsv(page.request, workspace.id, 'events', data.events);
	const group = await (
		await page.request.post(`/api/v1/workspaces/${workspace.id}/groups`, {
			data: { name: 'All buyers', basis: 'value', rule: { match: 'all', conditions: [] } }
		})
	).json();
	return { workspaceId: workspace.id as string, groupId: group.id as string };
}

/** A phone screen at the form, the first card and the comparison (a full page is too long to read). */
async function phoneScreenshots(page: Page, locale: string) {
	// Charts measure their width after a resize (ResizeObserver): let them settle.
	await page.waitForTimeout(300);
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.screenshot({ path: `screenshots/personas-phone-${locale}-1-form.png` });
	await page.getByTestId('persona-card').first().scrollIntoViewIfNeeded();
	await page.getByTestId('persona-card').first().screenshot({ path: `screenshots/personas-phone-${locale}-2-card.png` });
	await page.getByTestId('persona-comparison').screenshot({ path: `screenshots/personas-phone-${locale}-3-comparison.png` });
	await page.getByTestId('derivation-summary').screenshot({ path: `screenshots/personas-phone-${locale}-4-summary.png` });
}

test('derive personas for a group and compare them, in English and Dutch, on desktop and phone', async ({ page }) => {
	test.setTimeout(90_000);
	const { workspaceId, groupId } = await groupWithData(page);
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto(`/w/${workspaceId}/groups/${groupId}`);
	await page.screenshot({ path: 'screenshots/personas-group-page.png' });
	await page.getByRole('link', { name: 'Personas' }).click();
	await expect(page.getByRole('heading', { name: 'Personas of All buyers' })).toBeVisible();
	await expect(page.getByText('No personas yet')).toBeVisible();

	// No personas yet: the settings are open, above the empty gallery.
	await expect(page.locator('details.settings')).toHaveAttribute('open', '');
	await page.getByRole('button', { name: 'Derive personas' }).click();
	const cards = page.getByTestId('persona-card');
	await expect(cards).toHaveCount(4, { timeout: 30_000 });
	// Named by what sets them apart, not "Persona A…C"; the cards come first, the settings fold away.
	const names = await cards.locator('h3').allInnerTexts();
	expect(names).toEqual(SUGGESTED_NAMES.en);
	await expect(page.locator('details.settings')).not.toHaveAttribute('open', '');
	const firstCard = await cards.first().boundingBox();
	const deriveAgain = await page.getByRole('button', { name: 'Derive again' }).boundingBox();
	expect(firstCard!.y).toBeLessThan(deriveAgain!.y);
	await expect(page.getByText('mostly in the app (100% of purchases)')).toBeVisible();
	await expect(cards.first()).toContainText('What sets them apart');
	await expect(page.getByTestId('persona-comparison').locator('svg')).toBeVisible();
	await expect(page.getByTestId('derivation-summary')).toContainText('4 personas from 90 customers');

	// A hand-made persona sits beside the derived ones, marked as such.
	await page.getByLabel('Name', { exact: true }).fill('Researcher Rita');
	await page.getByRole('button', { name: 'Add persona' }).click();
	await expect(cards).toHaveCount(5);
	await expect(cards.filter({ hasText: 'Researcher Rita' })).toContainText('Hand-made');

	// A progress bar survives a reload while a derivation runs; the derivation then replaces the figures, keeping names.
	await page.getByRole('button', { name: 'Derive again' }).click();
	await expect(cards).toHaveCount(5, { timeout: 30_000 });
	await expect(page.getByTestId('derivation-summary')).toContainText('continues, unchanged');

	await page.screenshot({ path: 'screenshots/personas-desktop-en.png', fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await phoneScreenshots(page, 'en');

	await page.request.patch('/api/v1/me', { data: { locale: 'nl' } });
	await page.reload();
	await expect(page.getByRole('heading', { name: "Persona's van All buyers" })).toBeVisible();
	await expect(page.getByText('vooral in de app (100% van de aankopen)')).toBeVisible();
	// Names the team has not changed follow the team's language at the next derivation; a name they gave stays.
	await cards.first().getByText('Hernoemen').click();
	await cards.first().getByRole('textbox').fill('Koopjesjagers');
	await cards.first().getByRole('button', { name: 'Opslaan' }).click();
	await expect(cards.first().locator('h3')).toHaveText('Koopjesjagers');
	await page.getByRole('button', { name: 'Opnieuw afleiden' }).click();
	await expect(page.getByTestId('derivation-summary')).toContainText(`${SUGGESTED_NAMES.nl[1]} blijft, onveranderd`, { timeout: 30_000 });
	await expect(cards.locator('h3')).toHaveText(['Koopjesjagers', ...SUGGESTED_NAMES.nl.slice(1), 'Researcher Rita']);
	await phoneScreenshots(page, 'nl');
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.screenshot({ path: 'screenshots/personas-desktop-nl.png', fullPage: true });
});

test('two people write one persona card at once, and it prints on one page', async ({ page, browser }) => {
	test.setTimeout(90_000);
	const { workspaceId, groupId } = await groupWithData(page);
	const started = await (await page.request.post(`/api/v1/groups/${groupId}/personas/derive`, { data: { k: 3 } })).json();
	await expect
		.poll(async () => (await (await page.request.get(`/api/v1/persona-derivations/${started.id}`)).json()).status, { timeout: 30_000 })
		.toBe('done');
	const { items } = await (await page.request.get(`/api/v1/groups/${groupId}/personas`)).json();
	const persona = items[0];

	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto(`/w/${workspaceId}/groups/${groupId}/personas`);
	await page.getByRole('link', { name: persona.name }).click();
	await expect(page.getByRole('heading', { level: 2, name: persona.name })).toBeVisible();
	const other = await browser.newContext({ storageState: await page.context().storageState(), viewport: { width: 1280, height: 900 } });
	const second = await other.newPage();
	await second.goto(page.url());
	for (const p of [page, second]) await expect(p.getByTestId('persona-narrative')).toHaveAttribute('data-synced', 'true');

	await page.getByLabel('Quote').fill('I want it quick, on my phone.');
	await second.getByLabel('Goals and wishes').fill('Groceries in five minutes');
	await expect(second.getByLabel('Quote')).toHaveValue('I want it quick, on my phone.');
	await expect(page.getByLabel('Goals and wishes')).toHaveValue('Groceries in five minutes');
	// Both type into one field at once: both keep their words.
	await page.getByLabel('Frustrations').fill('Slow checkout.');
	await expect(second.getByLabel('Frustrations')).toHaveValue('Slow checkout.');
	await page.getByLabel('Frustrations').press('End');
	await second.getByLabel('Frustrations').press('Home');
	await Promise.all([page.getByLabel('Frustrations').pressSequentially(' Queues.'), second.getByLabel('Frustrations').pressSequentially('Ads. ')]);
	await expect(page.getByLabel('Frustrations')).toHaveValue('Ads. Slow checkout. Queues.');
	await expect(second.getByLabel('Frustrations')).toHaveValue('Ads. Slow checkout. Queues.');
	await page.getByRole('button', { name: 'Illustration leaf' }).click();
	await expect(second.getByText('also here:')).toBeVisible();
	await expect(page.getByTestId('persona-data')).toContainText('What sets them apart');

	await page.screenshot({ path: 'screenshots/persona-card-desktop-en.png', fullPage: true });
	// The owner sees who the representative customers are; a print leaves them out unless asked for.
	const who = /Klant (app|store|web)-\d+ (app|store|web)-\d+/;
	await expect(page.getByTestId('persona-representatives')).toContainText(who);
	const printed = () => page.locator('body').evaluate((body) => (body as HTMLElement).innerText);
	await page.emulateMedia({ media: 'print' });
	expect(await printed()).not.toMatch(/Klant|(app|store|web)-\d+/);
	expect(await printed()).toContain('Customer 1');
	await page.screenshot({ path: 'screenshots/persona-card-print.png', fullPage: true });
	await page.emulateMedia({ media: 'screen' });
	await page.getByLabel('Print customer names and numbers').check();
	await page.emulateMedia({ media: 'print' });
	expect(await printed()).toMatch(who);
	await page.screenshot({ path: 'screenshots/persona-card-print-personal.png', fullPage: true });
	await page.emulateMedia({ media: 'screen' });
	await other.close();

	// Stored by the server: a fresh load shows the card as written.
	await page.reload();
	await expect(page.getByTestId('persona-narrative')).toHaveAttribute('data-synced', 'true');
	await expect(page.getByLabel('Quote')).toHaveValue('I want it quick, on my phone.');
	await page.setViewportSize({ width: 390, height: 844 });
	await page.waitForTimeout(300);
	await page.screenshot({ path: 'screenshots/persona-card-phone-en.png' });

	// A journey map scoped to the group's personas: filter the map by one of them.
	await page.setViewportSize({ width: 1280, height: 900 });
	const board = await (
		await page.request.post(`/api/v1/workspaces/${workspaceId}/boards`, { data: { title: 'Webshop', template: 'webshop' } })
	).json();
	await page.goto(`/b/${board.id}`);
	await expect(page.getByRole('status').filter({ hasText: /Online/ })).toBeVisible();
	await page.getByRole('button', { name: 'Personas', exact: true }).click();
	await page.getByLabel('Choose a group').selectOption({ label: 'All buyers' });
	await page.getByRole('button', { name: 'Add its personas' }).click();
	await expect(page.getByRole('link', { name: `Open the card of ${persona.name}` })).toBeVisible();
	const filter = page.getByRole('combobox', { name: 'Persona' });
	await expect(filter.locator('option')).toHaveCount(4);
	await filter.selectOption({ label: persona.name });
	await page.screenshot({ path: 'screenshots/persona-board-filter.png' });

	// The map's measured figures follow the persona filter: that persona's customers only.
	await filter.selectOption({ index: 0 });
	await page.getByRole('button', { name: /: Lands on a product page from search$/ }).click();
	await page.getByLabel('Add event type').selectOption('view');
	const figures = page.getByTestId('step-figures');
	await expect(figures.first()).toContainText('90 reached', { timeout: 10_000 });
	await page.keyboard.press('Escape');
	await filter.selectOption({ label: persona.name });
	await expect(figures.first()).toContainText(`${persona.size} reached`);
	await filter.selectOption({ index: 0 });
	await expect(figures.first()).toContainText('90 reached');

	// Customer value, cut to the persona.
	await page.goto(`/w/${workspaceId}/value?cut=persona:${persona.id}`);
	await expect(page.getByTestId('value-summary').locator('div').first()).toContainText(String(persona.size), { timeout: 15_000 });
	await expect(page.getByRole('combobox', { name: 'Customers' })).toHaveText(`All buyers · ${persona.name}`);
});

test('personas a new derivation sets aside stay readable in the archive and can be deleted there', async ({ page }) => {
	const { workspaceId, groupId } = await groupWithData(page);
	const derive = async (k: number) => {
		const started = await (await page.request.post(`/api/v1/groups/${groupId}/personas/derive`, { data: { k } })).json();
		await expect
			.poll(async () => (await (await page.request.get(`/api/v1/persona-derivations/${started.id}`)).json()).status, { timeout: 30_000 })
			.toBe('done');
	};
	await derive(5);
	await derive(3);
	const archived = (await (await page.request.get(`/api/v1/groups/${groupId}/personas?archived=true`)).json()).items as { id: string; name: string }[];
	expect(archived.length).toBeGreaterThanOrEqual(2);

	await page.goto(`/w/${workspaceId}/groups/${groupId}/personas`);
	await page.getByText(`${archived.length} archived personas`).click();
	const first = archived[0]!;
	await expect(page.getByRole('link', { name: first.name, exact: true })).toBeVisible();
	await page.screenshot({ path: 'screenshots/personas-archived.png', fullPage: true });

	const row = page.locator('.archived li').filter({ has: page.getByRole('link', { name: first.name, exact: true }) });
	await row.getByRole('button', { name: 'Delete' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByRole('link', { name: first.name, exact: true })).toHaveCount(0);
	const left = (await (await page.request.get(`/api/v1/groups/${groupId}/personas?archived=true`)).json()).items;
	expect(left.map((p: { id: string }) => p.id)).not.toContain(first.id);
	expect(left).toHaveLength(archived.length - 1);
});

test('a group too small for personas says so before anyone clicks Derive, in English and Dutch', async ({ page }) => {
	const { workspaceId } = await groupWithData(page);
	const group = async (name: string, conditions: unknown[]) =>
		(
			await (
				await page.request.post(`/api/v1/workspaces/${workspaceId}/groups`, { data: { name, basis: 'value', rule: { match: 'all', conditions } } })
			).json()
		).id as string;
	const appOnly = await group('App regulars', [{ field: 'transactions', op: 'gte', value: 10 }]);
	const nobody = await group('Big spenders only', [{ field: 'transactions', op: 'gte', value: 100 }]);

	await page.goto(`/w/${workspaceId}/groups/${nobody}/personas`);
	const derive = page.getByRole('button', { name: 'Derive personas' });
	await expect(derive).toBeDisabled();
	await expect(page.getByTestId('persona-shortfall')).toHaveText(
		'This group has 0 customers; personas need at least 30. Widen the group\'s rule or import more customer data, or add a persona by hand below.'
	);
	await expect(page.getByText('At least 10 customers per persona, and 30 in all.')).toBeVisible();

	// 30 app customers carry three personas, not four: choosing 4 says so and waits.
	await page.goto(`/w/${workspaceId}/groups/${appOnly}/personas`);
	await expect(derive).toBeEnabled();
	await expect(page.getByTestId('persona-shortfall')).toHaveCount(0);
	await page.getByRole('combobox', { name: 'Number of personas' }).click();
	await page.getByRole('option', { name: '4', exact: true }).click();
	await expect(derive).toBeDisabled();
	await expect(page.getByTestId('persona-shortfall')).toHaveText(
		'This group has 30 customers; 4 personas need at least 40. Choose 3 or fewer, or Automatic.'
	);
	await page.screenshot({ path: 'screenshots/personas-too-small-en.png', fullPage: true });

	await page.request.patch('/api/v1/me', { data: { locale: 'nl' } });
	await page.goto(`/w/${workspaceId}/groups/${nobody}/personas`);
	await expect(page.getByRole('button', { name: "Persona's afleiden" })).toBeDisabled();
	await expect(page.getByTestId('persona-shortfall')).toHaveText(
		"Deze groep heeft 0 klanten; persona's vragen er minstens 30. Verruim de regel van de groep of importeer meer klantdata, of voeg hieronder zelf een persona toe."
	);
	await page.screenshot({ path: 'screenshots/personas-too-small-nl.png', fullPage: true });

	// The server holds the same rule: a derivation asked for over the API is refused with the numbers.
	const refused = await page.request.post(`/api/v1/groups/${appOnly}/personas/derive`, { data: { k: 4 } });
	expect(refused.status()).toBe(422);
	expect((await refused.json()).error.message).toContain('This group has 30 customers; 4 personas need at least 40');
});
