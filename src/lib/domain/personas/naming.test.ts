import { describe, expect, it } from 'vitest';
import enMessages from '../../../../messages/en.json';
import nlMessages from '../../../../messages/nl.json';
import { isLetterName, nameCandidates, suggestNames, type NameCandidate } from './naming';
import type { FeatureDifference } from './phrasing';

const numeric = (featureId: string, z: number, clusterValue = 1, groupValue = 1): FeatureDifference => ({
	featureId,
	kind: 'numeric',
	z,
	direction: z >= 0 ? 'higher' : 'lower',
	ratio: groupValue > 0 ? clusterValue / groupValue : null,
	clusterValue,
	groupValue
});
const level = (featureId: string, value: string, z: number): FeatureDifference => ({
	featureId,
	kind: 'categorical',
	level: value,
	z,
	direction: z >= 0 ? 'higher' : 'lower',
	ratio: null,
	clusterValue: 0.5,
	groupValue: 0.2
});

const en = enMessages as unknown as Record<string, string>;
const nl = nlMessages as unknown as Record<string, string>;
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
/** A candidate in English from the messages, as the server renders it. */
const english = ({ adjective, noun }: NameCandidate) => {
	const nounText = noun ? fill(en[`persona_name_noun_${noun.key}`]!, { level: noun.level ?? '' }) : en.persona_name_noun_customers!;
	const text = adjective ? fill(en.persona_name_compose!, { adjective: en[`persona_name_adjective_${adjective.key}`]!, noun: nounText }) : nounText;
	return text.charAt(0).toUpperCase() + text.slice(1);
};
const first = (differences: FeatureDifference[]) => english(nameCandidates(differences)[0]!);

describe('suggested persona names', () => {
	it('name a persona by what sets it apart most: a kind of customer and what describes it', () => {
		expect(first([numeric('channelShareApp', 2.4, 0.9, 0.3), numeric('frequency', 1.6, 12, 4)])).toBe('Frequent app buyers');
		expect(first([numeric('recencyDays', 1.9, 270, 90), numeric('monetaryValue', 1.2, 900, 200)])).toBe('Lapsed big spenders');
		expect(first([numeric('monetaryValue', 1.5, 900, 200)])).toBe('Big spenders');
		expect(first([numeric('csat', -1.1, 2.1, 3.8)])).toBe('Dissatisfied customers');
		expect(first([level('topCategory', 'Snacks', 1.4), numeric('tenureDays', 0.8, 900, 400)])).toBe('Long-standing Snacks buyers');
		expect(first([level('optIn', 'no', -0.9), level('ageBand', '<25', 0.7)])).toBe('Opted-in customers');
	});

	it('leave out weak differences, channels a persona avoids, unknown levels and middle age bands', () => {
		expect(nameCandidates([numeric('frequency', 0.1)])).toEqual([]);
		expect(nameCandidates([numeric('channelShareStore', -1.5)])).toEqual([]);
		expect(nameCandidates([level('topCategory', 'unknown', 1.2)])).toEqual([]);
		expect(nameCandidates([level('ageBand', '35–44', 1.2)])).toEqual([]);
		// Only the four strongest traits name a persona.
		const many = ['nps', 'csat', 'tenureDays', 'margin', 'frequency'].map((id, i) => numeric(id, 2 - i * 0.2));
		expect(nameCandidates(many).map((c) => c.adjective?.key)).not.toContain('frequent');
	});

	it('are unique within the group, trying the next traits before falling back to a letter', () => {
		const app = [numeric('channelShareApp', 2.4), numeric('frequency', 1.6), numeric('tenureDays', -0.9)];
		const names = suggestNames([app, app, app, app, []], ['frequent APP buyers'], english);
		expect(names).toEqual(['New app buyers', 'App buyers', 'Frequent customers', 'New customers', 'Persona A']);
		expect(suggestNames([[], []], ['Persona A'], english)).toEqual(['Persona B', 'Persona C']);
	});

	it('have every word in English and Dutch, with the same placeholders', () => {
		const words = Object.keys(en).filter((key) => key.startsWith('persona_name_'));
		expect(words.length).toBeGreaterThan(25);
		for (const key of words) {
			expect(nl[key], key).toBeTruthy();
			expect([...nl[key]!.matchAll(/\{(\w+)\}/g)].map((m) => m[1]), key).toEqual([...en[key]!.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
		}
	});

	it('recognise the letter names of earlier derivations as never chosen by the team', () => {
		expect(isLetterName('Persona A')).toBe(true);
		expect(isLetterName('Persona 27')).toBe(true);
		expect(isLetterName('Persona Anna')).toBe(false);
		expect(isLetterName('App regulars')).toBe(false);
	});
});
