import { describe, expect, it } from 'vitest';
import { MAX_REPORT_PERSONAS, reportChoiceOf, reportSearchParams, stageRuns } from './report';

describe('a report choice in the print route URL', () => {
	it('comes back as it was chosen, sections in the page order', () => {
		const params = reportSearchParams({
			sections: ['loyalty', 'headline'],
			personaIds: ['p1', 'p2', 'p1'],
			boardIds: ['b1'],
			filters: { groupId: 'g1', from: '2026-01-01', to: '2026-03-31', channel: 'web', minimumRespondents: 5 }
		});
		expect(params.get('sections')).toBe('headline,loyalty');
		expect(reportChoiceOf(params)).toEqual({
			sections: ['headline', 'loyalty'],
			personaIds: ['p1', 'p2'],
			boardIds: ['b1'],
			filters: { groupId: 'g1', from: '2026-01-01', to: '2026-03-31', channel: 'web', minimumRespondents: '5' }
		});
	});

	it('drops sections the page does not have and caps the persona cards', () => {
		const many = Array.from({ length: MAX_REPORT_PERSONAS + 5 }, (_, i) => `p${i}`).join(',');
		const choice = reportChoiceOf(new URLSearchParams({ sections: 'value,secrets,,value', personas: many }));
		expect(choice.sections).toEqual(['value']);
		expect(choice.personaIds).toHaveLength(MAX_REPORT_PERSONAS);
		expect(choice.filters).toEqual({});
	});
});

describe('a wide journey map on paper', () => {
	it('is split into even runs of stages, each saying where it is in the whole', () => {
		const stages = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
		expect(stageRuns(stages, 6)).toEqual([
			{ stages: ['a', 'b', 'c', 'd'], from: 1, to: 4 },
			{ stages: ['e', 'f', 'g'], from: 5, to: 7 }
		]);
		expect(stageRuns(stages.slice(0, 5), 6)).toEqual([{ stages: ['a', 'b', 'c', 'd', 'e'], from: 1, to: 5 }]);
		expect(stageRuns([], 6)).toEqual([]);
	});
});
