import { z } from 'zod';
import { GROUP_FIELDS, GROUP_FIELD_IDS, fieldDefinition, type FieldType, type GroupField } from './fields';

/**
 * A group's rule: conditions joined by AND (`match: all`) or OR (`match: any`), where an entry
 * may itself be a block of conditions with its own match — two levels, which is what a rule
 * builder on one screen can show and what "(A and B) or C" needs. An empty rule holds every
 * customer of the workspace.
 */
export const OPERATORS = {
	number: ['gte', 'lte', 'gt', 'lt', 'eq', 'neq', 'between', 'isSet', 'isNotSet'],
	text: ['eq', 'neq', 'in', 'notIn', 'startsWith', 'contains', 'isSet', 'isNotSet'],
	boolean: ['isTrue', 'isFalse', 'isNotSet'],
	list: ['includes', 'excludes', 'isSet', 'isNotSet'],
	category: ['includes', 'excludes'],
	event: ['gte', 'lte', 'eq']
} as const satisfies Record<FieldType, readonly string[]>;

export type Operator = (typeof OPERATORS)[FieldType][number];

const ALL_OPERATORS = [...new Set(Object.values(OPERATORS).flat())] as [Operator, ...Operator[]];

export const conditionValue = z.union([
	z.number().finite(),
	z.string().trim().max(200),
	z.tuple([z.number().finite(), z.number().finite()]),
	z.array(z.string().trim().min(1).max(200)).min(1).max(100),
	z.null()
]);

export const conditionSchema = z
	.object({
		field: z.enum(GROUP_FIELD_IDS as [GroupField, ...GroupField[]], { error: 'error_rule_invalid' }),
		op: z.enum(ALL_OPERATORS, { error: 'error_rule_invalid' }),
		/** Number, text, [low, high] for `between`, a list of texts for `in`/`notIn`; none for `isSet` and the like. */
		value: conditionValue.optional(),
		/** The event type of `eventCount`. */
		key: z.string().trim().min(1).max(200).optional()
	})
	.superRefine((condition, context) => {
		const problem = conditionProblem(condition as Condition);
		if (problem) context.addIssue({ code: 'custom', message: 'error_rule_invalid', path: ['value'], params: { problem } });
	})
	.meta({ id: 'GroupCondition' });

export type Condition = {
	field: GroupField;
	op: Operator;
	value?: number | string | [number, number] | string[] | null;
	key?: string;
};

export const MAX_CONDITIONS = 50;

const match = z.enum(['all', 'any'], { error: 'error_rule_invalid' });

export const conditionBlockSchema = z
	.object({ match, conditions: z.array(conditionSchema).max(MAX_CONDITIONS) })
	.meta({ id: 'GroupConditionBlock' });

export const groupRuleSchema = z
	.object({
		match: match.default('all'),
		conditions: z.array(z.union([conditionSchema, conditionBlockSchema])).max(MAX_CONDITIONS).default([])
	})
	.meta({
		id: 'GroupRule',
		description:
			'Conditions joined by AND (`all`) or OR (`any`); an entry may be a block with its own match (two levels). ' +
			'An empty rule holds every customer. Fields: revenue, transactions, averageOrderValue, recencyDays (days ' +
			'since the last purchase, up to the latest date in the data), revenueRankPercent (0 = the biggest spender; ' +
			'`lt 20` is the top 20%), rScore/fScore/mScore (RFM quintiles 1–5 among buyers; ties share the lower score), ' +
			'acquisitionCost, interests/preferences (`includes` one word of the list), boughtCategory, optIn, ' +
			'loyaltyMember, tenureDays, eventCount (with `key` = event type), npsScore (latest answer), ageYears, ' +
			'gender, city, postcode, incomeBand, education, occupation, householdSize, childrenCount, acquisitionChannel.'
	});

export type ConditionBlock = { match: 'all' | 'any'; conditions: Condition[] };
export type GroupRule = { match: 'all' | 'any'; conditions: (Condition | ConditionBlock)[] };

export const emptyRule = (): GroupRule => ({ match: 'all', conditions: [] });

export const isBlock = (entry: Condition | ConditionBlock): entry is ConditionBlock => 'conditions' in entry;

export const operatorsFor = (field: GroupField): readonly Operator[] => OPERATORS[GROUP_FIELDS[field].type];

/** Operators that take no value. */
export const VALUELESS: readonly Operator[] = ['isSet', 'isNotSet', 'isTrue', 'isFalse'];

/** Why a condition cannot be evaluated, or null when it can. */
export function conditionProblem(condition: Condition): string | null {
	const type = GROUP_FIELDS[condition.field].type;
	if (!(OPERATORS[type] as readonly string[]).includes(condition.op)) return `${condition.op} does not apply to ${condition.field}`;
	if (type === 'event' && !condition.key) return 'eventCount needs the event type as key';
	if (VALUELESS.includes(condition.op)) return null;
	const { value } = condition;
	if (condition.op === 'between') {
		return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number')
			? null
			: 'between needs [low, high]';
	}
	if (condition.op === 'in' || condition.op === 'notIn') {
		return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')
			? null
			: `${condition.op} needs a list of texts`;
	}
	if (type === 'number' || type === 'event') return typeof value === 'number' ? null : 'a number is needed';
	return typeof value === 'string' && value.length > 0 ? null : 'a text is needed';
}

/** Number of conditions in a rule, blocks included. */
export function countConditions(rule: GroupRule): number {
	return rule.conditions.reduce((total, entry) => total + (isBlock(entry) ? entry.conditions.length : 1), 0);
}

/** A fresh condition on a field, with the field's first operator and a value that fits it. */
export function newCondition(field: GroupField, key?: string): Condition {
	return withOperator({ field, op: operatorsFor(field)[0]!, ...(key ? { key } : {}) }, operatorsFor(field)[0]!);
}

/** The same condition on another field: the operator is kept when it still applies. */
export function withField(condition: Condition, field: GroupField): Condition {
	if (field === condition.field) return condition;
	const keep = operatorsFor(field).includes(condition.op) && GROUP_FIELDS[field].type === GROUP_FIELDS[condition.field].type;
	return keep ? { ...condition, field, key: undefined } : newCondition(field);
}

/** The condition with another operator; the value is kept where its shape still fits. */
export function withOperator(condition: Condition, op: Operator): Condition {
	const next: Condition = { field: condition.field, op, ...(condition.key ? { key: condition.key } : {}) };
	if (VALUELESS.includes(op)) return next;
	const type = GROUP_FIELDS[condition.field].type;
	const old = condition.value;
	if (op === 'between') {
		const low = typeof old === 'number' ? old : fieldDefinition(condition.field).min ?? 0;
		return { ...next, value: Array.isArray(old) && typeof old[0] === 'number' ? old : [low, low] };
	}
	if (op === 'in' || op === 'notIn') {
		return { ...next, value: Array.isArray(old) ? old : typeof old === 'string' && old ? [old] : [] };
	}
	if (type === 'number' || type === 'event') {
		return { ...next, value: typeof old === 'number' ? old : Array.isArray(old) && typeof old[0] === 'number' ? old[0] : (fieldDefinition(condition.field).min ?? (type === 'event' ? 1 : 0)) };
	}
	return { ...next, value: typeof old === 'string' ? old : Array.isArray(old) && typeof old[0] === 'string' ? old[0] : '' };
}
