import { describe, expect, it } from 'vitest';
import { headlineDiff, leaksDiff, loyaltyDiff, snapshotDiff, valueDiff, type SectionDiff } from './snapshot-diff';

const respondents = (lowN = false) => ({ n: 40, lowN });

const headline = (over: Record<string, unknown> = {}) => ({
	current: {
		customers: 120,
		clvTotal: 24_000,
		clvMean: 200,
		clvLowN: false,
		nps: { nps: 20, ...respondents() },
		csat: { csat: 75, ...respondents() },
		ces: { ces: 3.5, ...respondents() },
		repeatPurchaseRate: 0.25,
		repeatLowN: false,
		...over
	}
});

const row = (diff: SectionDiff, key: string) => diff.rows.find((r) => r.key === key)!;

describe('comparing headline figures', () => {
	it('says how much each moved in its own unit, a rate in percentage points', () => {
		const diff = headlineDiff(headline(), headline({ customers: 150, clvMean: 190, repeatPurchaseRate: 0.4, csat: { csat: 80, n: 50, lowN: false } }));
		expect(diff.missing).toBeNull();
		expect(row(diff, 'customers')).toMatchObject({ a: 120, b: 150, change: 30, direction: 'up', unit: 'count', better: 'up' });
		expect(row(diff, 'clvMean')).toMatchObject({ a: 200, b: 190, change: -10, direction: 'down', unit: 'money' });
		// 25% → 40% is 15 points, not 60 per cent.
		expect(row(diff, 'repeatPurchaseRate').change).toBeCloseTo(15, 10);
		expect(row(diff, 'repeatPurchaseRate')).toMatchObject({ unit: 'share', direction: 'up' });
		// CSAT is already a percentage: 75 → 80 is 5 points.
		expect(row(diff, 'csat')).toMatchObject({ change: 5, unit: 'percent' });
		expect(row(diff, 'nps')).toMatchObject({ change: 0, direction: 'same' });
	});

	it('counts less effort as the better way for CES', () => {
		const diff = headlineDiff(headline(), headline({ ces: { ces: 3, n: 40, lowN: false } }));
		expect(row(diff, 'ces')).toMatchObject({ change: -0.5, direction: 'down', better: 'down' });
	});

	it('gives no change for a figure withheld on either side, and flags one resting on few answers', () => {
		const diff = headlineDiff(headline({ clvTotal: null, clvMean: null }), headline({ nps: { nps: 30, n: 5, lowN: true } }));
		expect(row(diff, 'clvTotal')).toMatchObject({ a: null, b: 24_000, change: null, direction: null });
		expect(row(diff, 'nps')).toMatchObject({ change: 10, lowN: true });
		expect(row(diff, 'customers').lowN).toBe(false);
	});

	it('says which side lacks the section', () => {
		const diff = headlineDiff(undefined, headline());
		expect(diff.missing).toBe('a');
		expect(row(diff, 'customers')).toMatchObject({ a: null, b: 120, change: null });
		expect(headlineDiff(undefined, undefined).missing).toBe('both');
	});
});

const segment = (id: string, name: string, customers: number | null, mean: number | null) => ({
	kind: 'group',
	id,
	name,
	suppressed: customers === null,
	customers,
	total: customers === null || mean === null ? null : customers * mean,
	mean
});

describe('comparing the CLV of groups and personas', () => {
	it('matches segments by id, keeps one only on one side, and shows no figure for a suppressed one', () => {
		const a = { figures: { segments: [segment('g1', 'Utrecht', 12, 100), segment('g2', 'Zeist', null, null)] } };
		const b = { figures: { segments: [segment('g1', 'Utrecht (renamed)', 15, 110), segment('g2', 'Zeist', 11, 90), segment('g3', 'New', 20, 50)] } };
		const diff = valueDiff(a, b);
		expect(row(diff, 'segmentMean:group:g1')).toMatchObject({ subject: 'Utrecht (renamed)', a: 100, b: 110, change: 10, direction: 'up' });
		expect(row(diff, 'segmentTotal:group:g1')).toMatchObject({ a: 1200, b: 1650, change: 450 });
		// Below the minimum group size in a: nothing to compare with.
		expect(row(diff, 'segmentMean:group:g2')).toMatchObject({ a: null, b: 90, change: null });
		expect(row(diff, 'segmentCustomers:group:g3')).toMatchObject({ a: null, b: 20, change: null });
		expect(diff.rows.map((r) => r.key).filter((k) => k.startsWith('segmentMean'))).toEqual(['segmentMean:group:g1', 'segmentMean:group:g2', 'segmentMean:group:g3']);
	});

	it('is missing on a side where no CLV could be trusted', () => {
		expect(valueDiff({ figures: null }, { figures: { segments: [] } }).missing).toBe('a');
	});
});

const leak = (cardId: string, reached: number, dropOff: number | null, valueAtRisk: number | null, lowN = false) => ({
	boardId: 'b1',
	boardTitle: 'Online order',
	cardId,
	cardText: `Step ${cardId}`,
	reached,
	lowN,
	dropOff,
	valueAtRisk
});

describe('comparing the leaking steps', () => {
	it('gives drop-off in points and counts a fall in drop-off and value at risk as the better way', () => {
		const diff = leaksDiff({ leaks: [leak('s1', 100, 0.4, 5_000), leak('s2', 60, 0.1, 300)] }, { leaks: [leak('s2', 80, 0.15, 600, true), leak('s1', 150, 0.3, 4_000)] });
		const dropOff = row(diff, 'dropOff:b1:s1');
		expect(dropOff).toMatchObject({ subject: 'Step s1', context: 'Online order', direction: 'down', better: 'down', unit: 'share' });
		expect(dropOff.change).toBeCloseTo(-10, 10);
		expect(row(diff, 'valueAtRisk:b1:s1')).toMatchObject({ change: -1_000, better: 'down' });
		expect(row(diff, 'reached:b1:s1')).toMatchObject({ change: 50, better: 'up' });
		// A thin step is flagged for its rate, not for how many reached it.
		expect(row(diff, 'dropOff:b1:s2').lowN).toBe(true);
		expect(row(diff, 'reached:b1:s2').lowN).toBe(false);
		// Ranked as side b ranks them.
		expect(diff.rows[0]!.key).toBe('reached:b1:s2');
	});
});

const loyaltySection = (over: { nps?: number; repeat?: number; length?: number; trueLoyal?: number; customers?: number } = {}) => ({
	minimumRespondents: 30,
	loyalty: {
		nps: { nps: over.nps ?? 10, n: 80, lowN: false },
		behavioural: { customers: over.customers ?? 200, repeatPurchaseRate: over.repeat ?? 0.3, meanRelationshipLength: over.length ?? 20 },
		loyaltyMatrix: { n: 100, counts: { true: over.trueLoyal ?? 25 }, lowN: false }
	},
	satisfaction: { overall: { csat: { csat: 70, n: 80, lowN: false }, ces: { ces: 4, n: 80, lowN: false } } }
});

describe('comparing loyalty figures', () => {
	it('compares NPS, repeat purchase, relationship length and the share of truly loyal customers', () => {
		const diff = loyaltyDiff(loyaltySection(), loyaltySection({ nps: 18, repeat: 0.35, length: 26, trueLoyal: 40, customers: 20 }));
		expect(row(diff, 'nps')).toMatchObject({ change: 8, unit: 'nps' });
		expect(row(diff, 'repeatPurchaseRate').change).toBeCloseTo(5, 10);
		expect(row(diff, 'relationshipLength')).toMatchObject({ change: 6, unit: 'weeks' });
		expect(row(diff, 'trueLoyalShare').change).toBeCloseTo(15, 10);
		// 20 customers against a minimum of 30: the behavioural figures are flagged.
		expect(row(diff, 'repeatPurchaseRate').lowN).toBe(true);
		expect(row(diff, 'nps').lowN).toBe(false);
	});
});

describe('comparing two snapshots', () => {
	it('compares the four sections in the page\'s order and ignores sections it does not compare', () => {
		const sections = snapshotDiff({ headline: headline(), opportunities: { items: [] } }, { headline: headline({ customers: 121 }) });
		expect(sections.map((s) => [s.section, s.missing])).toEqual([
			['headline', null],
			['value', 'both'],
			['leaks', 'both'],
			['loyalty', 'both']
		]);
		expect(row(sections[0]!, 'customers').change).toBe(1);
	});
});
