import type { ImportKind } from './kinds';

/*
 * The four kinds of customer data (DOMAIN.md, "Customer data"): basic data identifies a customer,
 * profile data describes them and changes seldom, behavioural data comes from their interaction
 * with the firm (purchases, clicks, answers), usage data from their use of the product
 * (subscriptions, devices). Which kind each imported column is, so the data overview can say
 * how complete each kind is. The customer columns follow the grouping of schema.ts.
 */

export const CUSTOMER_DATA_CATEGORIES = ['basic', 'profile', 'behavioural', 'usage'] as const;
export type CustomerDataCategory = (typeof CUSTOMER_DATA_CATEGORIES)[number];

const CUSTOMER_FIELDS: Record<string, CustomerDataCategory> = {
	externalId: 'basic',
	name: 'basic',
	email: 'basic',
	gender: 'basic',
	postcode: 'basic',
	city: 'basic',
	optIn: 'basic',
	birthDate: 'profile',
	interests: 'profile',
	preferences: 'profile',
	education: 'profile',
	occupation: 'profile',
	incomeBand: 'profile',
	householdSize: 'profile',
	childrenCount: 'profile',
	loyaltyMember: 'profile',
	acquiredAt: 'profile',
	acquisitionChannel: 'profile',
	acquisitionCost: 'profile'
};

/**
 * The kind of customer data a column of an import kind holds. Every column of a transaction,
 * event, answer or category-spend file records an interaction (the customer number in it is the
 * link, itself basic data). No fixed column holds usage data: product use arrives, if at all, as
 * events, which this mapping cannot tell from other events.
 */
export function customerDataCategory(kind: ImportKind, field: string): CustomerDataCategory {
	if (field === 'customerId' || field === 'externalId') return 'basic';
	if (kind === 'customers') return CUSTOMER_FIELDS[field] ?? 'profile';
	return 'behavioural';
}

export interface CategoryCompleteness {
	category: CustomerDataCategory;
	/** Optional columns of this kind with any value: imported (required columns are always full and not counted). */
	columns: number;
	/** Mean share filled over those columns; null without any. */
	meanShare: number | null;
	/** Of them, columns filled for less than the threshold. */
	low: number;
	/** Optional columns of this kind without a single value: not in the files imported. */
	notImported: number;
}

/** How complete each kind of customer data is, over the optional columns of the kinds with rows. */
export function completenessByCategory(
	kinds: readonly { kind: ImportKind; rows: number; columns: readonly { field: string; share: number | null; low: boolean }[] }[]
): CategoryCompleteness[] {
	return CUSTOMER_DATA_CATEGORIES.map((category) => {
		const all = kinds.flatMap((k) => (k.rows > 0 ? k.columns.filter((c) => c.share !== null && customerDataCategory(k.kind, c.field) === category) : []));
		const imported = all.filter((c) => c.share! > 0);
		return {
			category,
			columns: imported.length,
			meanShare: imported.length > 0 ? imported.reduce((sum, c) => sum + c.share!, 0) / imported.length : null,
			low: imported.filter((c) => c.low).length,
			notImported: all.length - imported.length
		};
	});
}
