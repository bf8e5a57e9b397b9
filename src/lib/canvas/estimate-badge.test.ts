import { describe, expect, it } from 'vitest';
import type { BoardSnapshot, Card, OpportunityEstimate } from '$lib/domain/board';
import { estimateBadge } from './estimate-badge';

const estimate: OpportunityEstimate = {
	stepCardId: 'step',
	lever: 'drop-off',
	points: 10,
	horizonDays: 90,
	groupId: null,
	personaId: null,
	channel: null,
	snapshot: { extraReachedNext: 12, extraFinalConversions: 360, extraRevenue: 18_450.5, extraClv: 12_300.4, computedAt: '2026-05-04T10:00:00Z', datasetVersion: 3 }
};
const opportunity = { id: 'opp', type: 'opportunity', text: 'Fewer drop-offs', estimate } as unknown as Card;
const step = { id: 'step', type: 'touchpoint', text: 'Compare', eventTypes: ['compare'] } as unknown as Card;
const board = { cards: [opportunity, step] } as unknown as BoardSnapshot;

describe('the estimate badge of an opportunity', () => {
	it("shows its value in the workspace's currency, badge and tooltip alike", () => {
		const badge = estimateBadge(opportunity, board, undefined, 'en', 'USD', () => null)!;
		expect(badge.text).toBe('+US$12,300 CLV · +360 customers / 90 days');
		expect(badge.title).toContain('US$18,450.50 revenue, US$12,300.40 customer value');
		expect(badge.title).not.toContain('€');
	});

	it('shows the same stored figures in euros in a euro workspace: nothing is converted', () => {
		expect(estimateBadge(opportunity, board, undefined, 'en', 'EUR', () => null)!.text).toBe('+€12,300 CLV · +360 customers / 90 days');
	});
});
