import { notableDifferences, type FeatureDifference } from './phrasing';

/**
 * A name a team can start from, instead of "Persona A": what sets a persona apart, said the way
 * people talk about customers — "Frequent app buyers", "Lapsed big spenders". Built from the
 * same structured differences as the "what sets them apart" phrases (phrasing.ts): the strongest
 * trait that names a kind of customer is the noun ("app buyers", "big spenders"), the strongest
 * other trait that describes one is the adjective ("frequent", "lapsed"). Words are message keys
 * (`persona_name_noun_<key>`, `persona_name_adjective_<key>`) so each language says them its way.
 * Pure: the caller renders a candidate into text and keeps names unique within a group.
 */

export interface NameWord {
	/** `persona_name_noun_<key>` or `persona_name_adjective_<key>`. */
	readonly key: string;
	/** A category label from the data ("Snacks"), for words that name it. */
	readonly level?: string;
}

export interface NameCandidate {
	readonly adjective: NameWord | null;
	/** Null: the plain "customers". */
	readonly noun: NameWord | null;
}

interface TraitWords {
	readonly adjective?: NameWord;
	readonly noun?: NameWord;
}

/** Only the strongest traits name a persona: a name stands for what sets it apart most. */
const NAMING_TRAITS = 4;

const CHANNEL_NOUNS: Readonly<Record<string, string>> = {
	channelShareApp: 'app_buyers',
	channelShareWebshop: 'webshop_buyers',
	channelShareStore: 'store_shoppers',
	channelSharePhone: 'phone_buyers'
};

/** Adjectives by feature and direction (the numeric features that describe a customer). */
const ADJECTIVES: Readonly<Record<string, { readonly higher?: string; readonly lower?: string }>> = {
	frequency: { higher: 'frequent', lower: 'occasional' },
	interPurchaseDays: { higher: 'occasional', lower: 'frequent' },
	recencyDays: { higher: 'lapsed', lower: 'active' },
	customerLifetimeValue: { higher: 'high_value', lower: 'low_value' },
	margin: { higher: 'high_margin', lower: 'low_margin' },
	monetaryValue: { higher: 'big_spending', lower: 'thrifty' },
	tenureDays: { higher: 'long_standing', lower: 'new' },
	nps: { higher: 'enthusiastic', lower: 'critical' },
	csat: { higher: 'satisfied', lower: 'dissatisfied' },
	furthestJourneyStep: { higher: 'engaged', lower: 'hesitant' }
};

/** The middle bands have no adjective that reads well in both languages: they name no persona. */
const AGE_ADJECTIVES: Readonly<Record<string, string>> = {
	'<25': 'young',
	'25–34': 'young',
	'55–64': 'older',
	'65+': 'older'
};

/** Whether a categorical difference says "more often yes" (a yes level up, or a no level down). */
const moreOftenYes = (d: FeatureDifference) =>
	(d.level === 'yes' && d.direction === 'higher') || (d.level === 'no' && d.direction === 'lower');

function traitWords(d: FeatureDifference): TraitWords {
	const id = d.featureId;
	if (d.kind === 'categorical') {
		if (d.direction !== 'higher' && !(id === 'optIn' || id === 'loyaltyMember')) return {};
		if (!d.level || d.level === 'unknown') return {};
		if (id === 'topCategory') return { noun: { key: 'category_buyers', level: d.level } };
		if (id === 'ageBand' && AGE_ADJECTIVES[d.level]) return { adjective: { key: AGE_ADJECTIVES[d.level]! } };
		if (id === 'loyaltyMember' && moreOftenYes(d)) return { noun: { key: 'loyalty_members' } };
		if (id === 'optIn' && moreOftenYes(d)) return { adjective: { key: 'opted_in' } };
		return {};
	}
	if (CHANNEL_NOUNS[id]) return d.direction === 'higher' ? { noun: { key: CHANNEL_NOUNS[id]! } } : {};
	if (id === 'householdSize') return { noun: { key: d.direction === 'higher' ? 'families' : 'small_households' } };
	const adjective = ADJECTIVES[id]?.[d.direction];
	if (!adjective) return {};
	// Spending is the one trait that is also a kind of customer: "big spenders".
	if (id === 'monetaryValue') {
		return { adjective: { key: adjective }, noun: { key: d.direction === 'higher' ? 'big_spenders' : 'small_spenders' } };
	}
	return { adjective: { key: adjective } };
}

/**
 * Names for a persona, best first: the strongest noun with the strongest other adjective, then
 * the next ones, then each word alone. Empty when nothing sets the persona apart.
 */
export function nameCandidates(differences: readonly FeatureDifference[]): NameCandidate[] {
	const traits = notableDifferences(differences, NAMING_TRAITS).map((d) => ({ feature: d.featureId, ...traitWords(d) }));
	const nouns = traits.filter((t) => t.noun);
	const adjectives = traits.filter((t) => t.adjective);
	const candidates: NameCandidate[] = [];
	const seen = new Set<string>();
	const add = (adjective: NameWord | null, noun: NameWord | null) => {
		const id = JSON.stringify([adjective, noun]);
		if ((adjective || noun) && !seen.has(id)) {
			seen.add(id);
			candidates.push({ adjective, noun });
		}
	};
	for (const noun of nouns) {
		for (const adjective of adjectives) if (adjective.feature !== noun.feature) add(adjective.adjective!, noun.noun!);
	}
	for (const noun of nouns) add(null, noun.noun!);
	for (const adjective of adjectives) add(adjective.adjective!, null);
	return candidates;
}

/**
 * One suggested name per persona (in the order given, the largest first, so the biggest persona
 * gets the best name), none equal to a name in `taken` or to another suggestion. `render` turns
 * a candidate into text in the team's language. A persona with no free candidate (nothing sets
 * it apart, or its words are taken) gets the first free letter: "Persona A", "Persona B"…
 */
export function suggestNames(
	personas: readonly (readonly FeatureDifference[])[],
	taken: Iterable<string>,
	render: (candidate: NameCandidate) => string
): string[] {
	const used = new Set([...taken].map(normalise));
	const free = (name: string) => !used.has(normalise(name));
	return personas.map((differences) => {
		const name = nameCandidates(differences).map(render).find(free) ?? letterName(free);
		used.add(normalise(name));
		return name;
	});
}

function letterName(free: (name: string) => boolean): string {
	for (let i = 0; ; i++) {
		const name = i < 26 ? `Persona ${String.fromCharCode(65 + i)}` : `Persona ${i + 1}`;
		if (free(name)) return name;
	}
}

/** Names differ by more than case and spacing ("App buyers" and "app  buyers" are one name). */
const normalise = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/** The letter names derivations gave before names were suggested: the team never chose them. */
export const isLetterName = (name: string): boolean => /^Persona (?:[A-Z]|\d+)$/.test(name);
