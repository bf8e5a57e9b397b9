/**
 * What a customer-group rule can test. Each field belongs to one of the four segmentation bases
 * of the domain (customer value, needs, relationship willingness) or to the profile; its type
 * decides the operators the rule builder offers and how the server compiles it to SQL.
 *
 * Computed measures (recency, frequency, monetary value, RFM scores, revenue rank) are measured
 * up to the workspace's reference date: the latest date in its data, so that an old export does
 * not make every customer look lapsed.
 */
export const GROUP_BASES = ['value', 'needs', 'relationship', 'combined'] as const;
export type GroupBasis = (typeof GROUP_BASES)[number];

export type FieldType = 'number' | 'text' | 'boolean' | 'list' | 'category' | 'event';
export type FieldSection = 'value' | 'needs' | 'relationship' | 'profile';

export interface FieldDefinition {
	section: FieldSection;
	type: FieldType;
	/** Shown next to number inputs. */
	unit?: 'days' | 'years' | 'money' | 'percent' | 'score' | 'count';
	/** Inclusive bounds for scores. */
	min?: number;
	max?: number;
}

export const GROUP_FIELDS = {
	// customer value
	revenue: { section: 'value', type: 'number', unit: 'money' },
	transactions: { section: 'value', type: 'number', unit: 'count' },
	averageOrderValue: { section: 'value', type: 'number', unit: 'money' },
	recencyDays: { section: 'value', type: 'number', unit: 'days' },
	revenueRankPercent: { section: 'value', type: 'number', unit: 'percent', min: 0, max: 100 },
	rScore: { section: 'value', type: 'number', unit: 'score', min: 1, max: 5 },
	fScore: { section: 'value', type: 'number', unit: 'score', min: 1, max: 5 },
	mScore: { section: 'value', type: 'number', unit: 'score', min: 1, max: 5 },
	acquisitionCost: { section: 'value', type: 'number', unit: 'money' },
	// needs
	interests: { section: 'needs', type: 'list' },
	preferences: { section: 'needs', type: 'list' },
	boughtCategory: { section: 'needs', type: 'category' },
	// relationship willingness
	optIn: { section: 'relationship', type: 'boolean' },
	loyaltyMember: { section: 'relationship', type: 'boolean' },
	tenureDays: { section: 'relationship', type: 'number', unit: 'days' },
	eventCount: { section: 'relationship', type: 'event', unit: 'count' },
	npsScore: { section: 'relationship', type: 'number', unit: 'score', min: 0, max: 10 },
	// profile
	ageYears: { section: 'profile', type: 'number', unit: 'years' },
	gender: { section: 'profile', type: 'text' },
	city: { section: 'profile', type: 'text' },
	postcode: { section: 'profile', type: 'text' },
	incomeBand: { section: 'profile', type: 'text' },
	education: { section: 'profile', type: 'text' },
	occupation: { section: 'profile', type: 'text' },
	householdSize: { section: 'profile', type: 'number', unit: 'count' },
	childrenCount: { section: 'profile', type: 'number', unit: 'count' },
	acquisitionChannel: { section: 'profile', type: 'text' }
} as const satisfies Record<string, FieldDefinition>;

export type GroupField = keyof typeof GROUP_FIELDS;
export const GROUP_FIELD_IDS = Object.keys(GROUP_FIELDS) as GroupField[];
export const FIELD_SECTIONS: readonly FieldSection[] = ['value', 'needs', 'relationship', 'profile'];

export const fieldDefinition = (field: GroupField): FieldDefinition => GROUP_FIELDS[field];
