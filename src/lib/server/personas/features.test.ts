import { describe, expect, it } from 'vitest';
import type { PersonaFeatureRow } from '../db';
import { ageBand, featureColumns, personaEvidence } from './features';

const row = (overrides: Partial<PersonaFeatureRow>): PersonaFeatureRow => ({
	id: 1,
	externalId: 'c1',
	revenue: 0,
	transactions: 0,
	recencyDays: null,
	interPurchaseDays: null,
	margin: null,
	channelWebshop: null,
	channelApp: null,
	channelStore: null,
	channelPhone: null,
	furthestStep: null,
	furthestStepName: null,
	topCategory: null,
	nps: null,
	csat: null,
	optIn: null,
	loyaltyMember: null,
	tenureDays: null,
	ageYears: null,
	householdSize: null,
	incomeBand: null,
	...overrides
});

describe('persona features from SQL rows', () => {
	it('band ages at 25, 35, 45, 55 and 65, leaving unknown ages unknown', () => {
		expect([null, -1, 18, 25, 34.9, 44, 54, 64, 65, 90].map(ageBand)).toEqual([
			null, null, '<25', '25–34', '25–34', '35–44', '45–54', '55–64', '65+', '65+'
		]);
	});

	it('fill one column per catalogue feature, opt-in and loyalty as yes/no', () => {
		const columns = featureColumns([row({ optIn: 1, loyaltyMember: 0, ageYears: 30 }), row({ optIn: null })]);
		expect(columns.optIn).toEqual(['yes', null]);
		expect(columns.loyaltyMember).toEqual(['no', null]);
		expect(columns.ageBand).toEqual(['25–34', null]);
		expect(Object.keys(columns)).not.toContain('customerLifetimeValue');
	});

	it('give the evidence of a persona: channels, NPS and CSAT of those who answered, the step most stop at', () => {
		const evidence = personaEvidence([
			row({ channelWebshop: 0.5, channelApp: 0.5, channelStore: 0, channelPhone: 0, nps: 9, furthestStepName: 'basket' }),
			row({ channelWebshop: 0, channelApp: 1, channelStore: 0, channelPhone: 0, csat: 4, furthestStepName: 'basket' }),
			row({ nps: 7, furthestStepName: 'checkout' })
		]);
		expect(evidence.channels).toEqual({ webshop: 0.25, app: 0.75, store: 0, phone: 0 });
		expect(evidence.nps).toEqual({ mean: 8, respondents: 2 });
		expect(evidence.csat).toEqual({ mean: 4, respondents: 1 });
		expect(evidence.furthestStep).toEqual({ step: 'basket', share: 2 / 3 });
		expect(personaEvidence([row({})])).toEqual({ channels: null, nps: null, csat: null, furthestStep: null });
	});
});
