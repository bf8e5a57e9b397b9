import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/domain/format';
import { phraseOf, phraseValues, TRANSLATED_LEVELS, type FeatureDifference } from '$lib/domain/personas';

/*
 * The persona phrasing of `$lib/domain/personas` in the user's language: the same phrase keys
 * and values as the API's English `text`, rendered through Paraglide.
 */

type Message = (inputs?: Record<string, string>) => string;
const messages = m as unknown as Record<string, Message | undefined>;

export const featureLabel = (id: string): string => messages[`persona_feature_${id}`]?.() ?? id;

export const levelLabel = (level: string): string =>
	(TRANSLATED_LEVELS as readonly string[]).includes(level) ? messages[`persona_level_${level}`]!() : level;

export function differenceText(difference: FeatureDifference, locale: Locale): string {
	const phrase = phraseOf(difference);
	const values = phraseValues(phrase, locale, { feature: featureLabel, level: levelLabel });
	return messages[`persona_phrase_${phrase.key}`]?.(values) ?? phrase.key;
}

/** The API's difference shape (`feature`, `personaValue`) back into the engine's. */
export interface ApiDifference {
	feature: string;
	kind: 'numeric' | 'categorical';
	level?: string;
	z: number;
	direction: 'higher' | 'lower';
	ratio: number | null;
	personaValue: number;
	groupValue: number;
	text: string;
}

export const asDifference = (d: ApiDifference): FeatureDifference => ({
	featureId: d.feature,
	kind: d.kind,
	level: d.level,
	z: d.z,
	direction: d.direction,
	ratio: d.ratio,
	clusterValue: d.personaValue,
	groupValue: d.groupValue
});
