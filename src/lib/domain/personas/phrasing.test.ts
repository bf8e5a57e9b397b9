import { describe, expect, it } from 'vitest';
import enMessages from '../../../../messages/en.json';
import nlMessages from '../../../../messages/nl.json';
import { FEATURE_CATALOGUE } from '$lib/server/analytics/segmentation';
import {
	englishText,
	FEATURE_LABELS_EN,
	fillTemplate,
	notableDifferences,
	PERSONA_FEATURE_IDS,
	PHRASES_EN,
	phraseOf,
	phraseValues,
	type FeatureDifference
} from './phrasing';

const numeric = (featureId: string, z: number, clusterValue: number, groupValue: number): FeatureDifference => ({
	featureId,
	kind: 'numeric',
	z,
	direction: z >= 0 ? 'higher' : 'lower',
	ratio: clusterValue > 0 && groupValue > 0 ? clusterValue / groupValue : null,
	clusterValue,
	groupValue
});

const en = enMessages as unknown as Record<string, string>;
const nl = nlMessages as unknown as Record<string, string>;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('persona phrasing', () => {
	it('says how many times as often a persona buys, and how much less it spends', () => {
		expect(englishText(numeric('frequency', 1.4, 6.2, 2))).toBe('buys 3.1× as often');
		expect(englishText(numeric('monetaryValue', -1.1, 20, 80))).toBe('spends 4× less');
		expect(englishText(numeric('customerLifetimeValue', 2, 1200, 100))).toBe('worth 12× as much over their lifetime');
	});

	it('calls a channel with most of the purchases "mostly", and otherwise compares shares', () => {
		expect(englishText(numeric('channelShareApp', 2.1, 0.72, 0.3))).toBe('mostly in the app (72% of purchases)');
		expect(englishText(numeric('channelShareStore', 0.6, 0.4, 0.25))).toBe('buys more in the store (40% vs 25%)');
		expect(englishText(numeric('channelShareWebshop', -0.9, 0.05, 0.4))).toBe('seldom in the webshop (5% vs 40%)');
	});

	it('compares values where a ratio reads badly (recency, journey step, scores)', () => {
		expect(englishText(numeric('recencyDays', -1, 7.2, 124.4))).toBe('bought recently (7.2 vs 124 days ago)');
		expect(englishText(numeric('furthestJourneyStep', -0.8, 1, 2.25))).toBe('drops out earlier in the journey (step 1 vs 2.3)');
		expect(englishText(numeric('nps', 0.7, 9.1, 7))).toBe('more likely to recommend (answers 9.1 vs 7)');
	});

	it('names the category level that sets a persona apart', () => {
		const category = (featureId: string, level: string, z: number, share: number, groupShare: number): FeatureDifference => ({
			featureId,
			kind: 'categorical',
			level,
			z,
			direction: z >= 0 ? 'higher' : 'lower',
			ratio: share / groupShare,
			clusterValue: share,
			groupValue: groupShare
		});
		expect(englishText(category('topCategory', 'Snacks', 1.5, 0.8, 0.3))).toBe('mostly buys Snacks (80% vs 30%)');
		expect(englishText(category('optIn', 'yes', 1, 0.9, 0.5))).toBe('more often opted in (90% vs 50%)');
		expect(englishText(category('ageBand', '25–34', 1, 0.6, 0.2))).toBe('age more often 25–34 (60% vs 20%)');
	});

	it('falls back to a plain comparison when a ratio means nothing (negative margin, or about 1×)', () => {
		expect(englishText({ ...numeric('margin', -1, -5, 10), ratio: null })).toBe('lower margin (-5 vs 10)');
		// A skewed feature can differ in z while its means are nearly equal: never "worth 1× less".
		expect(englishText(numeric('customerLifetimeValue', -0.4, 97, 100))).toBe('lower lifetime value (97 vs 100)');
		expect(englishText(numeric('frequency', 0.5, 4.1, 4))).toBe('higher purchases (4.1 vs 4)');
		expect(englishText(numeric('frequency', 0.5, 4.3, 4))).toBe('buys 1.1× as often');
	});

	it('formats the values the Dutch way for the Dutch messages', () => {
		const phrase = phraseOf(numeric('frequency', 1.4, 6.2, 2));
		expect(fillTemplate(nl[`persona_phrase_${phrase.key}`]!, phraseValues(phrase, 'nl'))).toBe('koopt 3,1× zo vaak');
	});

	it('keeps the API words and the English messages the same, and every phrase translated with the same placeholders', () => {
		for (const [key, text] of Object.entries(PHRASES_EN)) {
			expect(en[`persona_phrase_${key}`], key).toBe(text);
			expect(placeholders(nl[`persona_phrase_${key}`] ?? ""), key).toEqual(placeholders(text));
		}
		for (const [id, label] of Object.entries(FEATURE_LABELS_EN)) {
			expect(en[`persona_feature_${id}`]).toBe(label);
			expect(nl[`persona_feature_${id}`]).toBeTruthy();
		}
	});

	it('labels exactly the features of the catalogue', () => {
		expect([...PERSONA_FEATURE_IDS].sort()).toEqual(FEATURE_CATALOGUE.map((f) => f.id).sort());
	});

	it('shows only differences of at least 0.3 standard deviations, strongest first', () => {
		const differences = [numeric('frequency', 2, 6, 2), numeric('nps', -0.5, 6, 7), numeric('csat', 0.1, 4, 4)];
		expect(notableDifferences(differences).map((d) => d.featureId)).toEqual(['frequency', 'nps']);
		expect(notableDifferences(differences, 1)).toHaveLength(1);
	});
});
