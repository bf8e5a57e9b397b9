import { describe, expect, it } from 'vitest';
import type { FeatureDifference } from '$lib/domain/personas';
import { suggestedNames } from './naming';

const numeric = (featureId: string, z: number): FeatureDifference => ({
	featureId,
	kind: 'numeric',
	z,
	direction: z >= 0 ? 'higher' : 'lower',
	ratio: null,
	clusterValue: 1,
	groupValue: 1
});

describe('suggested persona names in the team’s language', () => {
	const personas = [
		[numeric('channelShareApp', 2.4), numeric('frequency', 1.6)],
		[numeric('recencyDays', 1.9), numeric('monetaryValue', 1.2)],
		[{ ...numeric('topCategory', 1.3), kind: 'categorical', level: 'Wonen' } as FeatureDifference]
	];

	it('reads naturally in English and in Dutch', () => {
		expect(suggestedNames(personas, [], 'en')).toEqual(['Frequent app buyers', 'Lapsed big spenders', 'Wonen buyers']);
		expect(suggestedNames(personas, [], 'nl')).toEqual(['Frequente app-kopers', 'Slapende grote besteders', 'Wonen-kopers']);
	});

	it('never repeats a name the group has', () => {
		expect(suggestedNames(personas.slice(0, 1), ['Frequent app buyers'], 'en')).toEqual(['App buyers']);
	});
});
