import { expect, test, type Browser, type Page } from '@playwright/test';
import { createWorkspace, makeAccount, signUp } from './helpers';
import { importCsv } from './journey-helpers';

/**
 * Snapshots of the insights page: an editor saves the first quarter's insights, imports more
 * purchases, and compares the snapshot with the insights today; a viewer opens the snapshot but
 * is offered no saving. In English and Dutch.
 */

const ids = Array.from({ length: 14 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);
const transactions = ['customer_id,date,amount', ...ids.slice(0, 10).map((id, i) => `${id},2026-02-${String(2 + i).padStart(2, '0')},${40 + 10 * i}`)].join('\n');
// Four more buyers in the same quarter, imported after the snapshot.
const later = ['customer_id,date,amount', ...ids.slice(10).map((id, i) => `${id},2026-03-${String(3 + i).padStart(2, '0')},${60 + 5 * i}`)].join('\n');
const Q1 = 'from=2026-01-01&to=2026-03-31';

async function member(browser: Browser, owner: Page, workspaceId: string, role: 'editor' | 'viewer') {
	const page = await (await browser.newContext()).newPage();
	const account = makeAccount(role);
	await signUp(page, account);
	const origin = new URL(test.info().project.use.baseURL!).origin;
	const added = await owner.request.post(`/api/v1/workspaces/${workspaceId}/members`, { data: { email: account.email, role }, headers: { origin } });
	expect(added.status()).toBe(201);
	return page;
}

test('an editor saves a snapshot, imports more data and sees the change against today; a viewer opens it but cannot save', async ({ page, browser }) => {
	test.setTimeout(120_000);
	const errors: string[] = [];
	await signUp(page, makeAccount('owner'));
	await createWorkspace(page, 'Quarterly review');
	const workspaceId = new URL(page.url()).pathname.split('/')[2]!;
	await importCsv(page, workspaceId, 'transactions', transactions);
	const editor = await member(browser, page, workspaceId, 'editor');
	const viewer = await member(browser, page, workspaceId, 'viewer');
	for (const p of [editor, viewer]) p.on('pageerror', (error) => errors.push(error.message));

	// The editor saves the quarter as shown.
	await editor.goto(`/w/${workspaceId}/insights?${Q1}`);
	await expect(editor.getByTestId('headline-customers').getByTestId('value')).toHaveText('10');
	await editor.getByLabel('Save these insights as a snapshot').fill('Q1 review');
	await editor.getByRole('button', { name: 'Save snapshot' }).click();
	await expect(editor.getByText('Saved “Q1 review”.')).toBeVisible();
	await editor.screenshot({ path: 'screenshots/insights-snapshot-save-en.png' });

	await importCsv(editor, workspaceId, 'transactions', later);

	// The list, then the comparison with today: 10 → 14 customers, marked as a rise.
	await editor.goto(`/w/${workspaceId}/insights/snapshots`);
	const row = editor.getByTestId('snapshot-row').filter({ hasText: 'Q1 review' });
	await expect(row).toContainText('1 Jan 2026 – 31 Mar 2026');
	await editor.screenshot({ path: 'screenshots/insights-snapshots-en.png', fullPage: true });
	await row.getByRole('link', { name: 'Compare with today' }).click();
	await expect(editor.getByTestId('compare-title')).toHaveText('Q1 review against Today');
	const customers = editor.getByTestId('diff-headline').locator('[data-figure="customers"]');
	await expect(customers).toHaveAttribute('data-direction', 'up');
	await expect(customers.locator('td')).toHaveText(['10', '14', /▲\s*up 4\s*\(better\)/]);
	await editor.screenshot({ path: 'screenshots/insights-compare-en.png', fullPage: true });

	// The snapshot itself still shows the quarter as it was.
	await editor.goto(`/w/${workspaceId}/insights/snapshots`);
	await editor.getByRole('link', { name: 'Q1 review' }).click();
	await expect(editor.getByTestId('snapshot-name')).toHaveText('Q1 review');
	await expect(editor.getByTestId('headline-customers').getByTestId('value')).toHaveText('10');

	await editor.request.patch('/api/v1/me', { data: { locale: 'nl' } });
	await editor.goto(`/w/${workspaceId}/insights/snapshots/compare?a=${new URL(editor.url()).pathname.split('/').pop()}&b=current`);
	await expect(editor.getByTestId('compare-title')).toHaveText('Q1 review tegenover Vandaag');
	await expect(editor.getByTestId('diff-headline').locator('[data-figure="customers"] td').last()).toHaveText(/▲\s*4 hoger\s*\(beter\)/);
	await editor.screenshot({ path: 'screenshots/insights-compare-nl.png', fullPage: true });
	await editor.goto(`/w/${workspaceId}/insights/snapshots`);
	await expect(editor.getByRole('heading', { level: 1, name: 'Momentopnamen' })).toBeVisible();
	await editor.screenshot({ path: 'screenshots/insights-snapshots-nl.png', fullPage: true });
	await editor.goto(`/w/${workspaceId}/insights?${Q1}`);
	await expect(editor.getByRole('button', { name: 'Momentopname bewaren' })).toBeVisible();
	await editor.screenshot({ path: 'screenshots/insights-snapshot-save-nl.png' });

	// Renamed and deleted by the editor through the list's forms.
	await editor.request.patch('/api/v1/me', { data: { locale: 'en' } });
	await editor.goto(`/w/${workspaceId}/insights/snapshots`);
	await editor.getByText('Rename').click();
	await editor.getByLabel('Name', { exact: true }).fill('First quarter');
	await editor.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(editor.getByTestId('snapshot-row').getByRole('link', { name: 'First quarter' })).toBeVisible();

	// A viewer reads the snapshot, and is offered no saving, renaming or deleting.
	await viewer.goto(`/w/${workspaceId}/insights?${Q1}`);
	await expect(viewer.getByTestId('snapshots-link')).toBeVisible();
	await expect(viewer.getByRole('button', { name: 'Save snapshot' })).toHaveCount(0);
	await viewer.getByTestId('snapshots-link').click();
	await expect(viewer.getByTestId('snapshot-row')).toHaveCount(1);
	await expect(viewer.getByRole('button', { name: 'Delete' })).toHaveCount(0);
	await expect(viewer.getByText('Rename')).toHaveCount(0);
	await viewer.getByRole('link', { name: 'First quarter' }).click();
	await expect(viewer.getByTestId('headline-customers').getByTestId('value')).toHaveText('10');
	await viewer.screenshot({ path: 'screenshots/insights-snapshot-en.png', fullPage: true });
	// Posting the save form anyway is refused.
	const origin = new URL(test.info().project.use.baseURL!).origin;
	const refused = await viewer.request.post(`/w/${workspaceId}/insights?/saveSnapshot`, { form: { name: 'Mine' }, headers: { origin } });
	// Asked without a browser's Accept header, SvelteKit answers the action's result as JSON.
	expect(await refused.json()).toMatchObject({ type: 'failure', status: 403 });
	expect((await (await viewer.request.get(`/api/v1/workspaces/${workspaceId}/insights/snapshots`)).json()).items).toHaveLength(1);
	expect(errors).toEqual([]);

	await editor.goto(`/w/${workspaceId}/insights/snapshots`);
	await editor.getByRole('button', { name: 'Delete' }).click();
	await editor.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
	await expect(editor.getByTestId('snapshots-empty')).toBeVisible();
});

test('owners set the minimum group size, and a group below it shows no figures', async ({ page }) => {
	test.setTimeout(90_000);
	await signUp(page, makeAccount('owner'));
	await createWorkspace(page, 'Group sizes');
	const workspaceId = new URL(page.url()).pathname.split('/')[2]!;
	await importCsv(page, workspaceId, 'customers', ['customer_id,city', ...ids.map((id, i) => `${id},${i < 10 ? 'Utrecht' : 'Zeist'}`)].join('\n'));
	await importCsv(page, workspaceId, 'transactions', transactions);
	const origin = new URL(test.info().project.use.baseURL!).origin;
	const created = await page.request.post(`/api/v1/workspaces/${workspaceId}/groups`, {
		data: { name: 'Utrecht', basis: 'needs', rule: { match: 'all', conditions: [{ field: 'city', op: 'eq', value: 'utrecht' }] } },
		headers: { origin }
	});
	expect(created.status()).toBe(201);
	const utrecht = () => page.getByRole('region', { name: 'Where the value is' }).getByTestId('value-segment').filter({ hasText: 'Utrecht' });
	await page.goto(`/w/${workspaceId}/insights?${Q1}`);
	await expect(utrecht().locator('td').first()).toHaveText('10');

	await page.goto(`/w/${workspaceId}/settings`);
	const card = page.getByTestId('minimum-group-settings');
	const field = card.getByLabel('Minimum customers per group or persona');
	await expect(field).toHaveValue('10');
	await field.fill('0');
	// The browser's own check would stop 0 before it is sent: the server's answer is the one tested.
	await field.evaluate((input: HTMLInputElement) => input.removeAttribute('min'));
	await card.getByRole('button', { name: 'Save' }).click();
	await expect(card.getByText('Enter a whole number of customers from 1 to 1000')).toBeVisible();
	await field.fill('11');
	await card.getByRole('button', { name: 'Save' }).click();
	await expect(card.getByText('Saved')).toBeVisible();
	await page.screenshot({ path: 'screenshots/settings-minimum-group-en.png', fullPage: true });

	await page.goto(`/w/${workspaceId}/insights?${Q1}`);
	await expect(utrecht().getByTestId('value-suppressed')).toHaveText('fewer than 11 customers');
	await page.request.patch('/api/v1/me', { data: { locale: 'nl' } });
	await page.goto(`/w/${workspaceId}/settings`);
	await expect(page.getByTestId('minimum-group-settings').getByLabel('Minimaal aantal klanten per groep of persona')).toHaveValue('11');
	await page.screenshot({ path: 'screenshots/settings-minimum-group-nl.png', fullPage: true });
});
