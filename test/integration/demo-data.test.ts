import { afterEach, describe, expect, it } from 'vitest';
import { readBoard } from '$lib/domain/board';
import { connectClient, eventually, synced } from './collab-support';
import { startServer, type ServerProcess } from './server-process';

let server: ServerProcess | undefined;
afterEach(async () => {
	await server?.dispose();
	server = undefined;
});

/** The demo account's session on `server`, and the workspaces it sees. */
async function logInAsDemo(base: string) {
	const headers = { 'content-type': 'application/json', origin: base, 'x-forwarded-for': '198.51.100.77' };
	const login = await fetch(`${base}/api/v1/auth/login`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ email: 'demo@waymark.local', password: 'waymark-demo' })
	});
	expect(login.status).toBe(200);
	const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
	const get = async (path: string) => {
		const response = await fetch(`${base}${path}`, { headers: { cookie, 'x-forwarded-for': '198.51.100.77' } });
		return { status: response.status, body: await response.json() };
	};
	return { headers, cookie, get };
}

/** The demo's CLV report once computed (202 while it runs). */
async function clvReport(get: (path: string) => Promise<{ status: number; body: any }>, workspaceId: string) {
	let answer = await get(`/api/v1/workspaces/${workspaceId}/analytics/clv?model=bgnbd&timeUnit=week`);
	await eventually(async () => {
		answer = await get(`/api/v1/workspaces/${workspaceId}/analytics/clv?model=bgnbd&timeUnit=week`);
		expect(answer.status).toBe(200);
	}, 30_000);
	return answer.body;
}

describe('the demo workspace on a fresh database', () => {
	it('is filled with the generated retailer through the ordinary import jobs', { timeout: 90_000 }, async () => {
		server = await startServer({ env: { WAYMARK_DEMO: 'on', WAYMARK_DEMO_CUSTOMERS: '300', WAYMARK_DEMO_LOCALE: 'en' } });
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
			// Customers, transactions, events, answers and category spend.
			expect(summary.datasetVersion).toBe(5);
			expect(summary.customers).toEqual({ count: 300, imported: 300 });
			expect(summary.transactions.count).toBeGreaterThan(1000);
			expect(summary.events.count).toBeGreaterThan(summary.transactions.count);
			expect(summary.surveys.count).toBeGreaterThan(0);
		}, 45_000);

		// Its category spend gives share of wallet (klantaandeel) to the customers who stated theirs.
		const { get } = await logInAsDemo(server.baseUrl);
		const report = await clvReport(get, workspaceId);
		expect(report.valueMatrix.withShareOfWallet).toBeGreaterThan(20);

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

	it('is seeded in Dutch for a Dutch start, and says its data is on its way until it is in', { timeout: 150_000 }, async () => {
		server = await startServer({ env: { WAYMARK_DEMO: 'on', WAYMARK_DEMO_CUSTOMERS: '2000', WAYMARK_DEMO_LOCALE: 'nl' } });
		const { get } = await logInAsDemo(server.baseUrl);
		const workspaces = (await get('/api/v1/workspaces')).body;
		const workspaceId = workspaces.items[0].id as string;
		expect(workspaces.items[0].name).toBe('Demowerkruimte');
		const boards = (await get(`/api/v1/workspaces/${workspaceId}/boards`)).body;
		const boardId = boards.items[0].id as string;
		expect(boards.items[0].title).toBe('Klantreis online bestelling');

		// The demo is announced before the server answers: its data is on its way from the first
		// request on, first as files being generated, then import by import.
		const first = (await get(`/api/v1/workspaces/${workspaceId}/data/under-way`)).body.importing;
		expect(first).not.toBeNull();
		expect(first.steps.map((s: { kind: string }) => s.kind)).toEqual(['demo_files', 'customers', 'transactions', 'events', 'surveys', 'category_spend']);
		expect(first.progress).toBeLessThan(1);
		// The map's metrics lane learns it with its figures, instead of showing "0 reached".
		let metrics: any;
		await eventually(async () => {
			const answer = await get(`/api/v1/boards/${boardId}/metrics`);
			expect(answer.status).toBe(200);
			metrics = answer.body;
		}, 20_000);
		expect(metrics.importing).toMatchObject({ steps: expect.any(Array), progress: expect.any(Number) });

		// Once everything is in, nothing is on its way and the figures stand on their own.
		await eventually(async () => {
			expect((await get(`/api/v1/workspaces/${workspaceId}/data/under-way`)).body.importing).toBeNull();
		}, 120_000);
		const imports = (await get(`/api/v1/workspaces/${workspaceId}/imports`)).body.items as { kind: string; status: string; fileName: string }[];
		expect(imports.map((i) => [i.kind, i.status]).sort()).toEqual(
			[['category_spend', 'done'], ['customers', 'done'], ['events', 'done'], ['surveys', 'done'], ['transactions', 'done']]
		);
		await eventually(async () => {
			const answer = await get(`/api/v1/boards/${boardId}/metrics`);
			expect(answer.status).toBe(200);
			expect(answer.body.importing).toBeNull();
			metrics = answer.body;
		}, 20_000);
		expect(metrics.steps[0].reached).toBeGreaterThan(0);

		// Its groups carry the Dutch names of the presets and of the hand-made groups.
		const names = ((await get(`/api/v1/workspaces/${workspaceId}/groups`)).body.items as { name: string }[]).map((g) => g.name);
		expect(names).toEqual(expect.arrayContaining(['Thuiskoks', 'Loyaliteitsleden die contact willen', 'Top 20% naar omzet', 'Kampioenen', 'Slapend']));
		expect(names).not.toContain('Home cooks');
		const report = await clvReport(get, workspaceId);
		expect(report.valueMatrix.withShareOfWallet).toBeGreaterThan(100);

		// The map is the Dutch webshop template, its online steps bound to the journey events.
		const session = await logInAsDemo(server.baseUrl);
		const { token } = await (
			await fetch(`${server.baseUrl}/api/v1/tokens`, { method: 'POST', headers: { ...session.headers, cookie: session.cookie }, body: JSON.stringify({ name: 'demo check' }) })
		).json();
		const map = connectClient(server.baseUrl, boardId, token);
		try {
			await synced(map);
			const board = readBoard(map.doc);
			expect(board.stages.map((s) => s.title)).toEqual(['Oriëntatie', 'Overweging', 'Aankoop', 'Gebruik', 'Service', 'Loyaliteit']);
			const bound = board.cards.filter((c) => c.eventTypes.length).map((c) => c.text);
			expect(bound).toEqual(
				expect.arrayContaining(['Komt via een zoekmachine op een productpagina', 'Afrekenen', 'Legt een product in het winkelmandje', 'Betaalt en ontvangt de bestelling'])
			);
			expect(bound).toHaveLength(4);
		} finally {
			map.close();
		}
	});
});
