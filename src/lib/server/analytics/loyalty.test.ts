import { describe, expect, it } from 'vitest';
import { behaviouralLoyalty, cohortRetention, expectedActiveCustomers, loyaltyMatrix, loyaltySegment, nps, npsByGroup } from './loyalty';
import type { CustomerSummary } from './summary';

describe('NPS', () => {
	it('is % promoters (9–10) minus % detractors (0–6), with n and shares', () => {
		const result = nps([10, 9, 9, 8, 7, 6, 3, 0, 10, 5]);
		expect(result).toMatchObject({ nps: 0, n: 10, promoters: 4, passives: 2, detractors: 4, promoterShare: 0.4, passiveShare: 0.2, detractorShare: 0.4 });
		expect(nps([9, 10, 10, 7, 2]).nps).toBeCloseTo(40, 12);
	});

	it('flags figures on fewer respondents than the minimum', () => {
		expect(nps([9, 10]).lowN).toBe(true);
		expect(nps([9, 10], { minimumRespondents: 2 }).lowN).toBe(false);
		expect(nps([]).nps).toBeNaN();
	});

	it('cuts by any key, groups sorted', () => {
		const groups = npsByGroup(
			[
				{ score: 10, channel: 'web' },
				{ score: 0, channel: 'app' },
				{ score: 9, channel: 'app' }
			],
			(r) => r.channel
		);
		expect(groups.map((g) => [g.key, g.result.nps, g.result.n])).toEqual([
			['app', 0, 2],
			['web', 100, 1]
		]);
	});

	it('refuses scores off the 0–10 scale', () => {
		expect(() => nps([11])).toThrow(RangeError);
		expect(() => nps([7.5])).toThrow(RangeError);
	});
});

describe('behavioural loyalty', () => {
	const customer = (x: number, tx: number, T: number): CustomerSummary => ({
		customerId: `${x}-${tx}-${T}`,
		x,
		tx,
		T,
		monetaryValue: 0,
		firstPurchaseAt: 0,
		purchaseDays: x + 1,
		revenue: 0,
		revenueSquares: 0,
		items: 0,
		holdoutPurchaseDays: null
	});

	it('gives repeat purchase rate, mean purchases, frequency and relationship length', () => {
		const result = behaviouralLoyalty([customer(0, 0, 10), customer(2, 6, 10), customer(4, 18, 20), customer(0, 0, 0)]);
		expect(result).toEqual({
			customers: 4,
			repeatBuyers: 2,
			repeatPurchaseRate: 0.5,
			meanPurchases: 10 / 4,
			purchaseFrequency: 6 / 40,
			meanRelationshipLength: 24 / 4
		});
	});

	it('counts expected active customers as the sum of P(alive)', () => {
		expect(expectedActiveCustomers([1, 0.5, 0.25, 0])).toBe(1.75);
	});

	it('computes retention and churn per monthly acquisition cohort, up to the observation end', () => {
		const at = (date: string) => Date.parse(`${date}T10:00:00Z`);
		const purchases = [
			{ customerId: 'A', occurredAt: at('2024-01-05') },
			{ customerId: 'A', occurredAt: at('2024-02-10') },
			{ customerId: 'A', occurredAt: at('2024-04-01') },
			{ customerId: 'B', occurredAt: at('2024-01-20') },
			{ customerId: 'B', occurredAt: at('2024-01-25') },
			{ customerId: 'B', occurredAt: at('2024-03-03') },
			{ customerId: 'C', occurredAt: at('2024-03-01') },
			{ customerId: 'C', occurredAt: at('2024-02-14') },
			{ customerId: 'D', occurredAt: at('2024-02-28') },
			{ customerId: 'D', occurredAt: at('2024-05-02') } // after the observation end
		];
		const cohorts = cohortRetention(purchases, { period: 'month', observationEnd: at('2024-04-30') });
		expect(cohorts).toEqual([
			{ cohort: '2024-01', size: 2, active: [2, 1, 1, 1], retention: [1, 0.5, 0.5, 0.5], churn: [0, 0.5, 0.5, 0.5] },
			{ cohort: '2024-02', size: 2, active: [2, 1, 0], retention: [1, 0.5, 0], churn: [0, 0.5, 1] }
		]);
	});
});

describe('loyalty 2×2', () => {
	it('classifies attitude × behaviour as true, latent, spurious or no loyalty', () => {
		expect(loyaltySegment(true, true)).toBe('true');
		expect(loyaltySegment(true, false)).toBe('latent');
		expect(loyaltySegment(false, true)).toBe('spurious');
		expect(loyaltySegment(false, false)).toBe('none');
	});

	it('counts the segments with shares and n', () => {
		const matrix = loyaltyMatrix(
			[
				{ attitudinal: true, behavioural: true },
				{ attitudinal: true, behavioural: true },
				{ attitudinal: true, behavioural: false },
				{ attitudinal: false, behavioural: false }
			],
			{ minimumRespondents: 4 }
		);
		expect(matrix).toEqual({ n: 4, counts: { true: 2, latent: 1, spurious: 0, none: 1 }, shares: { true: 0.5, latent: 0.25, spurious: 0, none: 0.25 }, lowN: false });
	});
});
