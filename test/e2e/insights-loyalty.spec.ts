import { readFile } from 'node:fs/promises';
import { expect, test, type Download } from '@playwright/test';
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

	// The series as charts: March's single NPS answer is a hollow point, said in its tooltip by keyboard.
	const npsChart = section.getByTestId('loyalty-series-nps');
	await expect(npsChart.locator('.point')).toHaveCount(2);
	await expect(npsChart.locator('.point[data-key="2026-03"]')).toHaveAttribute('data-thin', 'true');
	await expect(npsChart.locator('.point[data-key="2026-02"]')).toHaveAttribute('data-thin', 'false');
	// One trusted point and one thin one: no line at all.
	await expect(npsChart.locator('path.line')).toHaveCount(0);
	await npsChart.locator('.point[data-key="2026-03"]').focus();
	await expect(npsChart.getByTestId('series-tooltip')).toContainText('too few respondents');
	await expect(section.getByTestId('loyalty-hollow-legend')).toBeVisible();

	// The NPS chart downloads as SVG (styles inlined, axis titles kept) and as PNG at twice its size.
	const save = async (format: 'PNG' | 'SVG'): Promise<Download> => {
		const waiting = page.waitForEvent('download');
		await npsChart.getByRole('button', { name: `Download NPS per month as ${format}` }).click();
		return waiting;
	};
	const today = new Date();
	const day = [today.getFullYear(), today.getMonth() + 1, today.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
	const svgFile = await save('SVG');
	expect(svgFile.suggestedFilename()).toBe(`waymark-nps-per-month-${day}.svg`);
	await svgFile.saveAs('screenshots/chart-download.svg');
	const svgText = await readFile(await svgFile.path(), 'utf8');
	const parsed = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		const root = doc.documentElement;
		const tick = doc.querySelector('.tick-label');
		return {
			error: doc.querySelector('parsererror') !== null,
			root: root.localName,
			width: Number(root.getAttribute('width')),
			texts: Array.from(doc.querySelectorAll('text')).map((t) => t.textContent),
			title: doc.querySelector('title')?.textContent,
			tickStyle: tick?.getAttribute('style') ?? '',
			foreign: doc.querySelectorAll('foreignObject').length
		};
	}, svgText);
	expect(parsed.error).toBe(false);
	expect(parsed.root).toBe('svg');
	expect(parsed.title).toBe('NPS per month');
	expect(parsed.texts).toContain('Period (month)');
	expect(parsed.texts).toContain('NPS (−100 to +100)');
	expect(parsed.tickStyle).toMatch(/fill:rgb/);
	expect(parsed.tickStyle).toMatch(/font-family:/);
	expect(parsed.foreign).toBe(0);
	const pngFile = await save('PNG');
	expect(pngFile.suggestedFilename()).toBe(`waymark-nps-per-month-${day}.png`);
	await pngFile.saveAs('screenshots/chart-download.png');
	const png = await readFile(await pngFile.path());
	expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	// IHDR's width: the chart drawn at 2×.
	expect(png.readUInt32BE(16)).toBe(parsed.width * 2);

	// A heatmap cell by keyboard: its tooltip in words.
	const cell = section.locator('[data-cohort="2026-01"][data-column="1"]');
	await cell.focus();
	await expect(section.getByTestId('heatmap-tooltip')).toHaveText('Cohort 2026-01, 1 × month after acquisition: 50% of 2 customers bought.');

	const sbg = section.getByTestId('loyalty-sbg-unusable').or(section.getByTestId('loyalty-sbg-problem'));
	await expect(sbg).toBeVisible();
	await expect(section.getByTestId('loyalty-sbg')).toHaveCount(0);
	// An untrusted fit is never drawn.
	await expect(section.getByTestId('loyalty-sbg-chart')).toHaveCount(0);
	await section.scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'screenshots/insights-loyalty-en.png', fullPage: true });
	await section.screenshot({ path: 'screenshots/insights-loyalty-section-en.png' });

	await page.request.patch('/api/v1/me', { data: { locale: 'nl' } });
	await page.reload();
	const dutch = page.getByRole('region', { name: 'Loyaliteit en tevredenheid' });
	await expect(dutch.getByText('Hoe loyaal en tevreden zijn onze klanten?')).toBeVisible({ timeout: 20_000 });
	await expect(dutch.getByTestId('loyalty-attitudinal')).toContainText('Houdingsloyaliteit');
	await expect(dutch.getByTestId('loyalty-behavioural')).toContainText('Gedragsloyaliteit');
	await expect(dutch.getByTestId('loyalty-attitudinal')).toContainText('Promotors: 3');
	await expect(dutch.getByTestId('loyalty-matrix')).toContainText('Echte loyaliteit: 2');
	await expect(dutch.getByTestId('loyalty-repeat')).toHaveText('60%');
	await expect(dutch.getByTestId('loyalty-series-csat').getByRole('button', { name: 'CSAT per maand downloaden als SVG' })).toBeVisible();
	await page.screenshot({ path: 'screenshots/insights-loyalty-nl.png', fullPage: true });
	await dutch.screenshot({ path: 'screenshots/insights-loyalty-section-nl.png' });
	expect(errors).toEqual([]);
});

/** 160 customers over three monthly cohorts who buy every month until they leave: churn falls with time, as sBG expects. */
function retentionPurchases(): string {
	const still = [1, 0.7, 0.56, 0.48, 0.43, 0.4, 0.38, 0.36];
	const rows = ['customer_id,date,amount'];
	const cohorts = [
		{ month: 1, size: 80 },
		{ month: 2, size: 50 },
		{ month: 3, size: 30 }
	];
	for (const { month, size } of cohorts) {
		for (let i = 0; i < size; i++) {
			// Customer i of the cohort is still buying k months on while i / size < still[k].
			for (let k = 0; month + k <= 8 && i / size < still[k]!; k++) {
				rows.push(`c${month}-${i},2026-${String(month + k).padStart(2, '0')}-${String(3 + (i % 20)).padStart(2, '0')},${40 + (i % 7) * 10}`);
			}
		}
	}
	return rows.join('\n');
}

test('the sBG retention curve is drawn against the observed survival when its fit can be trusted', async ({ page }) => {
	test.setTimeout(90_000);
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await signUp(page, makeAccount('sbg-curve'));
	await createWorkspace(page, 'Retention shop');
	const workspaceId = /\/w\/([^/?#]+)/.exec(page.url())![1]!;
	await importCsv(page, workspaceId, 'transactions', retentionPurchases());

	await page.goto(`/w/${workspaceId}/insights?from=2026-01-01&to=2026-08-31`);
	const section = page.getByRole('region', { name: 'Loyalty and satisfaction' });
	await expect(section.getByTestId('loyalty-sbg-fit')).toBeVisible({ timeout: 30_000 });
	const chart = section.getByTestId('loyalty-sbg-chart');
	await expect(chart.locator('path.model')).toHaveAttribute('d', /^M/);
	// One observed point per period some cohort was followed.
	await expect(chart.locator('.point')).toHaveCount(await section.getByTestId('loyalty-sbg').locator('tbody td:nth-child(2):not(:empty)').count());
	await chart.locator('.point[data-t="1"]').focus();
	await expect(chart.getByTestId('survival-tooltip')).toContainText('1 × month after acquisition: observed');
	await expect(chart.getByRole('button', { name: /as PNG$/ })).toBeVisible();
	await section.getByTestId('loyalty-sbg-fit').scrollIntoViewIfNeeded();
	await section.screenshot({ path: 'screenshots/insights-loyalty-sbg-en.png' });

	await page.request.patch('/api/v1/me', { data: { locale: 'nl' } });
	await page.reload();
	const dutch = page.getByRole('region', { name: 'Loyaliteit en tevredenheid' });
	await expect(dutch.getByTestId('loyalty-sbg-chart')).toContainText('Aandeel nog actief', { timeout: 30_000 });
	await dutch.screenshot({ path: 'screenshots/insights-loyalty-sbg-nl.png' });
	expect(errors).toEqual([]);
});
