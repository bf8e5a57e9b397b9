import { m } from '$lib/paraglide/messages';
import { formatMoney, formatNumber, formatPercent, type Locale } from '$lib/domain/format';
import { NARRATIVE_FIELDS, personaPhotoUrl } from '$lib/domain/persona';
import {
	FEATURE_LABELS_EN,
	notableDifferences,
	phraseOf,
	phraseValues,
	TRANSLATED_LEVELS,
	type FeatureDifference
} from '$lib/domain/personas';
import type { PersonaDetail } from './index';

type Message = (inputs?: Record<string, string>, options?: { locale?: Locale }) => string;
const messages = m as unknown as Record<string, Message | undefined>;

/**
 * A persona card as a Markdown document in the user's language: the card the team wrote, then
 * the figures behind it. Representative customers are left out: the file travels. The photo is
 * linked at `origin` (the app's address), not embedded: it stays readable by members only.
 * Amounts are in the workspace's currency (`detail.currency`).
 */
export function personaMarkdown(detail: PersonaDetail, locale: Locale, origin: string): string {
	const say = (key: string, inputs: Record<string, string> = {}) => messages[key]?.(inputs, { locale }) ?? key;
	const feature = (id: string) => messages[`persona_feature_${id}`]?.({}, { locale }) ?? FEATURE_LABELS_EN[id] ?? id;
	const level = (value: string) => ((TRANSLATED_LEVELS as readonly string[]).includes(value) ? say(`persona_level_${value}`) : value);
	const { persona, group, narrative } = detail;
	const lines = [`# ${persona.name}`, '', `*${say('personas_heading', { group: group.name })}*`];
	if (persona.photoVersion) {
		const alt = persona.name.replace(/[[\]\\]/g, '\\$&');
		lines.push('', `![${alt}](${origin}${personaPhotoUrl(persona.id, persona.photoVersion)})`);
	}
	if (persona.origin === 'hand-made') lines.push('', `_${say('personas_hand_made')}: ${say('personas_hand_made_hint')}_`);
	if (narrative.fields.quote.trim()) lines.push('', ...narrative.fields.quote.trim().split('\n').map((line) => `> ${line}`));
	for (const field of NARRATIVE_FIELDS) {
		if (field === 'quote' || !narrative.fields[field].trim()) continue;
		lines.push('', `## ${say(`persona_field_${field}`)}`, '', narrative.fields[field].trim());
	}
	if (persona.origin === 'derived' && persona.share !== null) {
		lines.push('', `## ${say('persona_data_title')}`, '');
		lines.push(`- ${say('personas_card_size')}: ${formatPercent(persona.share, locale, 0)} (${say('personas_card_customers', { count: formatNumber(persona.size ?? 0, locale) })})`);
		if (persona.revenueShare !== null) lines.push(`- ${say('personas_card_revenue')}: ${formatPercent(persona.revenueShare, locale, 0)}`);
		if (persona.clvMean !== null) {
			const basis = persona.clvModel === 'formula' ? ` (${say('personas_clv_by_formula')})` : '';
			lines.push(`- ${say('personas_card_clv')}: ${formatMoney(persona.clvMean, locale, detail.currency)}${basis}`);
		}
		if (persona.stability !== null) lines.push(`- ${say('personas_card_stability')}: ${formatNumber(persona.stability, locale, 2)}`);
		const differences = notableDifferences((persona.distinguishing ?? []) as FeatureDifference[], 6);
		if (differences.length) {
			lines.push('', `### ${say('personas_card_apart')}`, '');
			for (const difference of differences) {
				const phrase = phraseOf(difference);
				lines.push(`- ${say(`persona_phrase_${phrase.key}`, phraseValues(phrase, locale, { feature, level }))}`);
			}
		}
	}
	return `${lines.join('\n')}\n`;
}
