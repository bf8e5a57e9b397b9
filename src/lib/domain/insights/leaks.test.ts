import { describe, expect, it } from 'vitest';
import type { BoardSnapshot, Card } from '../board';
import { causesOfStep, rankLeaks, type LeakStep } from './leaks';

const step = (cardId: string, dropOffCount: number | null, valueAtRisk: number | null, boardTitle = 'Map'): LeakStep => ({
	boardId: 'b',
	boardTitle,
	cardId,
	cardText: cardId,
	reached: 100,
	lowN: false,
	dropOffCount,
	dropOff: dropOffCount === null ? null : dropOffCount / 100,
	valueAtRisk,
	causes: []
});

describe('ranking the leaks', () => {
	it('puts the largest value at risk first when a CLV can be trusted, even over a larger drop-off', () => {
		const { rankedBy, leaks } = rankLeaks([step('few-dear', 10, 5_000), step('last', null, null), step('many-cheap', 60, 900)], true);
		expect(rankedBy).toBe('value-at-risk');
		expect(leaks.map((l) => l.cardId)).toEqual(['few-dear', 'many-cheap', 'last']);
	});

	it('falls back to the drop-off count when no CLV can be trusted', () => {
		const { rankedBy, leaks } = rankLeaks([step('a', 10, null), step('last', null, null), step('b', 60, null)], false);
		expect(rankedBy).toBe('drop-off');
		expect(leaks.map((l) => l.cardId)).toEqual(['b', 'a', 'last']);
	});

	it('breaks ties by drop-off count, then by map title', () => {
		const { leaks } = rankLeaks([step('x', 5, 100, 'Zeta'), step('y', 9, 100, 'Zeta'), step('z', 9, 100, 'Alpha')], true);
		expect(leaks.map((l) => l.cardId)).toEqual(['z', 'y', 'x']);
	});
});

const card = (id: string, type: Card['type'], dropOffCategory: Card['dropOffCategory'] = null): Card => ({
	id, type, stageId: 's', laneId: 'l', order: 'a', text: `text ${id}`, color: 'default', tags: [], personaIds: [], severity: null,
	dropOffCategory, lever: null, effort: null, impact: null, status: null, ownerId: null, eventTypes: [], estimate: null, evidence: null, createdBy: null
});

describe('the drop-off causes of a step', () => {
	it('are the drop-off cards linked to it either way, with their cause', () => {
		const board = {
			cards: [card('step', 'touchpoint'), card('c1', 'dropoff', 'no_answer'), card('c2', 'dropoff', 'explain_again'), card('note', 'note'), card('far', 'dropoff', 'unclear_information')],
			links: [
				{ id: 'l1', fromCardId: 'step', toCardId: 'c1' },
				{ id: 'l2', fromCardId: 'c2', toCardId: 'step' },
				{ id: 'l3', fromCardId: 'step', toCardId: 'note' }
			]
		} as unknown as BoardSnapshot;
		expect(causesOfStep(board, 'step')).toEqual([
			{ cardId: 'c1', category: 'no_answer', text: 'text c1' },
			{ cardId: 'c2', category: 'explain_again', text: 'text c2' }
		]);
	});
});
