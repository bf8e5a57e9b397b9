import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { createWorkspace, makeAccount, signUp } from './helpers';
import { importCsv } from './journey-helpers';

/**
 * "Download report" on the insights page: a viewer (managers are often invited as viewers)
 * chooses the sections, sees the progress and gets a PDF — in English, then in Dutch.
 */

const PURCHASES = ['customer_id,date,amount', 'a,2026-01-05,100', 'a,2026-02-07,50', 'b,2026-01-10,300', 'b,2026-03-11,20', 'c,2026-02-03,40', 'd,2026-02-20,60'].join('\n');
const ANSWERS = ['customer_id,date,kind,score,step,comment', 'a,2026-01-06,nps,10,,', 'b,2026-01-11,nps,9,,', 'c,2026-02-04,nps,3,,', 'd,2026-02-21,nps,7,,'].join('\n');

test('a viewer downloads the insights report as a PDF, in English and in Dutch', async ({ page, browser }) => {
	test.setTimeout(120_000);
	await signUp(page, makeAccount('report-owner'));
	await createWorkspace(page, 'Report shop');
	const workspaceId = /\/w\/([^/?#]+)/.exec(page.url())![1]!;
	await importCsv(page, workspaceId, 'transactions', PURCHASES);
	await importCsv(page, workspaceId, 'surveys', ANSWERS);
	const viewer = makeAccount('report-viewer');
	const invited = await page.request.post(`/api/v1/workspaces/${workspaceId}/members`, { data: { email: viewer.email, role: 'viewer' } });
	expect(invited.status()).toBe(201);
	const inviteUrl: string = (await invited.json()).invite.url;

	const viewerContext = await browser.newContext();
	const viewerPage = await viewerContext.newPage();
	const errors: string[] = [];
	viewerPage.on('pageerror', (error) => errors.push(error.message));
	await signUp(viewerPage, viewer);
	const accepted = await viewerPage.request.post(`/api/v1/invites/${inviteUrl.split('/').pop()}/accept`);
	expect(accepted.status()).toBe(200);

	await viewerPage.goto(`/w/${workspaceId}/insights?from=2026-01-01&to=2026-03-31&minimumRespondents=2`);
	const panel = viewerPage.getByTestId('report-panel');
	await expect(panel.getByRole('heading', { name: 'Report for the meeting' })).toBeVisible();
	await expect(panel.getByText('No journey maps yet.')).toBeVisible();
	// Nothing chosen: said so, nothing started.
	for (const name of ['Headline', 'CRM aims', 'Where the value is', 'Where it leaks', 'Loyalty and satisfaction', 'Channel synergy', 'Growth opportunities']) await panel.getByLabel(name).uncheck();
	await panel.getByRole('button', { name: 'Download report' }).click();
	await expect(panel.getByText('Choose at least one section, persona card or journey map.')).toBeVisible();

	await panel.getByLabel('Headline').check();
	await panel.getByLabel('Loyalty and satisfaction').check();
	const download = viewerPage.waitForEvent('download');
	await panel.getByRole('button', { name: 'Download report' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^waymark-report-shop-\d{4}-\d{2}-\d{2}\.pdf$/);
	const bytes = await readFile((await file.path())!);
	expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	await expect(panel.getByText('The report is ready and downloads now.')).toBeVisible();
	await expect(panel.getByRole('link', { name: 'Download it again' })).toHaveAttribute('href', /\/insights\/report\/[\w-]+\/pdf$/);
	await panel.scrollIntoViewIfNeeded();
	await panel.screenshot({ path: 'screenshots/insights-report-panel-en.png' });

	await viewerPage.request.patch('/api/v1/me', { data: { locale: 'nl' } });
	await viewerPage.reload();
	await expect(panel.getByRole('heading', { name: 'Rapport voor het overleg' })).toBeVisible();
	const dutch = viewerPage.waitForEvent('download');
	await panel.getByRole('button', { name: 'Rapport downloaden' }).click();
	const dutchBytes = await readFile((await (await dutch).path())!);
	expect(dutchBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	await expect(panel.getByText('Het rapport is klaar en wordt nu gedownload.')).toBeVisible();
	await panel.screenshot({ path: 'screenshots/insights-report-panel-nl.png' });
	await viewerPage.goto(`/w/${workspaceId}/insights/report?sections=headline,loyalty&from=2026-01-01&to=2026-03-31&minimumRespondents=2`);
	await expect(viewerPage.getByRole('heading', { level: 1, name: 'Inzichtenrapport' })).toBeVisible();
	await viewerPage.emulateMedia({ media: 'print' });
	await viewerPage.screenshot({ path: 'screenshots/insights-report-print-nl.png', fullPage: true });
	expect(errors).toEqual([]);
	await viewerContext.close();
});
