import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/domain/format';
import { suggestNames, type FeatureDifference, type NameCandidate } from '$lib/domain/personas';

type Message = (inputs?: Record<string, string>, options?: { locale?: Locale }) => string;
const messages = m as unknown as Record<string, Message | undefined>;

/** A name candidate as text in a language: "Frequent app buyers", "Frequente app-kopers". */
export function renderName(candidate: NameCandidate, locale: Locale): string {
	const say = (key: string, inputs: Record<string, string> = {}) => messages[key]?.(inputs, { locale }) ?? key;
	const noun = candidate.noun
		? say(`persona_name_noun_${candidate.noun.key}`, { level: candidate.noun.level ?? '' })
		: say('persona_name_noun_customers');
	const text = candidate.adjective
		? say('persona_name_compose', { adjective: say(`persona_name_adjective_${candidate.adjective.key}`), noun })
		: noun;
	return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** Suggested names for personas (largest first), unique within their group, in the team's language. */
export function suggestedNames(
	personas: readonly (readonly FeatureDifference[])[],
	taken: Iterable<string>,
	locale: Locale
): string[] {
	return suggestNames(personas, taken, (candidate) => renderName(candidate, locale));
}
