import { describe, expect, it } from 'vitest';
import { importValid } from './imports';
import { Client, makeUser, makeWorkspace, uniqueEmail, withDatabase } from './helpers';
import { startServer } from './server-process';

/*
 * Persona clustering runs in a worker thread of the built server: while it works, the server
 * answers other requests; a worker that dies fails its derivation with a clear message; a
 * shutdown stops it and marks the derivation interrupted. Orders of events are asserted, not times.
 */

const DAY = 86_400_000;
const END = Date.UTC(2026, 5, 30);
const CHANNELS = ['app', 'web', 'shop'];
const CATEGORIES = ['Snacks', 'Wonen', 'Boeken', 'Speelgoed'];

/** Seeded (mulberry32) customers with 1–6 purchases each: enough variety for several personas. */
function generated(count: number, seed: number, prefix: string) {
	let a = seed;
	const rng = () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const customers = ['customer_id,name,email,city'];
	const transactions = ['customer_id,date,amount,channel,category'];
	for (let i = 0; i < count; i++) {
		const id = `${prefix}-${i}`;
		customers.push(`${id},Klant ${i},${id}@example.nl,Utrecht`);
		const kind = i % 4;
		const purchases = 1 + Math.floor(rng() * (kind + 2));
		const last = END - Math.floor(rng() * 30 * (kind * 3 + 1)) * DAY;
		for (let p = 0; p < purchases; p++) {
			const at = new Date(last - p * Math.floor(10 + rng() * 40) * DAY).toISOString().slice(0, 10);
			const amount = (15 + kind * 60 + rng() * 40).toFixed(2);
			transactions.push(`${id},${at},${amount},${CHANNELS[(kind + (rng() < 0.2 ? 1 : 0)) % 3]},${CATEGORIES[kind]}`);
		}
	}
	return { customers: customers.join('\n'), transactions: transactions.join('\n') };
}

async function groupWithData(client: Client, customers: number, seed: number) {
	const workspaceId = (await makeWorkspace(client, 'Persona worker')).id;
	const data = generated(customers, seed, `w${seed}`);
	await importValid(client, workspaceId, data.customers, { kind: 'customers' });
	await importValid(client, workspaceId, data.transactions, { kind: 'transactions' });
	const group = await client.post(`/api/v1/workspaces/${workspaceId}/groups`, { name: 'Everyone', rule: { match: 'all', conditions: [] } });
	expect(group.status, JSON.stringify(group.body)).toBe(201);
	return group.body.id as string;
}

async function startDerivation(client: Client, groupId: string) {
	const started = await client.post(`/api/v1/groups/${groupId}/personas/derive`, { k: 'auto', seed: 3 });
	expect(started.status, JSON.stringify(started.body)).toBe(202);
	return started.body.id as string;
}

const CLUSTERING_STAGES = ['clustering', 'profiles', 'stability'];

/** Polls closely until the derivation is clustering (the worker's part; most of its time). */
async function untilClustering(client: Client, derivationId: string) {
	for (;;) {
		const job = await client.get(`/api/v1/persona-derivations/${derivationId}`);
		expect(job.status).toBe(200);
		if (job.body.status === 'running' && job.body.stage === 'clustering') return job.body;
		expect(['queued', 'running'], `the derivation ended before its clustering was seen: ${JSON.stringify(job.body)}`).toContain(job.body.status);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

async function finished(client: Client, derivationId: string) {
	for (let i = 0; i < 1200; i++) {
		const job = await client.get(`/api/v1/persona-derivations/${derivationId}`);
		if (!['queued', 'running'].includes(job.body.status)) return job.body;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error('the derivation did not finish');
}

describe('persona clustering in a worker thread', () => {
	it('leaves the server answering while it clusters', async () => {
		const { client } = await makeUser();
		const groupId = await groupWithData(client, 20_000, 21);
		const derivationId = await startDerivation(client, groupId);

		await untilClustering(client, derivationId);
		// Health checks and reads of the derivation, in turn, until it is done. Inline clustering
		// holds the event loop from its first stage to its last, so no read could see it midway;
		// in the worker, reads after an answered health check still find it clustering.
		let seenClusteringAfterHealth = 0;
		for (;;) {
			const health = await fetch(new URL('/healthz', client.baseUrl));
			expect(health.status).toBe(200);
			const job = (await client.get(`/api/v1/persona-derivations/${derivationId}`)).body;
			if (job.status !== 'running') break;
			if (CLUSTERING_STAGES.includes(job.stage)) seenClusteringAfterHealth++;
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
		expect(seenClusteringAfterHealth).toBeGreaterThan(0);

		const done = await finished(client, derivationId);
		expect(done.status, JSON.stringify(done)).toBe('done');
		expect(done.customers).toBe(20_000);
		const personas = await client.get(`/api/v1/groups/${groupId}/personas`);
		expect(personas.body.items.length).toBe(done.k.chosen);
	}, 180_000);

	it('fails the derivation with a clear message when the worker dies', async () => {
		// A heap cap far too small for the clustering: the worker runs out of memory.
		const server = await startServer({ env: { WAYMARK_PERSONA_WORKER_MEMORY_MB: '1' } });
		try {
			const client = new Client(server.baseUrl);
			const signup = await client.post('/api/v1/auth/signup', { email: uniqueEmail(), password: 'pw-worker-crash', name: 'Crash' });
			expect(signup.status).toBe(201);
			const groupId = await groupWithData(client, 3_000, 5);
			const failed = await finished(client, await startDerivation(client, groupId));
			expect(failed.status).toBe('failed');
			expect(failed.details.errorCode).toBe('worker_stopped');
			expect(failed.message).toMatch(/stopped unexpectedly/);
			expect((await fetch(new URL('/healthz', server.baseUrl))).status).toBe(200);
			expect((await client.get(`/api/v1/groups/${groupId}/personas`)).body.items).toEqual([]);
		} finally {
			await server.dispose();
		}
	}, 180_000);

	it('stops a running clustering on shutdown and marks its derivation interrupted', async () => {
		const server = await startServer();
		try {
			const client = new Client(server.baseUrl);
			const signup = await client.post('/api/v1/auth/signup', { email: uniqueEmail(), password: 'pw-worker-stop', name: 'Stop' });
			expect(signup.status).toBe(201);
			const groupId = await groupWithData(client, 20_000, 8);
			const derivationId = await startDerivation(client, groupId);
			await untilClustering(client, derivationId);
			await server.stop('SIGTERM');
			const row = withDatabase(
				(db) => db.prepare('SELECT status, message FROM persona_derivations WHERE id = ?').get(derivationId) as { status: string; message: string },
				server.databasePath
			);
			expect(row.status).toBe('failed');
			expect(row.message).toMatch(/server stopped during this derivation/);
			expect(server.output()).not.toMatch(/shutdown step failed/);
		} finally {
			await server.dispose();
		}
	}, 180_000);
});
