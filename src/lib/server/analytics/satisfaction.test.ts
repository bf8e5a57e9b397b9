import { describe, expect, it } from 'vitest';
import { periodOf } from './calendar-period';
import { ces, cesByGroup, csat, csatByGroup } from './satisfaction';

describe('CSAT', () => {
	it('is the percentage of 4s and 5s on the 1–5 scale, with n', () => {
		expect(csat([5, 4, 3, 2, 1, 4, 5, 5])).toEqual({ csat: 62.5, n: 8, satisfied: 5, lowN: true });
	});

	it('flags low n against a configurable minimum', () => {
		expect(csat([5, 4, 3, 2], { minimumRespondents: 4 }).lowN).toBe(false);
		expect(csat([5, 4, 3], { minimumRespondents: 4 }).lowN).toBe(true);
		expect(csat([]).csat).toBeNaN();
	});

	it('refuses answers off the scale rather than counting them', () => {
		expect(() => csat([0])).toThrow(RangeError);
		expect(() => csat([6])).toThrow(RangeError);
	});
});

describe('CES', () => {
	it('is the mean answer on the 1–7 scale, with n', () => {
		expect(ces([7, 6, 5, 1])).toEqual({ ces: 4.75, n: 4, lowN: true });
		expect(() => ces([8])).toThrow(RangeError);
	});
});

describe('cuts by channel, journey step and period', () => {
	const at = (date: string) => Date.parse(`${date}T10:00:00Z`);
	const responses = [
		{ score: 5, channel: 'web', step: 'checkout_started', at: at('2025-01-10') },
		{ score: 2, channel: 'web', step: 'contact_customer_service', at: at('2025-01-20') },
		{ score: 4, channel: 'app', step: 'checkout_started', at: at('2025-02-03') },
		{ score: 3, channel: 'app', step: 'checkout_started', at: at('2025-02-04') }
	];

	it('gives a figure per group with its own n, groups sorted by key', () => {
		expect(csatByGroup(responses, (r) => r.channel, { minimumRespondents: 2 })).toEqual([
			{ key: 'app', result: { csat: 50, n: 2, satisfied: 1, lowN: false } },
			{ key: 'web', result: { csat: 50, n: 2, satisfied: 1, lowN: false } }
		]);
		expect(csatByGroup(responses, (r) => r.step).map((g) => [g.key, g.result.n])).toEqual([
			['checkout_started', 3],
			['contact_customer_service', 1]
		]);
		expect(cesByGroup(responses, (r) => periodOf(r.at, 'month')).map((g) => [g.key, g.result.ces])).toEqual([
			['2025-01', 3.5],
			['2025-02', 3.5]
		]);
	});
});
