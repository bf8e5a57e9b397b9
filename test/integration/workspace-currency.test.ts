import { describe, expect, it } from 'vitest';
import { importValid } from './imports';
import { inviteAndJoin, makeUser, makeWorkspace, type TestUser } from './helpers';

/*
 * A workspace's currency through the real server: owners set it like the name, it comes with
 * every workspace JSON, a code nobody issued is refused with a clear message, and what the
 * server writes with amounts in it (the persona card as Markdown) follows it — unconverted.
 */

const DAY = 86_400_000;
const END = Date.UTC(2026, 5, 30);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Three clearly different kinds of customer (12 each): frequent small, occasional large, one-off. */
function threeKinds() {
	const customers = ['customer_id,name'];
	const transactions = ['customer_id,date,amount,channel'];
	const kinds = [
		{ name: 'often', purchases: 12, amount: 30, channel: 'app', spacing: 20, last: 3 },
		{ name: 'big', purchases: 4, amount: 300, channel: 'shop', spacing: 60, last: 90 },
		{ name: 'once', purchases: 1, amount: 20, channel: 'web', spacing: 0, last: 270 }
	];
	for (const kind of kinds) {
		for (let i = 0; i < 12; i++) {
			const id = `${kind.name}-${i}`;
			customers.push(`${id},Klant ${id}`);
			for (let p = 0; p < kind.purchases; p++) {
				const at = END - (kind.last + i + p * kind.spacing) * DAY;
				transactions.push(`${id},${day(at)},${(kind.amount + i).toFixed(2)},${kind.channel}`);
			}
		}
	}
	return { customers: customers.join('\n'), transactions: transactions.join('\n') };
}

describe('the currency of a workspace', () => {
	it('is EUR for a new workspace, is set by owners and shows in the workspace, its list and the change', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client, 'CDNOW');
		expect((await client.get(`/api/v1/workspaces/${workspace.id}`)).body.currency).toBe('EUR');

		const changed = await client.patch(`/api/v1/workspaces/${workspace.id}`, { currency: 'usd' });
		expect(changed.status).toBe(200);
		expect(changed.body).toMatchObject({ id: workspace.id, name: 'CDNOW', currency: 'USD' });
		expect((await client.get(`/api/v1/workspaces/${workspace.id}`)).body.currency).toBe('USD');
		const list = await client.get('/api/v1/workspaces');
		expect(list.body.items).toEqual([expect.objectContaining({ id: workspace.id, currency: 'USD' })]);

		// Renaming leaves it alone.
		await client.patch(`/api/v1/workspaces/${workspace.id}`, { name: 'CDNOW sample' });
		expect((await client.get(`/api/v1/workspaces/${workspace.id}`)).body.currency).toBe('USD');
	});

	it('refuses a code that is not an ISO 4217 currency with 400 and a message, and keeps the old one', async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client);
		for (const currency of ['XYZ', 'EURO', '€', '', 12, null]) {
			const response = await client.patch(`/api/v1/workspaces/${workspace.id}`, { currency });
			expect(response.status, JSON.stringify(currency)).toBe(400);
			expect(response.body.error.code).toBe('validation_failed');
			expect(response.body.error.fields).toEqual({ currency: 'Choose a currency by its three-letter code, such as EUR or USD' });
		}
		expect((await client.get(`/api/v1/workspaces/${workspace.id}`)).body.currency).toBe('EUR');
	});

	it('may be changed by owners only: editors and viewers get 403', async () => {
		const owner = await makeUser();
		const workspace = await makeWorkspace(owner.client);
		const members: TestUser[] = [
			await inviteAndJoin(owner.client, workspace.id, 'editor'),
			await inviteAndJoin(owner.client, workspace.id, 'viewer')
		];
		for (const member of members) {
			expect((await member.client.get(`/api/v1/workspaces/${workspace.id}`)).body.currency).toBe('EUR');
			const response = await member.client.patch(`/api/v1/workspaces/${workspace.id}`, { currency: 'GBP' });
			expect(response.status).toBe(403);
		}
		expect((await owner.client.get(`/api/v1/workspaces/${workspace.id}`)).body.currency).toBe('EUR');
	});

	it('is what the persona card in Markdown writes amounts in, the same amounts as before', { timeout: 60_000 }, async () => {
		const { client } = await makeUser();
		const workspace = await makeWorkspace(client, 'Dollars');
		const data = threeKinds();
		await importValid(client, workspace.id, data.customers, { kind: 'customers' });
		await importValid(client, workspace.id, data.transactions, { kind: 'transactions' });
		const group = await client.post(`/api/v1/workspaces/${workspace.id}/groups`, { name: 'Everyone', rule: { match: 'all', conditions: [] } });
		expect(group.status).toBe(201);
		const started = await client.post(`/api/v1/groups/${group.body.id}/personas/derive`, { k: 3, seed: 1 });
		expect(started.status, JSON.stringify(started.body)).toBe(202);
		let job = started.body;
		for (let i = 0; i < 300 && ['queued', 'running'].includes(job.status); i++) {
			await new Promise((resolve) => setTimeout(resolve, 100));
			job = (await client.get(`/api/v1/persona-derivations/${started.body.id}`)).body;
		}
		expect(job.status, job.message).toBe('done');
		const personas = (await client.get(`/api/v1/groups/${group.body.id}/personas`)).body.items as { id: string; clvMean: number | null }[];
		const persona = personas.find((p) => p.clvMean !== null && p.clvMean > 0)!;
		expect(persona).toBeDefined();
		const clv = (currency: string) => new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(persona.clvMean!);

		const inEuros = await client.get(`/api/v1/personas/${persona.id}/card.md`);
		expect(inEuros.body).toContain(`- Mean customer value: ${clv('EUR')}`);

		expect((await client.patch(`/api/v1/workspaces/${workspace.id}`, { currency: 'USD' })).status).toBe(200);
		const inDollars = await client.get(`/api/v1/personas/${persona.id}/card.md`);
		expect(inDollars.body).toContain(`- Mean customer value: ${clv('USD')}`);
		// 36 customers are too few for BG/NBD: the card says the value comes from the formula.
		expect(inDollars.body).toMatch(/- Mean customer value: US\$[\d,]+\.\d\d \(by the formula\)\n/);
		expect(inDollars.body).not.toContain('€');
		// Nothing was converted: the persona's figures are the same numbers.
		const after = (await client.get(`/api/v1/personas/${persona.id}`)).body;
		expect(after.clvMean).toBe(persona.clvMean);
	});
});
