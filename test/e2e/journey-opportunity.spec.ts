import { expect, test, type Page } from '@playwright/test';
import { bind, bindInDutch, cardButton, measuredBoard } from './journey-helpers';

/**
 * Opportunities get a value: a what-if on the biggest drop-off attached to a new opportunity card,
 * whose estimate badge survives a reload; and the CSAT lever on a step where customers answered.
 *
 * 200 customers view a product (1 May), 120 compare (2 May), 50 check out (3 May). 100 of those who
 * compared answered a CSAT question about comparing: 60 satisfied, of whom 40 checked out; 40 not
 * satisfied, of whom 5 did. Everyone bought one to four times in the year before.
 */
const ids = Array.from({ length: 200 }, (_, i) => `c${String(i + 1).padStart(3, '0')}`);
const checkedOut = new Set([...ids.slice(0, 40), ...ids.slice(60, 65), ...ids.slice(100, 105)]);
const data = {
	customers: ['customer_id,city', ...ids.map((id, i) => `${id},${i % 2 ? 'Utrecht' : 'Zwolle'}`)].join('\n'),
	events: [
		'customer_id,date,event_type,channel',
		...ids.map((id, i) => `${id},2026-05-01,product_view,${i % 3 ? 'web' : 'app'}`),
		...ids.slice(0, 120).map((id) => `${id},2026-05-02,compare,web`),
		...ids.filter((id) => checkedOut.has(id)).map((id) => `${id},2026-05-03,checkout,web`)
	].join('\n'),
	answers: [
		'customer_id,date,kind,score,step,comment',
		...ids.slice(0, 100).map((id, i) => `${id},2026-05-02,csat,${i < 60 ? 4 + (i % 2) : 1 + (i % 2)},compare,${i === 70 ? 'Too many variants to compare' : ''}`)
	].join('\n'),
	transactions: [
		'customer_id,date,amount',
		...ids.flatMap((id, i) =>
			Array.from({ length: 1 + (i % 4) }, (_, k) => {
				const day = new Date(Date.UTC(2025, 5 + ((i + 3 * k) % 11), 1 + ((i * 7 + k * 5) % 27)));
				return `${id},${day.toISOString().slice(0, 10)},${40 + ((i * 13 + k * 29) % 90)}`;
			})
		)
	].join('\n')
};

async function bindJourney(page: Page) {
	await bind(page, 'Lands on a product page from search', 'product_view');
	await bind(page, 'Compares variants and reads reviews', 'compare');
	await bind(page, 'Checkout', 'checkout');
	await expect(page.getByTestId('step-figures')).toHaveCount(3, { timeout: 10_000 });
}

test('a what-if on the biggest drop-off gives a new opportunity its value, which stays after a reload', async ({ page }) => {
	await measuredBoard(page, 'opportunity', 'en', data);
	await bindJourney(page);
	// Comparing loses 70 of 120 (58%): the biggest drop-off.
	await expect(page.getByTestId('step-figures').nth(1)).toContainText('58% drop off (70)');

	await cardButton(page, 'Compares variants and reads reviews').click();
	const whatIf = page.getByTestId('what-if');
	await whatIf.getByLabel('Fewer drop-offs (percentage points)').fill('10');
	await whatIf.getByLabel('Over').selectOption({ label: '90 days' });
	await whatIf.getByRole('button', { name: 'Estimate' }).click();
	// 120 × 10 % = 12 more in the 3 days measured: 360 in 90 days, all reaching checkout (the last step).
	await expect(whatIf).toContainText('360 more customers go on, 360 more reach the last step');

	await expect(whatIf.getByLabel('Opportunity')).toHaveValue('new');
	await whatIf.getByRole('button', { name: 'Attach' }).click();
	const title = '10 points fewer drop-offs at “Compares variants and reads reviews”';
	await expect(whatIf.getByRole('status')).toHaveText(`Attached to: ${title}`);
	const opportunity = cardButton(page, title);
	const badge = opportunity.getByTestId('opportunity-estimate');
	await expect(badge).toHaveText(/^\+€[\d,.]+ CLV · \+360 customers \/ 90 days$/);
	const shown = await badge.textContent();
	await expect(badge).toHaveAttribute('title', /drop-off at “Compares variants and reads reviews” 10 points lower → 360 more customers go on/);

	// Undo takes the new card and its estimate away in one step; redo brings both back.
	await page.getByRole('application').focus();
	await page.keyboard.press('Control+z');
	await expect(opportunity).toHaveCount(0);
	await page.keyboard.press('Control+Shift+z');
	await expect(badge).toHaveText(shown!);

	await page.getByRole('button', { name: 'Zoom to fit' }).click();
	await page.screenshot({ path: '/tmp/whatif-shots/opportunity-estimate-en.png' });
	await page.reload();
	await expect(cardButton(page, title).getByTestId('opportunity-estimate')).toHaveText(shown!, { timeout: 10_000 });
	await cardButton(page, title).locator('..').screenshot({ path: '/tmp/whatif-shots/opportunity-card-en.png' });

	// Once the step it was made on is no longer measured, the estimate says it is stale.
	await cardButton(page, 'Compares variants and reads reviews').click();
	await page.getByRole('button', { name: 'Remove Compare' }).click();
	await expect(cardButton(page, title).getByTestId('opportunity-estimate')).toContainText('stale');
	await expect(cardButton(page, title).getByTestId('opportunity-estimate')).toHaveAttribute('title', /no longer bound to events/);
	await cardButton(page, title).locator('..').screenshot({ path: '/tmp/whatif-shots/opportunity-card-stale-en.png' });
});

test('the CSAT lever: estimated from how satisfied respondents went on, with its assumption', async ({ page }) => {
	await measuredBoard(page, 'csat-lever', 'en', data);
	await bindJourney(page);
	// No answers are tagged with the product page: CSAT cannot be a lever there.
	await cardButton(page, 'Lands on a product page from search').click();
	await expect(page.getByTestId('what-if').getByRole('radio', { name: 'Higher CSAT' })).toBeDisabled();
	await expect(page.getByTestId('what-if')).toContainText('No CSAT answers are tagged with this step');

	await cardButton(page, 'Compares variants and reads reviews').click();
	const whatIf = page.getByTestId('what-if');
	await whatIf.getByRole('radio', { name: 'Higher CSAT' }).check();
	await whatIf.getByLabel('Higher CSAT (percentage points)').fill('10');
	await whatIf.getByRole('button', { name: 'Estimate' }).click();
	// 40/60 vs 5/40 went on: 10 points of CSAT = 10 % × (0.667 − 0.125) = 5.4 points less drop-off:
	// 120 × 0.054 = 6.5 more in 3 days, 195 in 90.
	await expect(whatIf).toContainText('Respondents here: 60 satisfied, 67% of them went on; 40 not satisfied, 13% went on.');
	await expect(whatIf).toContainText('CSAT 60% → 70%');
	await expect(whatIf).toContainText('195 more customers go on');
	await expect(whatIf).toContainText('an association, not a proven cause');
	await whatIf.scrollIntoViewIfNeeded();
	await page.screenshot({ path: '/tmp/whatif-shots/csat-whatif-en.png' });
});

test.describe('in Dutch', () => {
	test.use({ locale: 'nl-NL', extraHTTPHeaders: { 'Accept-Language': 'nl-NL,nl;q=0.9' } });

	test('the estimate on an opportunity and the CSAT lever speak Dutch', async ({ page }) => {
		await measuredBoard(page, 'kans', 'nl', data);
		await bindInDutch(page, [
			['Komt via een zoekmachine op een productpagina', 'product_view'],
			['Vergelijkt varianten en leest reviews', 'compare'],
			['Afrekenen', 'checkout']
		]);
		await expect(page.getByTestId('step-figures')).toHaveCount(3, { timeout: 10_000 });
		await cardButton(page, 'Vergelijkt varianten en leest reviews').click();
		const whatIf = page.getByTestId('what-if');
		await whatIf.getByRole('radio', { name: 'Hogere CSAT' }).check();
		await whatIf.getByLabel('Hogere CSAT (procentpunten)').fill('10');
		await whatIf.getByRole('button', { name: 'Bereken' }).click();
		await expect(whatIf).toContainText('195 klanten meer gaan door');
		await expect(whatIf).toContainText('een verband, geen bewezen oorzaak');
		await whatIf.getByRole('button', { name: 'Koppelen' }).click();
		const badge = cardButton(page, '10 procentpunt hogere CSAT bij ‘Vergelijkt varianten en leest reviews’').getByTestId('opportunity-estimate');
		await expect(badge).toHaveText(/^\+€\s?[\d.,]+ klantwaarde · \+195 klanten \/ 90 dagen$/);
		await page.screenshot({ path: '/tmp/whatif-shots/csat-whatif-nl.png' });
		await page.keyboard.press('Escape');
		await page.getByRole('button', { name: 'Passend maken' }).click();
		await page.screenshot({ path: '/tmp/whatif-shots/opportunity-estimate-nl.png' });
	});
});
