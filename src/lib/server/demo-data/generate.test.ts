import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { ArchetypeId } from './archetypes';
import { JOURNEY_STEPS, generateDemoData, type DemoRecord } from './generate';

const KINDS: DemoRecord['kind'][] = ['customer', 'transaction', 'event', 'survey', 'categorySpend'];

/** SHA-256 of the first 10,000 rows of each kind. */
function fingerprint(customers: number, seed: number): Record<string, string> {
	const hashes = Object.fromEntries(KINDS.map((k) => [k, createHash('sha256')]));
	const counts = Object.fromEntries(KINDS.map((k) => [k, 0]));
	for (const record of generateDemoData({ customers, seed }).records()) {
		if (counts[record.kind]!++ < 10_000) hashes[record.kind]!.update(JSON.stringify(record.row));
	}
	return Object.fromEntries(KINDS.map((k) => [k, hashes[k]!.digest('hex')]));
}

interface CustomerFacts {
	archetype: ArchetypeId;
	birthDate: string | null;
	acquisitionDate: string;
	transactions: number;
	revenue: number;
	firstPurchase: string | null;
	appPurchases: number;
	nps: number[];
	csat: number[];
	contacts: number;
}

/** One pass over a 2,000-customer data set, summarised per customer (read-only for the tests). */
function summarise(customers: number, seed: number) {
	const data = generateDemoData({ customers, seed });
	const facts = new Map<string, CustomerFacts>();
	const problems: string[] = [];
	const funnel: Record<string, number> = {};
	const sessions = new Map<string, string[]>();
	const counts: Record<string, number> = {};
	let onlineTransactions = 0;
	let lossMaking = 0;
	const start = Date.parse(data.start);
	const end = Date.parse(data.end);
	const inWindow = (iso: string) => {
		const ms = Date.parse(iso);
		return ms >= start && ms < end;
	};
	for (const record of data.records()) {
		counts[record.kind] = (counts[record.kind] ?? 0) + 1;
		if (record.kind === 'customer') {
			const { row } = record;
			facts.set(row.customerId, {
				archetype: record.archetype,
				birthDate: row.birthDate,
				acquisitionDate: row.acquisitionDate,
				transactions: 0,
				revenue: 0,
				firstPurchase: null,
				appPurchases: 0,
				nps: [],
				csat: [],
				contacts: 0
			});
			continue;
		}
		const customer = facts.get(record.row.customerId);
		if (!customer) {
			problems.push(`${record.kind} for unknown customer ${record.row.customerId}`);
			continue;
		}
		if ('timestamp' in record.row && !inWindow(record.row.timestamp)) problems.push(`${record.kind} out of range: ${record.row.timestamp}`);
		if (record.kind === 'transaction') {
			const { row } = record;
			customer.transactions++;
			customer.revenue += row.amount;
			customer.firstPurchase ??= row.timestamp;
			if (row.channel === 'app') customer.appPurchases++;
			if (row.channel === 'web' || row.channel === 'app') onlineTransactions++;
			if (row.margin < 0) lossMaking++;
			if (Math.abs(row.amount * 100 - Math.round(row.amount * 100)) > 1e-6 || row.amount <= 0) problems.push(`amount ${row.amount}`);
		} else if (record.kind === 'event') {
			const { row } = record;
			funnel[row.eventType] = (funnel[row.eventType] ?? 0) + 1;
			if (row.eventType === 'contact_customer_service') customer.contacts++;
			if ((JOURNEY_STEPS as readonly string[]).includes(row.eventType)) {
				const steps = sessions.get(row.sessionId) ?? [];
				steps.push(row.eventType);
				sessions.set(row.sessionId, steps);
			}
		} else if (record.kind === 'survey') {
			const { row } = record;
			const expected = { nps: ['purchase', 0, 10], csat: ['contact_customer_service', 1, 5], ces: ['checkout_started', 1, 7] } as const;
			const [step, min, max] = expected[row.kind];
			if (row.step !== step || row.score < min || row.score > max || !Number.isInteger(row.score)) problems.push(`survey ${JSON.stringify(row)}`);
			if (row.kind === 'nps') customer.nps.push(row.score);
			if (row.kind === 'csat') customer.csat.push(row.score);
		}
	}
	return { data, facts, problems, funnel, sessions, counts, onlineTransactions, lossMaking };
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('generateDemoData', () => {
	const summary = summarise(2000, 42);
	const byArchetype = (id: ArchetypeId) => [...summary.facts.values()].filter((f) => f.archetype === id);

	it('gives identical output for the same seed and different output for another', () => {
		const a = fingerprint(2000, 7);
		expect(fingerprint(2000, 7)).toEqual(a);
		const b = fingerprint(2000, 8);
		for (const kind of KINDS) expect(b[kind]).not.toBe(a[kind]);
	});

	it('gives every category-spend row the spend here and a stated total of at least that: a share of wallet', () => {
		const data = generateDemoData({ customers: 400, seed: 3 });
		const spent = new Map<string, { ms: number; category: string; amount: number }[]>();
		const rows: { customerId: string; category: string; periodStart: string; amount: number; categoryTotal: number }[] = [];
		for (const record of data.records()) {
			if (record.kind === 'transaction') {
				const list = spent.get(record.row.customerId) ?? [];
				list.push({ ms: Date.parse(record.row.timestamp), category: record.row.category, amount: record.row.amount });
				spent.set(record.row.customerId, list);
			}
			if (record.kind === 'categorySpend') rows.push(record.row);
		}
		expect(rows.length).toBeGreaterThan(50);
		for (const row of rows) {
			const here = (spent.get(row.customerId) ?? [])
				.filter((t) => t.category === row.category && t.ms >= Date.parse(row.periodStart))
				.reduce((sum, t) => sum + t.amount, 0);
			expect(row.amount).toBeCloseTo(here, 2);
			expect(row.categoryTotal).toBeGreaterThanOrEqual(row.amount);
		}
		// Most of them buy only part of the category here.
		expect(rows.filter((r) => r.amount > 0 && r.amount < r.categoryTotal).length).toBeGreaterThan(rows.length / 2);
	});

	it('never uses Math.random', () => {
		const spy = vi.spyOn(Math, 'random');
		for (const record of generateDemoData({ customers: 50, seed: 1 }).records()) void record;
		expect(spy).not.toHaveBeenCalled();
		spy.mockRestore();
	});

	it('gives a customer the same history whatever the number of customers', () => {
		const few = [...generateDemoData({ customers: 30, seed: 5 }).records()];
		const many = generateDemoData({ customers: 300, seed: 5 }).records();
		for (const record of few) expect(many.next().value).toEqual(record);
	});

	it('produces about 7.5 transactions per customer over 24 months (150,000 for 20,000 customers ± 20%)', () => {
		expect(summary.counts.customer).toBe(2000);
		expect(summary.counts.transaction).toBeGreaterThan(12_000);
		expect(summary.counts.transaction).toBeLessThan(18_000);
		expect(summary.counts.event).toBeGreaterThan(summary.counts.transaction!);
		expect(summary.counts.survey).toBeGreaterThan(1000);
		expect(summary.counts.categorySpend).toBeGreaterThan(500);
	});

	it('links every row to an existing customer and keeps every timestamp in the window', () => {
		expect(summary.problems).toEqual([]);
		expect(summary.data.start).toBe('2024-11-01T00:00:00.000Z');
		expect(summary.data.end).toBe('2026-11-01T00:00:00.000Z');
		for (const f of summary.facts.values()) {
			expect(f.transactions).toBeGreaterThanOrEqual(1);
			expect(f.firstPurchase!.slice(0, 10)).toBe(f.acquisitionDate);
		}
	});

	it('has journey funnels whose counts never increase from step to step, session by session', () => {
		const counts = JOURNEY_STEPS.map((step) => summary.funnel[step] ?? 0);
		for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1]!);
		expect(counts[3]).toBeLessThan(counts[0]! / 2); // real drop-off, not a formality
		expect(counts[3]).toBeLessThanOrEqual(summary.onlineTransactions);
		for (const steps of summary.sessions.values()) expect(steps).toEqual(JOURNEY_STEPS.slice(0, steps.length));
		expect(summary.funnel.contact_customer_service).toBeGreaterThan(summary.funnel.complaint!);
	});

	it('makes archetypes that really differ in frequency, satisfaction, value and channel', () => {
		const loyal = byArchetype('loyalApp');
		const service = byArchetype('serviceHeavy');
		const frequency = (group: CustomerFacts[]) => mean(group.map((f) => f.transactions));
		expect(frequency(loyal)).toBeGreaterThan(2.5 * frequency(service));
		expect(mean(loyal.flatMap((f) => f.nps))).toBeGreaterThan(mean(service.flatMap((f) => f.nps)) + 3);
		expect(mean(loyal.flatMap((f) => f.csat))).toBeGreaterThan(mean(service.flatMap((f) => f.csat)) + 1);
		expect(mean(service.map((f) => f.contacts))).toBeGreaterThan(3 * mean(loyal.map((f) => f.contacts)));

		expect(frequency(byArchetype('oneTime'))).toBeLessThan(1.2);
		const orderValue = (group: CustomerFacts[]) => group.reduce((s, f) => s + f.revenue, 0) / group.reduce((s, f) => s + f.transactions, 0);
		expect(orderValue(byArchetype('bigTicket'))).toBeGreaterThan(4 * orderValue(byArchetype('bargainHunter')));

		const young = byArchetype('youngMobile');
		const appShare = (group: CustomerFacts[]) => group.reduce((s, f) => s + f.appPurchases, 0) / group.reduce((s, f) => s + f.transactions, 0);
		expect(appShare(young)).toBeGreaterThan(0.45);
		expect(appShare(byArchetype('bargainHunter'))).toBeLessThan(0.35);
		const ages = young.filter((f) => f.birthDate).map((f) => (Date.parse(summary.data.end) - Date.parse(f.birthDate!)) / (365.25 * 86_400_000));
		expect(Math.max(...ages)).toBeLessThan(28);
	});

	it('follows the 20/80 rule: the top 20% of customers hold 60–85% of revenue', () => {
		const revenue = [...summary.facts.values()].map((f) => f.revenue).sort((a, b) => b - a);
		const total = revenue.reduce((s, x) => s + x, 0);
		const top = revenue.slice(0, revenue.length / 5).reduce((s, x) => s + x, 0);
		expect(top / total).toBeGreaterThan(0.6);
		expect(top / total).toBeLessThan(0.85);
	});

	it('includes loss-making orders (deep discounts on thin margins)', () => {
		expect(summary.lossMaking).toBeGreaterThan(0);
		expect(summary.lossMaking).toBeLessThan(summary.counts.transaction! * 0.2);
	});

	it('honours a custom window and rejects nonsense options', () => {
		const data = generateDemoData({ customers: 20, seed: 1, start: '2025-01-01', months: 6 });
		expect([data.start, data.end]).toEqual(['2025-01-01T00:00:00.000Z', '2025-07-01T00:00:00.000Z']);
		for (const row of data.transactions()) expect(row.timestamp >= data.start && row.timestamp < data.end).toBe(true);
		expect(generateDemoData({ customers: 5, seed: 1, months: 12 }).start).toBe('2025-11-01T00:00:00.000Z');
		expect(() => generateDemoData({ customers: -1, seed: 1 })).toThrow(RangeError);
		expect(() => generateDemoData({ customers: 10, seed: 1.5 })).toThrow(RangeError);
		expect(() => generateDemoData({ customers: 10, seed: 1, months: 0 })).toThrow(RangeError);
		expect(() => generateDemoData({ customers: 10, seed: 1, start: 'yesterday' })).toThrow(RangeError);
	});

	it('writes believable Dutch profiles', () => {
		const rows = [...generateDemoData({ customers: 500, seed: 3 }).customerRows()];
		const emails = new Set(rows.map((r) => r.email));
		expect(emails.size).toBe(rows.length);
		for (const row of rows) {
			expect(row.customerId).toMatch(/^K\d{6}$/);
			expect(row.postcode).toMatch(/^[1-9]\d{3} [A-Z]{2}$/);
			expect(row.postcode).not.toMatch(/ (SA|SD|SS)$/);
			expect(row.email).toMatch(/^[a-z.]+\d+@example\.nl$/);
			if (row.children !== null) expect(row.children).toBeLessThan(row.householdSize!);
			expect(row.acquisitionCost).toBeGreaterThan(0);
		}
		expect(rows.some((r) => r.birthDate === null)).toBe(true); // incomplete, like real data
		expect(new Set(rows.map((r) => r.city)).size).toBeGreaterThan(15);
		expect(rows.filter((r) => r.city === 'Amsterdam').length).toBeGreaterThan(rows.filter((r) => r.city === 'Sneek').length);
	});
});
