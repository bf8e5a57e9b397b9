import { expect, test } from '@playwright/test';
import { createWorkspace, makeAccount, signUp } from './helpers';
import { importCsv } from './journey-helpers';

/**
 * The loyalty and satisfaction section of the insights page, in English and Dutch: NPS beside
 * repeat purchase, the 2×2, the per-month series, a cohort heatmap cell reached by keyboard with
 * its tooltip, and the sBG model withheld with its reasons on this small data.
 */

const PURCHASES = [
	'customer_id,date,amount',
	'a,2026-01-05,100', 'a,2026-02-07,50', 'a,2026-03-09,70',
	'b,2026-01-10,300', 'b,2026-03-11,20',
	'c,2026-02-03,40',
	'd,2026-02-20,60', 'd,2026-04-02,30',
	'e,2026-03-15,90'
].join('\n');
const ANSWERS = [
	'customer_id,date,kind,score,step,comment',
	'a,2026-01-06,nps,10,,', 'b,2026-01-11,nps,9,,', 'c,2026-02-04,nps,3,,', 'd,2026-02-21,nps,7,,', 'e,2026-03-16,nps,10,,',
	'a,2026-02-08,csat,5,purchase,', 'c,2026-02-04,csat,2,purchase,', 'e,2026-03-16,ces,6,purchase,'
].join('\n');

test('managers read loyalty and satisfaction side by side in English and Dutch', async ({ page }) => {
	test.setTimeout(90_000);
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await signUp(page, makeAccount('loyalty'));
	await createWorkspace(page, 'Loyalty shop');
	const workspaceId = /\/w\/([^/?#]+)/.exec(page.url())![1]!;
	await importCsv(page, workspaceId, 'transactions', PURCHASES);
	await importCsv(page, workspaceId, 'surveys', ANSWERS);

	await page.goto(`/w/${workspaceId}/insights?from=2026-02-01&to=2026-03-31&minimumRespondents=2`);
	const section = page.getByRole('region', { name: 'Loyalty and satisfaction' });
	await expect(section.getByText('How loyal and satisfied are our customers?')).toBeVisible({ timeout: 20_000 });
	await expect(section.getByTestId('loyalty-scope')).toContainText('they ignore the entry channel');
	await expect(section.getByTestId('loyalty-nps')).toHaveText('40');
	await expect(section.getByTestId('loyalty-attitudinal')).toContainText('Promoters: 3');
	await expect(section.getByTestId('loyalty-repeat')).toHaveText('60%');
	await expect(section.getByTestId('loyalty-matrix')).toContainText('True loyalty: 2');
	await expect(section.getByTestId('loyalty-matrix')).toContainText('Latent loyalty: 1');
	await expect(section.getByTestId('loyalty-series').locator('tbody tr')).toHaveCount(2);
	// February has two NPS answers (the minimum here), March one: only March is marked thin.
	await expect(section.getByTestId('loyalty-series').locator('tr[data-key="2026-02"]')).not.toContainText('few respondents');
	await expect(section.getByTestId('loyalty-series').locator('tr[data-key="2026-03"]')).toContainText('few respondents');

	// A heatmap cell by keyboard: its tooltip in words.
	const cell = section.locator('[data-cohort="2026-01"][data-column="1"]');
	await cell.focus();
	await expect(section.getByTestId('heatmap-tooltip')).toHaveText('Cohort 2026-01, 1 × month after acquisition: 50% of 2 customers bought.');

	const sbg = section.getByTestId('loyalty-sbg-unusable').or(section.getByTestId('loyalty-sbg-problem'));
	await expect(sbg).toBeVisible();
	await expect(section.getByTestId('loyalty-sbg')).toHaveCount(0);
	await section.scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'screenshots/insights-loyalty-en.png', fullPage: true });

	await page.request.patch('/api/v1/me', { data: { locale: 'nl' } });
	await page.reload();
	const dutch = page.getByRole('region', { name: 'Loyaliteit en tevredenheid' });
	await expect(dutch.getByText('Hoe loyaal en tevreden zijn onze klanten?')).toBeVisible({ timeout: 20_000 });
	await expect(dutch.getByTestId('loyalty-attitudinal')).toContainText('Houdingsloyaliteit');
	await expect(dutch.getByTestId('loyalty-behavioural')).toContainText('Gedragsloyaliteit');
	await expect(dutch.getByTestId('loyalty-attitudinal')).toContainText('Promotors: 3');
	await expect(dutch.getByTestId('loyalty-matrix')).toContainText('Echte loyaliteit: 2');
	await expect(dutch.getByTestId('loyalty-repeat')).toHaveText('60%');
	await page.screenshot({ path: 'screenshots/insights-loyalty-nl.png', fullPage: true });
	expect(errors).toEqual([]);
});
