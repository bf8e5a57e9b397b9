/**
 * The features a team can cluster customers on, grouped by the segmentation bases of the domain
 * (../shared/DOMAIN.md, "Customer groups and personas"). The data layer fills one column per
 * feature id; this module only says what each feature is and how it must be prepared.
 */

export type FeatureKind = 'numeric' | 'categorical';

/**
 * `log1p` is for money and counts, which are right-skewed: a few big spenders would otherwise
 * dominate the squared distances and end up as one-customer "personas". It is applied
 * symmetrically (sign(x)·log(1 + |x|)) so a negative margin or CLV stays valid and ordered.
 */
export type FeatureTransform = 'none' | 'log1p';

export type SegmentationBasis = 'value' | 'behaviour' | 'attitude' | 'relationship' | 'profile';

export interface FeatureDefinition {
	readonly id: string;
	readonly kind: FeatureKind;
	/** Only meaningful for numeric features; categorical features are never transformed. */
	readonly transform: FeatureTransform;
	readonly basis: SegmentationBasis;
	/** Unit of the original values, so the UI can phrase centroids ("€", "days", "0–10"). */
	readonly unit?: string;
}

const numeric = (
	id: string,
	basis: SegmentationBasis,
	transform: FeatureTransform,
	unit?: string
): FeatureDefinition => ({ id, kind: 'numeric', transform, basis, unit });
const categorical = (id: string, basis: SegmentationBasis): FeatureDefinition => ({
	id,
	kind: 'categorical',
	transform: 'none',
	basis
});

export const FEATURE_CATALOGUE: readonly FeatureDefinition[] = [
	// Value
	numeric('customerLifetimeValue', 'value', 'log1p', 'currency'),
	numeric('monetaryValue', 'value', 'log1p', 'currency'),
	numeric('margin', 'value', 'log1p', 'currency'),
	// Behaviour
	numeric('recencyDays', 'behaviour', 'log1p', 'days'),
	numeric('frequency', 'behaviour', 'log1p', 'purchases'),
	numeric('interPurchaseDays', 'behaviour', 'log1p', 'days'),
	// Channel mix: the share (0–1) of a customer's purchases per channel; bounded, so untransformed.
	numeric('channelShareWebshop', 'behaviour', 'none', 'share'),
	numeric('channelShareApp', 'behaviour', 'none', 'share'),
	numeric('channelShareStore', 'behaviour', 'none', 'share'),
	numeric('channelSharePhone', 'behaviour', 'none', 'share'),
	// The ordinal number of the furthest journey step reached: ordered, so numeric, not categorical.
	numeric('furthestJourneyStep', 'behaviour', 'none', 'step'),
	categorical('topCategory', 'behaviour'),
	// Attitude and needs
	numeric('nps', 'attitude', 'none', '0–10'),
	numeric('csat', 'attitude', 'none', '1–5'),
	// Relationship willingness
	categorical('optIn', 'relationship'),
	categorical('loyaltyMember', 'relationship'),
	numeric('tenureDays', 'relationship', 'none', 'days'),
	// Profile
	categorical('ageBand', 'profile'),
	numeric('householdSize', 'profile', 'none', 'persons'),
	categorical('incomeBand', 'profile')
];

/**
 * What a group is clustered on when the team does not choose: value and behaviour, the bases for
 * which every customer with purchases has data (attitude and profile are often sparse).
 */
export const DEFAULT_FEATURE_IDS: readonly string[] = [
	'customerLifetimeValue',
	'monetaryValue',
	'recencyDays',
	'frequency',
	'interPurchaseDays',
	'channelShareWebshop',
	'channelShareApp',
	'channelShareStore',
	'furthestJourneyStep'
];

const byId = new Map(FEATURE_CATALOGUE.map((feature) => [feature.id, feature]));

export function catalogueFeature(id: string): FeatureDefinition | undefined {
	return byId.get(id);
}
