import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';

/** A persona photo: uploaded on the card, seen live by a teammate and a viewer, shown in the gallery and on a map. */

const SHOTS = process.env.WAYMARK_SHOTS ?? 'screenshots';

/** A portrait as a phone takes it: a JPEG with the camera and GPS position in EXIF. */
function portrait(): Promise<Buffer> {
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="1600">
		<rect width="1200" height="1600" fill="#9fc5d8"/>
		<circle cx="600" cy="620" r="260" fill="#e8b98f"/>
		<circle cx="510" cy="580" r="28" fill="#2b2b2b"/><circle cx="690" cy="580" r="28" fill="#2b2b2b"/>
		<path d="M480 720 Q600 820 720 720" stroke="#8a3b2b" stroke-width="22" fill="none" stroke-linecap="round"/>
		<rect x="300" y="900" width="600" height="700" rx="180" fill="#2e86ab"/>
	</svg>`;
	return sharp(Buffer.from(svg))
		.jpeg({ quality: 85 })
		.withExif({ IFD0: { Make: 'WorkshopCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 22/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '4/1 53/1 0/1' } })
		.toBuffer();
}

async function personaToPhotograph(page: Page) {
	const origin = new URL(test.info().project.use.baseURL!).origin;
	const email = `photo-${Date.now()}@example.com`;
	await page.request.post('/api/v1/auth/signup', { data: { email, password: 'correct horse battery', name: 'Photo taker' } });
	const workspace = await (await page.request.post('/api/v1/workspaces', { data: { name: 'Workshop' } })).json();
	const group = await (
		await page.request.post(`/api/v1/workspaces/${workspace.id}/groups`, { data: { name: 'Everyone', rule: { match: 'all', conditions: [] } } })
	).json();
	const persona = await (await page.request.post(`/api/v1/groups/${group.id}/personas`, { data: { name: 'Researcher Rita' } })).json();
	const invite = await (
		await page.request.post(`/api/v1/workspaces/${workspace.id}/members`, {
			data: { email: `viewer-${Date.now()}@example.com`, role: 'viewer' },
			headers: { origin }
		})
	).json();
	return { workspaceId: workspace.id as string, groupId: group.id as string, persona, inviteUrl: invite.invite.url as string };
}

async function viewerPage(browser: Browser, inviteUrl: string): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	const token = inviteUrl.slice(inviteUrl.lastIndexOf('/') + 1);
	const email = `viewer-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
	await page.goto('/login');
	await page.request.post('/api/v1/auth/signup', { data: { email, password: 'correct horse battery', name: 'Vera Viewer' } });
	expect((await page.request.post(`/api/v1/invites/${token}/accept`)).status()).toBe(200);
	return page;
}

test('a photo uploaded on a persona card appears live for teammates and viewers, and in the gallery', async ({ page, browser }) => {
	test.setTimeout(60_000);
	const { workspaceId, groupId, persona, inviteUrl } = await personaToPhotograph(page);
	const cardUrl = `/w/${workspaceId}/groups/${groupId}/personas/${persona.id}`;
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto(cardUrl);
	const teammate = await (await browser.newContext({ storageState: await page.context().storageState(), viewport: { width: 1280, height: 900 } })).newPage();
	await teammate.goto(cardUrl);
	const viewer = await viewerPage(browser, inviteUrl);
	await viewer.goto(cardUrl);
	for (const p of [page, teammate, viewer]) await expect(p.getByTestId('persona-narrative')).toHaveAttribute('data-synced', 'true');
	await expect(viewer.getByRole('button', { name: 'Upload photo' })).toHaveCount(0);

	// A file that is not an image is refused with a message, and nothing changes.
	await page.getByTestId('persona-photo-input').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not an image') });
	await expect(page.getByRole('alert')).toContainText('This file type is not accepted');
	await page.getByTestId('persona-picture').locator('..').screenshot({ path: `${SHOTS}/persona-photo-refused.png` });
	await expect(page.getByTestId('persona-picture').locator('img')).toHaveCount(0);

	await page.getByTestId('persona-photo-input').setInputFiles({ name: 'rita.jpg', mimeType: 'image/jpeg', buffer: await portrait() });
	for (const p of [page, teammate, viewer]) {
		const photo = p.getByTestId('persona-picture').getByRole('img', { name: 'Photo of Researcher Rita' });
		await expect(photo).toBeVisible();
		await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(512);
	}
	await expect(page.getByRole('button', { name: 'Remove photo' })).toBeVisible();
	await expect(viewer.getByRole('button', { name: 'Remove photo' })).toHaveCount(0);
	await page.getByTestId('persona-narrative').screenshot({ path: `${SHOTS}/persona-photo-card-editor.png` });
	await teammate.getByTestId('persona-narrative').screenshot({ path: `${SHOTS}/persona-photo-card-teammate.png` });
	await viewer.getByTestId('persona-narrative').screenshot({ path: `${SHOTS}/persona-photo-card-viewer.png` });
	await page.emulateMedia({ media: 'print' });
	await page.screenshot({ path: `${SHOTS}/persona-photo-print.png`, fullPage: true });
	await page.emulateMedia({ media: 'screen' });

	// The gallery shows it where the persona is named.
	await page.goto(`/w/${workspaceId}/groups/${groupId}/personas`);
	await expect(page.getByTestId('persona-card').getByRole('img', { name: 'Photo of Researcher Rita' })).toBeVisible();
	await page.getByTestId('persona-card').first().screenshot({ path: `${SHOTS}/persona-photo-gallery.png` });

	// And so does the persona panel of a journey map that took the group's personas.
	const board = await (await page.request.post(`/api/v1/workspaces/${workspaceId}/boards`, { data: { title: 'Webshop' } })).json();
	await page.goto(`/b/${board.id}`);
	await expect(page.getByRole('status').filter({ hasText: /Online/ })).toBeVisible();
	await page.getByRole('button', { name: 'Personas', exact: true }).click();
	await page.getByLabel('Choose a group').selectOption({ label: 'Everyone' });
	await page.getByRole('button', { name: 'Add its personas' }).click();
	await expect(page.locator('img.photo')).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/persona-photo-board-panel.png` });

	// Removed: every open card shows the illustration again.
	await teammate.getByRole('button', { name: 'Remove photo' }).click();
	await expect(viewer.getByTestId('persona-picture').locator('img')).toHaveCount(0);
	await viewer.context().close();
	await teammate.context().close();
});
