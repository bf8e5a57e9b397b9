import { beforeAll, describe, expect, it } from 'vitest';
import { importValid } from './imports';
import { Client, inviteAndJoin, makeUser, makeWorkspace, uniqueEmail, withDatabase, type TestUser } from './helpers';
import { startServer } from './server-process';

/*
 * Personas through the real server: a workspace with three planted, well-separated kinds of
 * customer (40 each), derived in a background job; re-deriving keeps the team's personas; who
 * may see and do what.
 *
 *   segment   purchases  amount   channel  last purchase      furthest event
 *   app        10–14      25–35    app      last 2 weeks       checkout
 *   store       3–4      250–350  shop     about 3 months ago  basket
 *   web          1        15–25    web      about 9 months ago  view
 */

const END = Date.UTC(2026, 5, 30);
const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A small deterministic generator (mulberry32), so the planted data is the same every run. */
function random(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function plantedData(prefix = 'p') {
	const rng = random(7);
	const between = (low: number, high: number) => low + (high - low) * rng();
	const customers = ['customer_id,name,email,city'];
	const transactions = ['customer_id,date,amount,channel,category'];
	const events = ['customer_id,date,event_type'];
	const segments = [
		{ name: 'app', count: 40, purchases: [10, 14], amount: [25, 35], channel: 'app', category: 'Snacks', lastDaysAgo: [1, 14], span: 300, steps: ['view', 'basket', 'checkout'] },
		{ name: 'store', count: 40, purchases: [3, 4], amount: [250, 350], channel: 'shop', category: 'Wonen', lastDaysAgo: [80, 100], span: 200, steps: ['view', 'basket'] },
		{ name: 'web', count: 40, purchases: [1, 1], amount: [15, 25], channel: 'web', category: 'Boeken', lastDaysAgo: [260, 290], span: 0, steps: ['view'] }
	];
	for (const segment of segments) {
		for (let i = 0; i < segment.count; i++) {
			const id = `${prefix}-${segment.name}-${i}`;
			customers.push(`${id},Klant ${segment.name} ${i},${id}@example.nl,Utrecht`);
			const n = Math.round(between(segment.purchases[0]!, segment.purchases[1]!));
			const last = END - Math.round(between(segment.lastDaysAgo[0]!, segment.lastDaysAgo[1]!)) * DAY;
			for (let p = 0; p < n; p++) {
				const at = n === 1 ? last : last - Math.round((segment.span * (n - 1 - p)) / (n - 1)) * DAY;
				transactions.push(`${id},${day(at)},${between(segment.amount[0]!, segment.amount[1]!).toFixed(2)},${segment.channel},${segment.category}`);
			}
			segment.steps.forEach((step, s) => events.push(`${id},${day(last - (segment.steps.length - s) * DAY)},${step}`));
		}
	}
	return { customers: customers.join('\n'), transactions: transactions.join('\n'), events: events.join('\n') };
}

let owner: Client;
let editor: TestUser;
let viewer: TestUser;
let workspaceId: string;
let groupId: string;

async function createGroup(client: Client, workspace: string, name: string, conditions: unknown[] = []) {
	const response = await client.post(`/api/v1/workspaces/${workspace}/groups`, { name, rule: { match: 'all', conditions } });
	expect(response.status, JSON.stringify(response.body)).toBe(201);
	return response.body.id as string;
}

async function derive(body: unknown, client = owner, group = groupId) {
	const started = await client.post(`/api/v1/groups/${group}/personas/derive`, body);
	expect(started.status, JSON.stringify(started.body)).toBe(202);
	expect(started.headers.get('location')).toBe(`/api/v1/persona-derivations/${started.body.id}`);
	expect(['queued', 'running']).toContain(started.body.status);
	for (let i = 0; i < 300; i++) {
		const job = await client.get(`/api/v1/persona-derivations/${started.body.id}`);
		expect(job.status).toBe(200);
		if (!['queued', 'running'].includes(job.body.status)) return job.body;
		expect(job.body.progress).toBeGreaterThanOrEqual(0);
		expect(job.body.progress).toBeLessThanOrEqual(1);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error('the derivation did not finish');
}

async function personas(client = owner, query = '') {
	const response = await client.get(`/api/v1/groups/${groupId}/personas${query}`);
	expect(response.status, JSON.stringify(response.body)).toBe(200);
	return response.body as { items: any[]; derivation: any; stale: boolean };
}

/** Which planted segment a persona stands for, from its customers' external ids. */
async function segmentsOf(personaId: string): Promise<Set<string>> {
	const segments = new Set<string>();
	let cursor: string | null = null;
	do {
		const page: any = await owner.get(`/api/v1/personas/${personaId}/customers?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
		expect(page.status).toBe(200);
		for (const item of page.body.items) segments.add(item.externalId.split('-')[1]);
		cursor = page.body.nextCursor;
	} while (cursor);
	return segments;
}

beforeAll(async () => {
	({ client: owner } = await makeUser());
	workspaceId = (await makeWorkspace(owner, 'Personas')).id;
	const data = plantedData();
	await importValid(owner, workspaceId, data.customers, { kind: 'customers' });
	await importValid(owner, workspaceId, data.transactions, { kind: 'transactions' });
	await importValid(owner, workspaceId, data.events, { kind: 'events' });
	groupId = await createGroup(owner, workspaceId, 'Everyone');
	editor = await inviteAndJoin(owner, workspaceId, 'editor');
	viewer = await inviteAndJoin(owner, workspaceId, 'viewer');
}, 60_000);

describe('deriving personas', () => {
	let appPersonaId: string;

	it('recovers the three planted segments, with shares summing to 1 and a solid stability', async () => {
		const job = await derive({ k: 'auto', seed: 3 });
		expect(job.status, job.message).toBe('done');
		expect(job.progress).toBe(1);
		expect(job.k).toEqual({ requested: 'auto', chosen: 3 });
		expect(job.diagnostics.map((d: { k: number }) => d.k)).toEqual([3, 4, 5, 6, 7, 8]);
		expect(job.customers).toBe(120);
		expect(job.stability).toBeGreaterThan(0.95);
		expect(job.changes.added).toHaveLength(3);

		const { items, derivation, stale } = await personas();
		expect(stale).toBe(false);
		expect(derivation.id).toBe(job.id);
		expect(items).toHaveLength(3);
		expect(items.map((p) => p.size)).toEqual([40, 40, 40]);
		expect(items.reduce((sum, p) => sum + p.share, 0)).toBeCloseTo(1, 10);
		expect(items.reduce((sum, p) => sum + p.revenueShare, 0)).toBeCloseTo(1, 10);
		for (const persona of items) {
			expect(persona.origin).toBe('derived');
			expect(persona.stability).toBeGreaterThan(0.95);
			expect(persona.clvMean).toEqual(expect.any(Number));
			expect(persona.clvModel, 'which model the mean CLV comes from').toBe('formula');
			expect(persona.distinguishing.length).toBeGreaterThan(3);
			expect(persona.distinguishing[0]).toMatchObject({ feature: expect.any(String), z: expect.any(Number), text: expect.any(String) });
			expect(await segmentsOf(persona.id)).toHaveProperty('size', 1);
		}
		// Named by what sets each apart, in the language of who derived them; not "Persona A…C".
		expect(items.map((p) => p.name)).toEqual(['Active app buyers', 'Thrifty webshop buyers', 'Occasional store shoppers']);
		const app = items.find((p) => p.distinguishing.some((d: { text: string }) => d.text.startsWith('mostly in the app')));
		expect(app, JSON.stringify(items.map((p) => p.distinguishing.map((d: { text: string }) => d.text)))).toBeDefined();
		expect(app.distinguishing.map((d: { text: string }) => d.text)).toContainEqual(expect.stringMatching(/^buys \d+(\.\d)?× as often$/));
		expect(await segmentsOf(app.id)).toEqual(new Set(['app']));
		expect(app.evidence).toMatchObject({ channels: { app: 1, webshop: 0 }, furthestStep: { step: 'checkout', share: 1 }, nps: null });
		appPersonaId = app.id;
	});

	it("name the furthest step by the workspace's name for its event type, the id made readable otherwise", async () => {
		const furthest = async () => (await personas()).items.find((p) => p.id === appPersonaId).evidence.furthestStep;
		expect(await furthest()).toEqual({ step: 'checkout', label: 'Checkout', share: 1 });
		await owner.patch(`/api/v1/workspaces/${workspaceId}/event-types`, { labels: { checkout: 'Rekent af' } });
		expect(await furthest()).toEqual({ step: 'checkout', label: 'Rekent af', share: 1 });
		expect((await owner.get(`/api/v1/personas/${appPersonaId}`)).body.evidence.furthestStep.label).toBe('Rekent af');
		await owner.patch(`/api/v1/workspaces/${workspaceId}/event-types`, { labels: { checkout: null } });
	});

	it('cut the analyses to their customers: customer value and loyalty per persona', async () => {
		const all = await owner.get(`/api/v1/workspaces/${workspaceId}/analytics/clv?model=formula`);
		const cut = await owner.get(`/api/v1/workspaces/${workspaceId}/analytics/clv?model=formula&personaId=${appPersonaId}`);
		expect(cut.status, JSON.stringify(cut.body)).toBe(200);
		expect(cut.body.summary.customers).toBe(40);
		expect(all.body.summary.customers).toBe(120);
		const loyalty = await owner.get(`/api/v1/workspaces/${workspaceId}/analytics/loyalty?personaId=${appPersonaId}`);
		expect(loyalty.body.behavioural.customers).toBe(40);
		const other = await makeWorkspace(owner, 'Not theirs');
		expect((await owner.get(`/api/v1/workspaces/${other.id}/analytics/clv?personaId=${appPersonaId}`)).status).toBe(404);
	});

	it('keeps ids and the names the team gave when re-derived, and says what moved', async () => {
		const renamed = await owner.patch(`/api/v1/personas/${appPersonaId}`, { name: 'App regulars' });
		expect(renamed.status).toBe(200);
		const before = (await personas()).items.map((p) => p.id).sort();

		const again = await derive({ k: 3, seed: 3 });
		expect(again.status).toBe('done');
		expect(again.changes.added).toEqual([]);
		expect(again.changes.archived).toEqual([]);
		expect(again.changes.continued).toHaveLength(3);
		for (const moved of again.changes.continued) expect(moved.distance).toBeLessThan(1e-6);
		const after = (await personas()).items;
		expect(after.map((p) => p.id).sort()).toEqual(before);
		expect(after.find((p) => p.id === appPersonaId).name).toBe('App regulars');
	});

	it('suggests names in the language of who derives them, keeping the names the team gave', async () => {
		expect((await owner.patch('/api/v1/me', { locale: 'nl' })).status).toBe(200);
		try {
			const again = await derive({ k: 3, seed: 3 });
			expect(again.status).toBe('done');
			const names = (await personas()).items.map((p) => p.name);
			expect(names).toEqual(['App regulars', 'Zuinige webshopkopers', 'Incidentele winkelkopers']);
			expect(again.changes.continued.map((c: { name: string }) => c.name)).toEqual(names);
		} finally {
			await owner.patch('/api/v1/me', { locale: 'en' });
		}
	});

	it('adds personas for new clusters and archives those no cluster continues', async () => {
		const sizes = async () => new Map((await personas()).items.map((p) => [p.id as string, p.size as number]));
		const customersOf = async (id: string) => {
			const clv = await owner.get(`/api/v1/workspaces/${workspaceId}/analytics/clv?model=formula&personaId=${id}`);
			expect(clv.status, JSON.stringify(clv.body)).toBe(200);
			return clv.body.summary.customers as number;
		};
		const before = await sizes();
		for (const [id, size] of before) expect(await customersOf(id)).toBe(size);

		const four = await derive({ k: 4, seed: 3 });
		expect(four.status).toBe('done');
		expect(four.changes.continued).toHaveLength(3);
		expect(four.changes.added).toHaveLength(1);
		expect((await personas()).items).toHaveLength(4);
		// A persona that continues keeps its id but not its members: its figures are of the new ones.
		const after = await sizes();
		expect([...before].some(([id, size]) => after.get(id) !== size)).toBe(true);
		for (const [id, size] of after) expect(await customersOf(id)).toBe(size);

		const three = await derive({ k: 'auto', seed: 3 });
		expect(three.status).toBe('done');
		expect(three.changes.continued).toHaveLength(3);
		expect(three.changes.archived).toHaveLength(1);
		const { items } = await personas();
		expect(items).toHaveLength(3);
		expect(items.find((p) => p.id === appPersonaId)?.name).toBe('App regulars');
		const archived = (await personas(owner, '?archived=true')).items;
		expect(archived.map((p) => p.id)).toEqual([three.changes.archived[0].personaId]);
		expect(archived[0].archived).toBe(true);
	});

	it('keeps hand-made personas, marked as such, through re-derivations', async () => {
		const created = await editor.client.post(`/api/v1/groups/${groupId}/personas`, { name: 'Researcher Rita', description: 'From interviews' });
		expect(created.status, JSON.stringify(created.body)).toBe(201);
		expect(created.body).toMatchObject({ origin: 'hand-made', size: null, share: null, distinguishing: [], name: 'Researcher Rita' });
		await derive({ k: 'auto', seed: 3 });
		const { items } = await personas();
		expect(items.filter((p) => p.origin === 'hand-made').map((p) => p.name)).toEqual(['Researcher Rita']);
		expect(items.filter((p) => p.origin === 'derived')).toHaveLength(3);
		expect((await editor.client.delete(`/api/v1/personas/${created.body.id}`)).status).toBe(204);
		expect((await owner.get(`/api/v1/personas/${created.body.id}`)).status).toBe(404);
	});

	it('gives the same personas for the same seed', async () => {
		const { items: first } = await personas();
		await derive({ k: 'auto', seed: 3 });
		const { items: second } = await personas();
		expect(second.map((p) => [p.id, p.size, p.centroid])).toEqual(first.map((p) => [p.id, p.size, p.centroid]));
	});

	it('fails clearly, keeping the personas, when the chosen features cannot separate anyone', async () => {
		const before = (await personas()).items.map((p) => p.id);
		const job = await derive({ k: 3, features: ['householdSize', 'nps'] });
		expect(job.status).toBe('failed');
		expect(job.message).toMatch(/feature/i);
		expect(job.details).toEqual({ errorCode: 'no_informative_features' });
		expect((await personas()).items.map((p) => p.id)).toEqual(before);
	});

	it('refuses a group too small to trust its personas, saying how many customers it has and needs', async () => {
		// Six customers would give three personas of two ("1× less worth").
		const small = (await makeWorkspace(owner, 'Six customers')).id;
		const six = ['customer_id,name', ...[1, 2, 3, 4, 5, 6].map((i) => `s-${i},Klant ${i}`)].join('\n');
		const bought = ['customer_id,date,amount', ...[1, 2, 3, 4, 5, 6].map((i) => `s-${i},2026-0${i}-01,${i * 20}`)].join('\n');
		await importValid(owner, small, six, { kind: 'customers' });
		await importValid(owner, small, bought, { kind: 'transactions' });
		const everyone = await createGroup(owner, small, 'Everyone');
		const refused = await owner.post(`/api/v1/groups/${everyone}/personas/derive`, { k: 'auto' });
		expect(refused.status).toBe(422);
		expect(refused.body.error).toEqual({
			code: 'insufficient_data',
			message: 'This group has 6 customers; personas need at least 30 (at least 10 customers per persona and 30 in all)',
			fields: { _: 'This group has 6 customers; personas need at least 30 (at least 10 customers per persona and 30 in all)' }
		});
		const listed = (await owner.get(`/api/v1/groups/${everyone}/personas`)).body;
		expect(listed).toMatchObject({ items: [], derivation: null, customers: 6 });
		const none = await createGroup(owner, workspaceId, 'Nobody', [{ field: 'revenue', op: 'gte', value: 1_000_000 }]);
		expect((await owner.post(`/api/v1/groups/${none}/personas/derive`, { k: 'auto' })).body.error.message).toMatch(/has 0 customers; personas need at least 30/);
	});

	it('asks 10 customers per persona: a fixed k too large is refused, automatic tries only the k that fit', async () => {
		const appOnly = await createGroup(owner, workspaceId, 'App buyers', [{ field: 'transactions', op: 'gte', value: 10 }]);
		expect((await owner.get(`/api/v1/groups/${appOnly}/personas`)).body.customers).toBe(40);
		const five = await owner.post(`/api/v1/groups/${appOnly}/personas/derive`, { k: 5 });
		expect(five.status).toBe(422);
		expect(five.body.error.message).toBe(
			'This group has 40 customers; 5 personas need at least 50 (at least 10 customers per persona and 30 in all)'
		);
		const auto = await derive({ k: 'auto', seed: 3 }, owner, appOnly);
		expect(auto.status, auto.message).toBe('done');
		expect(auto.diagnostics.map((d: { k: number }) => d.k).filter((k: number) => k >= 3)).toEqual([3, 4]);
		const { items } = (await owner.get(`/api/v1/groups/${appOnly}/personas`)).body;
		expect(items).toHaveLength(auto.k.chosen);
		expect(items.length).toBeLessThanOrEqual(4);
		expect(items.reduce((sum: number, p: { size: number }) => sum + p.size, 0)).toBe(40);
	});

	it('refuses k outside 3…8 and unknown features with 400', async () => {
		for (const body of [{ k: 2 }, { k: 9 }, { k: 'many' }, { k: 3.5 }, { features: ['shoeSize'] }, { seed: -1 }]) {
			const response = await owner.post(`/api/v1/groups/${groupId}/personas/derive`, body);
			expect(response.status, JSON.stringify(body)).toBe(400);
			expect(response.body.error.code).toBe('validation_failed');
		}
	});
});

describe('who may see and do what', () => {
	it('shows viewers the personas and their evidence, but not who the representative customers are', async () => {
		const { items } = await personas(viewer.client);
		expect(items.length).toBeGreaterThan(0);
		const detail = await viewer.client.get(`/api/v1/personas/${items[0].id}`);
		expect(detail.status).toBe(200);
		expect(detail.body.representatives.length).toBeGreaterThan(0);
		for (const customer of detail.body.representatives) {
			expect(customer.externalId).toBeNull();
			expect(customer.name).toBeNull();
			expect(customer.transactions).toBeGreaterThan(0);
		}
		expect((await viewer.client.get(`/api/v1/personas/${items[0].id}/customers`)).status).toBe(403);
		expect((await viewer.client.post(`/api/v1/groups/${groupId}/personas/derive`, { k: 'auto' })).status).toBe(403);
		expect((await viewer.client.post(`/api/v1/groups/${groupId}/personas`, { name: 'Mine' })).status).toBe(403);
		expect((await viewer.client.patch(`/api/v1/personas/${items[0].id}`, { name: 'Mine' })).status).toBe(403);
		expect((await viewer.client.delete(`/api/v1/personas/${items[0].id}`)).status).toBe(403);
	});

	it('lets editors page through the customers of a persona and see who the representatives are', async () => {
		const { items } = await personas(editor.client);
		const persona = items.find((p) => p.origin === 'derived');
		const detail = await editor.client.get(`/api/v1/personas/${persona.id}`);
		expect(detail.body.representatives[0].externalId).toMatch(/^p-/);
		const ids: string[] = [];
		let cursor: string | null = null;
		do {
			const page: any = await editor.client.get(`/api/v1/personas/${persona.id}/customers?limit=15${cursor ? `&cursor=${cursor}` : ''}`);
			expect(page.status).toBe(200);
			ids.push(...page.body.items.map((c: { externalId: string }) => c.externalId));
			cursor = page.body.nextCursor;
		} while (cursor);
		expect(ids).toHaveLength(persona.size);
		expect(new Set(ids).size).toBe(persona.size);
	});

	it("answers 404 for another workspace's groups, personas and derivations", async () => {
		const { client: stranger } = await makeUser();
		const { items, derivation } = await personas();
		expect((await stranger.get(`/api/v1/groups/${groupId}/personas`)).status).toBe(404);
		expect((await stranger.post(`/api/v1/groups/${groupId}/personas/derive`, { k: 'auto' })).status).toBe(404);
		expect((await stranger.post(`/api/v1/groups/${groupId}/personas`, { name: 'X' })).status).toBe(404);
		expect((await stranger.get(`/api/v1/personas/${items[0].id}`)).status).toBe(404);
		expect((await stranger.patch(`/api/v1/personas/${items[0].id}`, { name: 'X' })).status).toBe(404);
		expect((await stranger.get(`/api/v1/personas/${items[0].id}/customers`)).status).toBe(404);
		expect((await stranger.get(`/api/v1/persona-derivations/${derivation.id}`)).status).toBe(404);
		expect((await owner.get('/api/v1/personas/nosuchpersona')).status).toBe(404);
	});

	it('marks the personas stale after an import, and the data it was derived on stays in SQL only', async () => {
		await importValid(owner, workspaceId, 'customer_id,name\np-new-1,Nieuw', { kind: 'customers' });
		expect((await personas()).stale).toBe(true);
		const stored = withDatabase((db) =>
			db.prepare('select count(*) as n from persona_members pm join personas p on p.id = pm.persona_id where p.group_id = ?').get(groupId)
		) as { n: number };
		expect(stored.n).toBe(120);
	});
});

describe('a server that stops during a derivation', () => {
	it('marks the derivation failed on start-up and keeps the personas as they were', async () => {
		const first = await startServer();
		let second: Awaited<ReturnType<typeof startServer>> | undefined;
		try {
			const client = new Client(first.baseUrl);
			expect((await client.post('/api/v1/auth/signup', { email: uniqueEmail('crash'), password: 'survives a crash', name: 'C' })).status).toBe(201);
			const workspace = await makeWorkspace(client);
			await importValid(client, workspace.id, 'customer_id,name\na,A\nb,B\nc,C', { kind: 'customers' });
			const group = await createGroup(client, workspace.id, 'All');
			const id = 'interruptedjob01';
			withDatabase(
				(db) =>
					db
						.prepare(
							`insert into persona_derivations (id, workspace_id, group_id, features, seed, status, progress, stage, created_at)
							values (?, ?, ?, '[]', 1, 'running', 0.4, 'clustering', ?)`
						)
						.run(id, workspace.id, group, Date.now()),
				first.databasePath
			);
			await first.stop('SIGKILL');
			second = await startServer({ databasePath: first.databasePath });
			const again = new Client(second.baseUrl, { ip: client.ip });
			again.cookies.set('waymark_session', client.sessionToken!);
			const job = await again.get(`/api/v1/persona-derivations/${id}`);
			expect(job.body).toMatchObject({ status: 'failed', message: expect.stringMatching(/server stopped/), details: { errorCode: 'restarted' } });
			expect((await again.get(`/api/v1/groups/${group}/personas`)).body.items).toEqual([]);
		} finally {
			await second?.stop();
			await first.dispose();
		}
	}, 60_000);
});

describe('personas of the demo retailer', () => {
	it('are derived from realistic data with categorical features (k-prototypes), 3–8 of them covering the group', { timeout: 90_000 }, async () => {
		const server = await startServer({ env: { WAYMARK_DEMO: 'on', WAYMARK_DEMO_CUSTOMERS: '600' } });
		try {
			const demo = new Client(server.baseUrl);
			expect((await demo.post('/api/v1/auth/login', { email: 'demo@waymark.local', password: 'waymark-demo' })).status).toBe(200);
			const workspace = (await demo.get('/api/v1/workspaces')).body.items[0].id as string;
			for (let i = 0; i < 400; i++) {
				if ((await demo.get(`/api/v1/workspaces/${workspace}/data/summary`)).body.datasetVersion === 5) break;
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			const group = await createGroup(demo, workspace, 'Every customer');
			const started = await demo.post(`/api/v1/groups/${group}/personas/derive`, {
				k: 'auto',
				features: ['customerLifetimeValue', 'monetaryValue', 'recencyDays', 'frequency', 'channelShareWebshop', 'channelShareApp', 'channelShareStore', 'channelSharePhone', 'furthestJourneyStep', 'topCategory', 'nps', 'optIn', 'ageBand']
			});
			expect(started.status, JSON.stringify(started.body)).toBe(202);
			let job: any;
			for (let i = 0; i < 600; i++) {
				job = (await demo.get(`/api/v1/persona-derivations/${started.body.id}`)).body;
				if (!['queued', 'running'].includes(job.status)) break;
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			expect(job.status, job.message).toBe('done');
			expect(job.algorithm).toBe('k-prototypes');
			expect(job.customers).toBe(600);
			const { items } = (await demo.get(`/api/v1/groups/${group}/personas`)).body;
			expect(items.length).toBeGreaterThanOrEqual(3);
			expect(items.length).toBeLessThanOrEqual(8);
			expect(items.reduce((sum: number, p: { size: number }) => sum + p.size, 0)).toBe(600);
			for (const persona of items) {
				expect(persona.clvMean).toEqual(expect.any(Number));
				for (const d of persona.distinguishing) expect(Number.isFinite(d.z)).toBe(true);
			}
			expect(job.stability).toBeGreaterThan(0.5);
		} finally {
			await server.dispose();
		}
	});
});
