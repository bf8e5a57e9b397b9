import { afterEach, describe, expect, it } from 'vitest';
import { readBoard } from '$lib/domain/board';
import { connectClient, eventually, synced } from './collab-support';
import { startServer, type ServerProcess } from './server-process';

let server: ServerProcess | undefined;
afterEach(async () => {
	await server?.dispose();
	server = undefined;
});

describe('the demo workspace on a fresh database', () => {
	it('is filled with the generated retailer through the ordinary import jobs', { timeout: 90_000 }, async () => {
		server = await startServer({ env: { WAYMARK_DEMO: 'on', WAYMARK_DEMO_CUSTOMERS: '300' } });
		const headers = { 'content-type': 'application/json', origin: server.baseUrl, 'x-forwarded-for': '198.51.100.77' };
		const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
			method: 'POST',
			headers,
			body: JSON.stringify({ email: 'demo@waymark.local', password: 'waymark-demo' })
		});
		expect(login.status).toBe(200);
		const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
		const asDemo = { cookie, 'x-forwarded-for': '198.51.100.77' };
		const workspaces = await (await fetch(`${server.baseUrl}/api/v1/workspaces`, { headers: asDemo })).json();
		const workspaceId = workspaces.items[0].id as string;
		// The generated retailer is Dutch: its amounts are euros.
		expect(workspaces.items[0].currency).toBe('EUR');

		await eventually(async () => {
			const summary = await (await fetch(`${server!.baseUrl}/api/v1/workspaces/${workspaceId}/data/summary`, { headers: asDemo })).json();
			expect(summary.datasetVersion).toBe(4);
			expect(summary.customers).toEqual({ count: 300, imported: 300 });
			expect(summary.transactions.count).toBeGreaterThan(1000);
			expect(summary.events.count).toBeGreaterThan(summary.transactions.count);
			expect(summary.surveys.count).toBeGreaterThan(0);
		}, 45_000);

		// Its groups, one per basis plus the presets, are counted on that data; the RFM segments
		// together hold every buyer, and the segments of the archetypes really differ.
		const groups = (await (await fetch(`${server.baseUrl}/api/v1/workspaces/${workspaceId}/groups`, { headers: asDemo })).json())
			.items as { name: string; basis: string; figures: { customers: number; share: number; revenueShare: number } }[];
		expect(new Set(groups.map((g) => g.basis))).toEqual(new Set(['value', 'needs', 'relationship']));
		const byName = Object.fromEntries(groups.map((g) => [g.name, g.figures]));
		expect(byName['Home cooks']!.customers).toBeGreaterThan(0);
		expect(byName['Top 20% by revenue']!.share).toBeCloseTo(0.2, 1);
		expect(byName['Top 20% by revenue']!.revenueShare).toBeGreaterThan(0.4);
		const segments = ['Champions', 'Loyal customers', 'Potential loyalists', 'New customers', 'Promising', 'Need attention',
			'About to sleep', 'At risk', "Can't lose them", 'Hibernating'];
		const buyers = segments.reduce((sum, name) => sum + byName[name]!.customers, 0);
		expect(buyers).toBeGreaterThan(250);
		expect(buyers).toBeLessThanOrEqual(300);

		// The demo map's online steps are bound to the journey events: figures from the first start.
		const boards = await (await fetch(`${server.baseUrl}/api/v1/workspaces/${workspaceId}/boards`, { headers: asDemo })).json();
		let metrics: { steps: { reached: number; conversion: number | null }[] } | undefined;
		await eventually(async () => {
			const response = await fetch(`${server!.baseUrl}/api/v1/boards/${boards.items[0].id}/metrics`, { headers: asDemo });
			expect(response.status).toBe(200);
			metrics = await response.json();
		}, 20_000);
		const reached = metrics!.steps.map((s) => s.reached);
		expect(reached).toHaveLength(4);
		expect(reached[0]).toBeGreaterThan(0);
		for (let i = 1; i < reached.length; i++) expect(reached[i]).toBeLessThanOrEqual(reached[i - 1]!);
		expect(metrics!.steps[0]!.conversion).toBeGreaterThan(0);

		// Personas of the most valuable customers are derived once the data is in, and the demo
		// map takes them: it is then about that group, and its persona filter offers them.
		const top = (await (await fetch(`${server.baseUrl}/api/v1/workspaces/${workspaceId}/groups`, { headers: asDemo })).json()).items.find(
			(g: { name: string }) => g.name === 'Top 20% by revenue'
		);
		let personas: { id: string; name: string; origin: string }[] = [];
		await eventually(async () => {
			personas = (await (await fetch(`${server!.baseUrl}/api/v1/groups/${top.id}/personas`, { headers: asDemo })).json()).items;
			expect(personas.length).toBeGreaterThanOrEqual(3);
		}, 30_000);
		expect(personas.every((p) => p.origin === 'derived')).toBe(true);
		const { token } = await (
			await fetch(`${server.baseUrl}/api/v1/tokens`, { method: 'POST', headers: { ...headers, cookie }, body: JSON.stringify({ name: 'demo check' }) })
		).json();
		const map = connectClient(server.baseUrl, boards.items[0].id, token);
		try {
			await synced(map);
			await eventually(() => {
				const board = readBoard(map.doc);
				expect(board.scopeGroupId).toBe(top.id);
				expect(board.personas.map((p) => p.source?.personaId).sort()).toEqual(personas.map((p) => p.id).sort());
			}, 10_000);
		} finally {
			map.close();
		}
	});
});
