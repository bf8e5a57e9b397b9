import { describe, expect, it } from 'vitest';
import { RFM_SEGMENTS, TOP_20_PRESET } from './presets';
import { groupRuleSchema, isBlock, newCondition, withField, withOperator, type Condition } from './rule';

function scoreRange(condition: Condition): number[] {
	if (condition.op === 'eq') return [condition.value as number];
	const [low, high] = condition.value as [number, number];
	return Array.from({ length: high - low + 1 }, (_, i) => low + i);
}

describe('RFM segments', () => {
	it('put every (R, F) cell of the 5 × 5 grid in exactly one segment', () => {
		const cells = new Map<string, string[]>();
		for (const preset of RFM_SEGMENTS) {
			const [r, f] = preset.rule.conditions.filter((c): c is Condition => !isBlock(c)) as [Condition, Condition];
			expect(r.field).toBe('rScore');
			expect(f.field).toBe('fScore');
			for (const rs of scoreRange(r)) for (const fs of scoreRange(f)) {
				const key = `${rs}${fs}`;
				cells.set(key, [...(cells.get(key) ?? []), preset.key]);
			}
		}
		expect(cells.size).toBe(25);
		for (const [cell, segments] of cells) expect(segments, cell).toHaveLength(1);
	});

	it('are valid rules with names in both languages', () => {
		for (const preset of [...RFM_SEGMENTS, TOP_20_PRESET]) {
			expect(groupRuleSchema.safeParse(preset.rule).success).toBe(true);
			expect(preset.name.nl).not.toBe('');
			expect(preset.name.en).not.toBe(preset.name.nl);
		}
	});
});

describe('group rule schema', () => {
	it('accepts a two-level rule and defaults an empty body to everyone', () => {
		expect(groupRuleSchema.parse({})).toEqual({ match: 'all', conditions: [] });
		const rule = {
			match: 'any',
			conditions: [
				{ field: 'optIn', op: 'isTrue' },
				{ match: 'all', conditions: [{ field: 'city', op: 'in', value: ['Utrecht', 'Zeist'] }, { field: 'revenue', op: 'between', value: [10, 500] }] }
			]
		};
		expect(groupRuleSchema.parse(rule)).toEqual(rule);
	});

	it.each<[unknown, string]>([
		[{ field: 'revenue', op: 'includes', value: 3 }, 'operator of another type'],
		[{ field: 'revenue', op: 'gte', value: 'lots' }, 'text for a number'],
		[{ field: 'revenue', op: 'between', value: [1] }, 'between with one bound'],
		[{ field: 'city', op: 'in', value: [] }, 'empty list'],
		[{ field: 'eventCount', op: 'gte', value: 1 }, 'event count without event type'],
		[{ field: 'shoeSize', op: 'gte', value: 42 }, 'unknown field']
	])('refuses %j (%s)', (condition, _why) => {
		expect(groupRuleSchema.safeParse({ conditions: [condition] }).success).toBe(false);
	});

	it('refuses a third level of nesting', () => {
		const deep = { match: 'all', conditions: [{ match: 'any', conditions: [{ match: 'all', conditions: [] }] }] };
		expect(groupRuleSchema.safeParse(deep).success).toBe(false);
	});
});

describe('editing a condition', () => {
	it('starts a field with an operator and value that fit it', () => {
		expect(newCondition('revenue')).toEqual({ field: 'revenue', op: 'gte', value: 0 });
		expect(newCondition('rScore')).toEqual({ field: 'rScore', op: 'gte', value: 1 });
		expect(newCondition('optIn')).toEqual({ field: 'optIn', op: 'isTrue' });
		expect(newCondition('city')).toEqual({ field: 'city', op: 'eq', value: '' });
		expect(newCondition('eventCount', 'purchase')).toEqual({ field: 'eventCount', op: 'gte', key: 'purchase', value: 1 });
	});

	it('keeps what still fits when the field or operator changes', () => {
		const city = { field: 'city' as const, op: 'eq' as const, value: 'Utrecht' };
		expect(withField(city, 'occupation')).toEqual({ field: 'occupation', op: 'eq', value: 'Utrecht', key: undefined });
		expect(withField(city, 'revenue')).toEqual({ field: 'revenue', op: 'gte', value: 0 });
		expect(withOperator(city, 'in')).toEqual({ field: 'city', op: 'in', value: ['Utrecht'] });
		expect(withOperator(city, 'isSet')).toEqual({ field: 'city', op: 'isSet' });
		expect(withOperator({ field: 'revenue', op: 'gte', value: 50 }, 'between')).toEqual({ field: 'revenue', op: 'between', value: [50, 50] });
		expect(withOperator({ field: 'revenue', op: 'between', value: [5, 9] }, 'lt')).toEqual({ field: 'revenue', op: 'lt', value: 5 });
	});
});
