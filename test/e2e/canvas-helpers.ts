import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

/**
 * People on one journey map: each browser context is one person, signed up through the real
 * API, editing the board over the real websocket.
 */

export interface Person {
	context: BrowserContext;
	page: Page;
	email: string;
	name: string;
	/** Uncaught exceptions and console errors of this person's pages, in the order they happened. */
	errors: string[];
}

export async function person(browser: Browser, name: string, viewport = { width: 1400, height: 900 }): Promise<Person> {
	const context = await browser.newContext({ viewport });
	const email = `${name.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
	const response = await context.request.post('/api/v1/auth/signup', {
		data: { email, password: 'correct horse battery', name }
	});
	expect(response.status()).toBe(201);
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(`console: ${message.text()}`);
	});
	return { context, page, email, name, errors };
}

export async function boardWithTeam(browser: Browser, template?: string) {
	const owner = await person(browser, 'Anna');
	const editor = await person(browser, 'Bram');
	const viewer = await person(browser, 'Cor');
	const workspace = await (await owner.context.request.post('/api/v1/workspaces', { data: { name: 'Workshop' } })).json();
	for (const [member, role] of [
		[editor, 'editor'],
		[viewer, 'viewer']
	] as const) {
		const added = await owner.context.request.post(`/api/v1/workspaces/${workspace.id}/members`, {
			data: { email: member.email, role }
		});
		expect(added.status()).toBe(201);
	}
	const board = await (
		await owner.context.request.post(`/api/v1/workspaces/${workspace.id}/boards`, {
			data: { title: 'Checkout journey', ...(template ? { template } : {}) }
		})
	).json();
	return { owner, editor, viewer, boardId: board.id as string };
}

/** One person's own workspace with one board (from a template, when given). */
export async function ownBoard(someone: Person, template?: string) {
	const workspace = await (await someone.context.request.post('/api/v1/workspaces', { data: { name: 'Shop' } })).json();
	const board = await (
		await someone.context.request.post(`/api/v1/workspaces/${workspace.id}/boards`, {
			data: { title: 'Webshop', ...(template ? { template } : {}) }
		})
	).json();
	return { workspaceId: workspace.id as string, boardId: board.id as string };
}

export async function open(someone: Person, boardId: string) {
	await someone.page.goto(`/b/${boardId}`);
	await expect(someone.page.getByRole('status').filter({ hasText: /Online/ })).toBeVisible();
}

export const cardButton = (page: Page, text: string) =>
	page.getByRole('button', { name: new RegExp(`: ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });

/** The transform of the board's content: where the view is and how far it is zoomed. */
export const viewTransform = (page: Page) => page.locator('.content').evaluate((el) => (el as HTMLElement).style.transform);

/** A point of the canvas background (no card, header or control under it), in page pixels: a drag there pans. */
export async function backgroundPoint(page: Page): Promise<{ x: number; y: number }> {
	const point = await page.locator('.viewport').evaluate((viewport) => {
		const rect = viewport.getBoundingClientRect();
		for (let y = rect.top + rect.height * 0.3; y < rect.bottom - 20; y += 17) {
			for (let x = rect.left + rect.width * 0.3; x < rect.right - 40; x += 23) {
				const hit = document.elementFromPoint(x, y);
				if (hit && hit.classList.contains('lane-row')) return { x, y };
			}
		}
		return null;
	});
	if (!point) throw new Error('No empty background on the canvas to drag');
	return point;
}
