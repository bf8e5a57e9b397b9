import { formatNumber, formatPercent, type Locale } from '../format';

/**
 * What sets a persona apart, in plain words: "buys 3.1× as often", "mostly in the app (72% of
 * purchases)". The analytics engine gives structured differences (feature, z, ratio, values);
 * this module turns each into a phrase — a message key and its values — that the API renders in
 * English (PHRASES_EN) and the UI in the user's language through Paraglide
 * (`persona_phrase_<key>` in messages/*.json, with the same placeholders). Pure: no I/O.
 */

export interface FeatureDifference {
	readonly featureId: string;
	readonly kind: 'numeric' | 'categorical';
	readonly level?: string;
	readonly z: number;
	readonly direction: 'higher' | 'lower';
	readonly ratio: number | null;
	readonly clusterValue: number;
	readonly groupValue: number;
}

/** English labels of the catalogue features (messages: `persona_feature_<id>`). */
export const FEATURE_LABELS_EN: Readonly<Record<string, string>> = {
	customerLifetimeValue: 'lifetime value',
	monetaryValue: 'revenue',
	margin: 'margin',
	recencyDays: 'days since last purchase',
	frequency: 'purchases',
	interPurchaseDays: 'days between purchases',
	channelShareWebshop: 'share in the webshop',
	channelShareApp: 'share in the app',
	channelShareStore: 'share in the store',
	channelSharePhone: 'share by phone',
	furthestJourneyStep: 'furthest journey step',
	topCategory: 'main category',
	nps: 'NPS answer',
	csat: 'CSAT',
	optIn: 'opted in',
	loyaltyMember: 'loyalty member',
	tenureDays: 'days as a customer',
	ageBand: 'age',
	householdSize: 'household size',
	incomeBand: 'income'
};

/** English phrases; placeholders in braces. messages/en.json holds the same texts. */
export const PHRASES_EN = {
	customerLifetimeValue_higher: 'worth {ratio}× as much over their lifetime',
	customerLifetimeValue_lower: 'worth {inverse}× less over their lifetime',
	monetaryValue_higher: 'spends {ratio}× as much',
	monetaryValue_lower: 'spends {inverse}× less',
	margin_higher: 'brings {ratio}× the margin',
	margin_lower: 'brings {inverse}× less margin',
	recencyDays_higher: 'last bought longer ago ({value} vs {group} days)',
	recencyDays_lower: 'bought recently ({value} vs {group} days ago)',
	frequency_higher: 'buys {ratio}× as often',
	frequency_lower: 'buys {inverse}× less often',
	interPurchaseDays_higher: 'waits {ratio}× as long between purchases',
	interPurchaseDays_lower: 'buys again {inverse}× sooner',
	channelShareWebshop_mostly: 'mostly in the webshop ({share} of purchases)',
	channelShareWebshop_higher: 'buys more in the webshop ({share} vs {groupShare})',
	channelShareWebshop_lower: 'seldom in the webshop ({share} vs {groupShare})',
	channelShareApp_mostly: 'mostly in the app ({share} of purchases)',
	channelShareApp_higher: 'buys more in the app ({share} vs {groupShare})',
	channelShareApp_lower: 'seldom in the app ({share} vs {groupShare})',
	channelShareStore_mostly: 'mostly in the store ({share} of purchases)',
	channelShareStore_higher: 'buys more in the store ({share} vs {groupShare})',
	channelShareStore_lower: 'seldom in the store ({share} vs {groupShare})',
	channelSharePhone_mostly: 'mostly by phone ({share} of purchases)',
	channelSharePhone_higher: 'buys more by phone ({share} vs {groupShare})',
	channelSharePhone_lower: 'seldom by phone ({share} vs {groupShare})',
	furthestJourneyStep_higher: 'gets further in the journey (step {value} vs {group})',
	furthestJourneyStep_lower: 'drops out earlier in the journey (step {value} vs {group})',
	nps_higher: 'more likely to recommend (answers {value} vs {group})',
	nps_lower: 'less likely to recommend (answers {value} vs {group})',
	csat_higher: 'more satisfied (CSAT {value} vs {group})',
	csat_lower: 'less satisfied (CSAT {value} vs {group})',
	tenureDays_higher: 'a customer for longer ({value} vs {group} days)',
	tenureDays_lower: 'a newer customer ({value} vs {group} days)',
	householdSize_higher: 'larger households ({value} vs {group} persons)',
	householdSize_lower: 'smaller households ({value} vs {group} persons)',
	topCategory_higher: 'mostly buys {level} ({share} vs {groupShare})',
	topCategory_lower: 'rarely buys mostly {level} ({share} vs {groupShare})',
	optIn_higher: 'more often opted in ({share} vs {groupShare})',
	optIn_lower: 'less often opted in ({share} vs {groupShare})',
	loyaltyMember_higher: 'more often a loyalty member ({share} vs {groupShare})',
	loyaltyMember_lower: 'less often a loyalty member ({share} vs {groupShare})',
	category_higher: '{feature} more often {level} ({share} vs {groupShare})',
	category_lower: '{feature} less often {level} ({share} vs {groupShare})',
	numeric_higher: 'higher {feature} ({value} vs {group})',
	numeric_lower: 'lower {feature} ({value} vs {group})'
} as const;

export type PhraseKey = keyof typeof PHRASES_EN;

/** Level labels the UI translates (`persona_level_<level>`); other levels are data, shown as is. */
export const TRANSLATED_LEVELS = ['yes', 'no', 'unknown'] as const;

/**
 * A phrase before formatting. Numbers stay numbers so each language formats them its own way;
 * `feature` is a feature id and `level` a category label, both translated where known.
 */
export interface Phrase {
	readonly key: PhraseKey;
	readonly values: {
		readonly ratio?: number;
		readonly inverse?: number;
		readonly value?: number;
		readonly group?: number;
		readonly share?: number;
		readonly groupShare?: number;
		readonly level?: string;
		readonly feature?: string;
	};
}

const RATIO_FEATURES = new Set(['customerLifetimeValue', 'monetaryValue', 'margin', 'frequency', 'interPurchaseDays']);
const VALUE_FEATURES = new Set(['recencyDays', 'furthestJourneyStep', 'nps', 'csat', 'tenureDays', 'householdSize']);
const CHANNEL_FEATURES = new Set(['channelShareWebshop', 'channelShareApp', 'channelShareStore', 'channelSharePhone']);
const BOOLEAN_FEATURES = new Set(['optIn', 'loyaltyMember']);
/** The smallest ratio worth saying as one: below it, it would round to "1×". */
const MIN_RATIO = 1.05;
/** A channel that carries at least this share of a persona's purchases is "mostly" theirs. */
export const MOSTLY_SHARE = 0.5;

export function phraseOf(difference: FeatureDifference): Phrase {
	const { featureId: id, direction, ratio, clusterValue, groupValue } = difference;
	if (difference.kind === 'categorical') {
		const shares = { share: clusterValue, groupShare: groupValue, level: difference.level ?? 'unknown' };
		if (id === 'topCategory') return { key: `topCategory_${direction}`, values: shares };
		if (BOOLEAN_FEATURES.has(id) && difference.level === 'yes') {
			return { key: `${id as 'optIn' | 'loyaltyMember'}_${direction}`, values: shares };
		}
		return { key: `category_${direction}`, values: { ...shares, feature: id } };
	}
	// A ratio that would read "1×" ("worth 1× less") says nothing: compare the values instead.
	if (RATIO_FEATURES.has(id) && ratio !== null && ratio > 0 && Math.max(ratio, 1 / ratio) >= MIN_RATIO) {
		return {
			key: `${id}_${direction}` as PhraseKey,
			values: direction === 'higher' ? { ratio } : { inverse: 1 / ratio }
		};
	}
	if (CHANNEL_FEATURES.has(id)) {
		const mostly = direction === 'higher' && clusterValue >= MOSTLY_SHARE;
		return {
			key: `${id}_${mostly ? 'mostly' : direction}` as PhraseKey,
			values: { share: clusterValue, groupShare: groupValue }
		};
	}
	if (VALUE_FEATURES.has(id)) {
		return { key: `${id}_${direction}` as PhraseKey, values: { value: clusterValue, group: groupValue } };
	}
	return { key: `numeric_${direction}`, values: { value: clusterValue, group: groupValue, feature: id } };
}

const ratioText = (x: number, locale: Locale) => formatNumber(x, locale, x >= 10 ? 0 : 1);
/** Days and counts read best whole above 10, with one decimal below (1.4 persons, step 2.5). */
const valueText = (x: number, locale: Locale) => formatNumber(x, locale, Math.abs(x) >= 10 ? 0 : 1);

/**
 * The phrase's values as text in a language. `translate` names features and levels (English
 * labels when left out), so the UI passes its Paraglide lookups.
 */
export function phraseValues(
	phrase: Phrase,
	locale: Locale,
	translate: { feature?: (id: string) => string; level?: (level: string) => string } = {}
): Record<string, string> {
	const featureName = translate.feature ?? ((id: string) => FEATURE_LABELS_EN[id] ?? id);
	const levelName = translate.level ?? ((level: string) => level);
	const { values } = phrase;
	const text: Record<string, string> = {};
	if (values.ratio !== undefined) text.ratio = ratioText(values.ratio, locale);
	if (values.inverse !== undefined) text.inverse = ratioText(values.inverse, locale);
	if (values.value !== undefined) text.value = valueText(values.value, locale);
	if (values.group !== undefined) text.group = valueText(values.group, locale);
	if (values.share !== undefined) text.share = formatPercent(values.share, locale, 0);
	if (values.groupShare !== undefined) text.groupShare = formatPercent(values.groupShare, locale, 0);
	if (values.level !== undefined) text.level = levelName(values.level);
	if (values.feature !== undefined) text.feature = featureName(values.feature);
	return text;
}

export function fillTemplate(template: string, values: Record<string, string>): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The phrase in English, as the API gives it. */
export function englishText(difference: FeatureDifference): string {
	const phrase = phraseOf(difference);
	return fillTemplate(PHRASES_EN[phrase.key], phraseValues(phrase, 'en'));
}

/** Differences worth a sentence: at least this far from the group, in standard deviations. */
export const NOTABLE_Z = 0.3;

/** The differences a card shows: notable ones, most distinguishing first, at most `limit`. */
export function notableDifferences<T extends FeatureDifference>(differences: readonly T[], limit = 4): T[] {
	return differences.filter((d) => Math.abs(d.z) >= NOTABLE_Z).slice(0, limit);
}

/** The catalogue's feature ids (the server's FEATURE_CATALOGUE; a test keeps them equal). */
export const PERSONA_FEATURE_IDS = Object.keys(FEATURE_LABELS_EN) as readonly string[];
