import {
	GROUP_FIELDS,
	isBlock,
	type Condition,
	type ConditionBlock,
	type GroupField,
	type GroupRule
} from '$lib/domain/groups';
import { published } from '../db/published';

/**
 * Turns a validated group rule into an SQL condition over `customers c` joined with
 * `current_customer_measures m`. Column names come only from the table below; every value is a bound
 * parameter.
 *
 * Negations (`neq`, `notIn`, `excludes`) include customers whose value is unknown: "not in
 * Utrecht" holds for a customer whose city nobody recorded. Text compares ignore case and
 * surrounding spaces.
 */
export interface CompiledRule {
	where: string;
	params: (string | number)[];
}

const COLUMN: Record<Exclude<GroupField, 'boughtCategory' | 'eventCount'>, string> = {
	revenue: 'm.revenue',
	transactions: 'm.transactions',
	averageOrderValue: 'm.average_order_value',
	recencyDays: 'm.recency_days',
	revenueRankPercent: 'm.revenue_rank_percent',
	rScore: 'm.r_score',
	fScore: 'm.f_score',
	mScore: 'm.m_score',
	acquisitionCost: 'c.acquisition_cost',
	interests: 'c.interests',
	preferences: 'c.preferences',
	optIn: 'c.opt_in',
	loyaltyMember: 'c.loyalty_member',
	tenureDays: 'm.tenure_days',
	npsScore: 'm.nps_score',
	ageYears: 'm.age_years',
	gender: 'c.gender',
	city: 'c.city',
	postcode: 'c.postcode',
	incomeBand: 'c.income_band',
	education: 'c.education',
	occupation: 'c.occupation',
	householdSize: 'c.household_size',
	childrenCount: 'c.children_count',
	acquisitionChannel: 'c.acquisition_channel'
};

const NUMBER_OPS = { gte: '>=', lte: '<=', gt: '>', lt: '<', eq: '=' } as const;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const normalText = (text: string) => text.trim().toLowerCase();
/** "Koken; reizen , lezen" → ",koken,reizen,lezen," so that a word matches only whole. */
const listExpression = (column: string) =>
	`(',' || replace(replace(replace(lower(${column}), ';', ','), ', ', ','), ' ,', ',') || ',')`;

export function compileRule(rule: GroupRule): CompiledRule {
	const params: (string | number)[] = [];
	const where = compileBlock(rule, params, true);
	return { where, params };
}

function compileBlock(block: GroupRule | ConditionBlock, params: (string | number)[], top: boolean): string {
	const parts = block.conditions.map((entry) =>
		isBlock(entry) ? compileBlock(entry, params, false) : compileCondition(entry, params)
	);
	if (parts.length === 0) return top ? '1' : block.match === 'all' ? '1' : '0';
	return `(${parts.join(block.match === 'all' ? ' and ' : ' or ')})`;
}

function compileCondition(condition: Condition, params: (string | number)[]): string {
	const { field, op, value } = condition;
	if (field === 'boughtCategory') {
		params.push(normalText(String(value)));
		const exists = `exists (select 1 from customer_transactions t where t.customer_id = c.id and lower(trim(t.category)) = ? and ${published('customer_transactions', 't')})`;
		return op === 'includes' ? exists : `not ${exists}`;
	}
	if (field === 'eventCount') {
		params.push(condition.key!, Number(value));
		const count = `(select count(*) from customer_events e where e.customer_id = c.id and e.event_type = ? and ${published('customer_events', 'e')})`;
		return `${count} ${NUMBER_OPS[op as 'gte' | 'lte' | 'eq']} ?`;
	}
	const column = COLUMN[field];
	const type = GROUP_FIELDS[field].type;
	switch (op) {
		case 'isSet':
			return type === 'number' ? `${column} is not null` : `(${column} is not null and trim(${column}) <> '')`;
		case 'isNotSet':
			return type === 'number' || type === 'boolean'
				? `${column} is null`
				: `(${column} is null or trim(${column}) = '')`;
		case 'isTrue':
			return `${column} = 1`;
		case 'isFalse':
			return `${column} = 0`;
		case 'between': {
			const [low, high] = value as [number, number];
			params.push(Math.min(low, high), Math.max(low, high));
			return `${column} between ? and ?`;
		}
		case 'gte':
		case 'lte':
		case 'gt':
		case 'lt':
			params.push(Number(value));
			return `${column} ${NUMBER_OPS[op]} ?`;
		case 'eq':
		case 'neq': {
			const text = type === 'text';
			params.push(text ? normalText(String(value)) : Number(value));
			const subject = text ? `lower(trim(${column}))` : column;
			return op === 'eq' ? `${subject} = ?` : `(${column} is null or ${subject} <> ?)`;
		}
		case 'in':
		case 'notIn': {
			const values = (value as string[]).map(normalText);
			params.push(...values);
			const list = `lower(trim(${column})) in (${values.map(() => '?').join(', ')})`;
			return op === 'in' ? list : `(${column} is null or not ${list})`;
		}
		case 'startsWith':
		case 'contains': {
			const pattern = escapeLike(normalText(String(value)));
			params.push(op === 'startsWith' ? `${pattern}%` : `%${pattern}%`);
			return `lower(trim(${column})) like ? escape '\\'`;
		}
		case 'includes':
		case 'excludes': {
			params.push(`%,${escapeLike(normalText(String(value)))},%`);
			const has = `${listExpression(column)} like ? escape '\\'`;
			return op === 'includes' ? has : `(${column} is null or not ${has})`;
		}
	}
}
