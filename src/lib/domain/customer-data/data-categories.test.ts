import { describe, expect, it } from 'vitest';
import { completenessByCategory, customerDataCategory } from './data-categories';
import { FIELDS } from './fields';
import { IMPORT_KINDS } from './kinds';

describe('the four kinds of customer data', () => {
	it('calls identifying customer columns basic data and descriptive ones profile data, as schema.ts groups them', () => {
		expect(['externalId', 'name', 'email', 'gender', 'postcode', 'city', 'optIn'].map((f) => customerDataCategory('customers', f))).toEqual(Array(7).fill('basic'));
		expect(['birthDate', 'interests', 'incomeBand', 'householdSize', 'childrenCount', 'acquisitionChannel'].map((f) => customerDataCategory('customers', f))).toEqual(Array(6).fill('profile'));
	});

	it('calls every column of purchases, events, answers and category spend behavioural data, but the customer number basic', () => {
		expect(customerDataCategory('transactions', 'channel')).toBe('behavioural');
		expect(customerDataCategory('transactions', 'amount')).toBe('behavioural');
		expect(customerDataCategory('events', 'eventType')).toBe('behavioural');
		expect(customerDataCategory('surveys', 'comment')).toBe('behavioural');
		expect(customerDataCategory('category_spend', 'categoryTotal')).toBe('behavioural');
		expect(customerDataCategory('transactions', 'customerId')).toBe('basic');
	});

	it('gives every import field one of the four kinds', () => {
		for (const kind of IMPORT_KINDS)
			for (const field of Object.keys(FIELDS[kind])) expect(['basic', 'profile', 'behavioural', 'usage'], `${kind}.${field}`).toContain(customerDataCategory(kind, field));
	});

	it('averages the completeness of each kind over its imported columns, leaving out kinds without rows', () => {
		const result = completenessByCategory([
			{
				kind: 'customers',
				rows: 10,
				columns: [
					{ field: 'email', share: 0.9, low: false },
					{ field: 'city', share: 0.3, low: true },
					{ field: 'gender', share: 0, low: true },
					{ field: 'birthDate', share: 0.5, low: false }
				]
			},
			{ kind: 'transactions', rows: 4, columns: [{ field: 'channel', share: 1, low: false }, { field: 'margin', share: 0, low: true }] },
			{ kind: 'events', rows: 0, columns: [{ field: 'channel', share: null, low: false }] }
		]);
		expect(result.map((c) => [c.category, c.columns, c.low, c.notImported])).toEqual([
			['basic', 2, 1, 1],
			['profile', 1, 0, 0],
			['behavioural', 1, 0, 1],
			['usage', 0, 0, 0]
		]);
		// Gender has no value at all: not imported, so not a 0 in the mean.
		expect(result[0]!.meanShare).toBeCloseTo(0.6, 12);
		expect(result[3]!.meanShare).toBeNull();
	});
});
