import { expect, test, type Page } from '@playwright/test';
import { readableEventType } from '../../src/lib/domain/customer-data/event-types';

/** Setting up a measured journey: a workspace with imported data and a webshop map. */

export async function importCsv(page: Page, workspaceId: string, kind: string, csv: string) {
	const started = await page.request.post(`/api/v1/workspaces/${workspaceId}/imports`, {
		multipart: { kind, file: { name: `${kind}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) } },
		headers: { origin: new URL(test.info().project.use.baseURL!).origin }
	});
	expect(started.status()).toBe(202);
	const { id } = await started.json();
	await expect.poll(async () => (await (await page.request.get(`/api/v1/imports/${id}`)).json()).status, { timeout: 15_000 }).toBe('done');
}

/** 40 customers, the first 20 in Utrecht: all view a product (web and app in turn), 25 compare, 10 check out. */
export const webshopIds = Array.from({ length: 40 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);
export const webshopCustomers = ['customer_id,city', ...webshopIds.map((id, i) => `${id},${i < 20 ? 'Utrecht' : 'Zwolle'}`)].join('\n');
export const webshopEvents = [
	'customer_id,date,event_type,channel',
	...webshopIds.map((id, i) => `${id},2026-05-01,product_view,${i % 2 ? 'app' : 'web'}`),
	...webshopIds.slice(0, 25).map((id) => `${id},2026-05-02,compare,web`),
	...webshopIds.slice(0, 10).map((id) => `${id},2026-05-03,checkout,web`)
].join('\n');

export interface JourneyData {
	customers: string;
	events: string;
	answers: string;
	transactions?: string;
}

/** Signs up, imports the data, adds a Utrecht customer group and opens a webshop map; returns the board id. */
export async function measuredBoard(page: Page, label: string, locale: 'en' | 'nl', data: JourneyData) {
	const email = `${label}-${Date.now()}@example.com`;
	await page.request.post('/api/v1/auth/signup', { data: { email, password: 'correct horse battery', name: label } });
	if (locale === 'nl') await page.request.patch('/api/v1/me', { data: { locale: 'nl' } });
	const workspace = await (await page.request.post('/api/v1/workspaces', { data: { name: 'Webwinkel' } })).json();
	await importCsv(page, workspace.id, 'customers', data.customers);
	await importCsv(page, workspace.id, 'events', data.events);
	await importCsv(page, workspace.id, 'surveys', data.answers);
	if (data.transactions) await importCsv(page, workspace.id, 'transactions', data.transactions);
	await page.request.post(`/api/v1/workspaces/${workspace.id}/groups`, {
		data: { name: 'Utrecht', rule: { match: 'all', conditions: [{ field: 'city', op: 'eq', value: 'Utrecht' }] } }
	});
	const board = await (
		await page.request.post(`/api/v1/workspaces/${workspace.id}/boards`, { data: { title: 'Webshop', template: 'webshop', locale } })
	).json();
	await page.setViewportSize({ width: 1600, height: 1000 });
	await page.goto(`/b/${board.id}`);
	await expect(page.getByRole('status').filter({ hasText: 'Online' })).toBeVisible({ timeout: 10_000 });
	return board.id as string;
}

export const cardButton = (page: Page, text: string) => page.getByRole('button', { name: new RegExp(`: ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });

/** Binds a card of the map to an event type through the inspector (English UI); the chip shows the event type's name. */
export async function bind(page: Page, card: string, eventType: string, name = readableEventType(eventType)) {
	await cardButton(page, card).click();
	await page.getByLabel('Add event type').selectOption(eventType);
	await expect(page.getByRole('button', { name: `Remove ${name}` })).toBeVisible();
}

/** Binds cards of a Dutch map to event types through the inspector, one after the other. */
export async function bindInDutch(page: Page, bindings: readonly (readonly [card: string, eventType: string])[]) {
	for (const [card, eventType] of bindings) {
		await cardButton(page, card).click();
		await page.getByLabel('Gebeurtenis toevoegen').selectOption(eventType);
	}
}
