import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, addLane, addPersona, addStage, readBoard, setLaneHidden } from '$lib/domain/board';
import { cellAt, GRID, layoutBoard } from './layout';

function board() {
	const doc = new Y.Doc();
	const s1 = addStage(doc, { title: 'A', width: 300 });
	const s2 = addStage(doc, { title: 'B', width: 200 });
	const l1 = addLane(doc, { title: 'Web', kind: 'touchpoints' });
	const l2 = addLane(doc, { title: 'Mood', kind: 'emotion' });
	const l3 = addLane(doc, { title: 'Pains', kind: 'painpoints' });
	return { doc, s1, s2, l1, l2, l3 };
}

describe('grid layout', () => {
	it('places stages as columns after the lane labels and lanes as rows under the headers', () => {
		const { doc } = board();
		const layout = layoutBoard(readBoard(doc));
		expect(layout.stages.map((s) => [s.x, s.width])).toEqual([
			[GRID.laneLabelWidth, 300],
			[GRID.laneLabelWidth + 300, 200]
		]);
		expect(layout.lanes[0]!.y).toBe(GRID.headerHeight);
		expect(layout.lanes[1]!.height).toBe(GRID.emotionLaneHeight);
		expect(layout.width).toBe(GRID.laneLabelWidth + 500);
	});

	it('grows a lane to fit its fullest cell and skips hidden lanes', () => {
		const { doc, s1, l1, l2 } = board();
		for (let i = 0; i < 4; i++) addCard(doc, { type: 'touchpoint', stageId: s1, laneId: l1, text: `${i}` });
		setLaneHidden(doc, l2, true);
		const layout = layoutBoard(readBoard(doc));
		expect(layout.lanes).toHaveLength(2);
		const cards = layout.cards.filter((c) => c.card.laneId === layout.lanes[0]!.id);
		expect(layout.lanes[0]!.height).toBeGreaterThan(cards.reduce((sum, c) => sum + c.height + GRID.cardGap, 0));
		expect(layout.lanes[1]!.y).toBe(layout.lanes[0]!.y + layout.lanes[0]!.height);
		expect(layout.cards.map((c) => c.index)).toEqual([0, 1, 2, 3]);
	});

	it('shows one persona’s journey: cards for that persona or for everyone', () => {
		const { doc, s1, l1 } = board();
		const anna = addPersona(doc, { name: 'Anna', color: '#f00' });
		const bram = addPersona(doc, { name: 'Bram', color: '#00f' });
		addCard(doc, { type: 'touchpoint', stageId: s1, laneId: l1, text: 'all' });
		addCard(doc, { type: 'touchpoint', stageId: s1, laneId: l1, text: 'anna', personaIds: [anna] });
		addCard(doc, { type: 'touchpoint', stageId: s1, laneId: l1, text: 'bram', personaIds: [bram] });
		const texts = layoutBoard(readBoard(doc), { personaId: anna }).cards.map((c) => c.card.text);
		expect(texts).toEqual(['all', 'anna']);
	});

	it('gives a row the height its tallest card needs and stacks cards by their own heights', () => {
		const { doc, s1, s2, l1, l3 } = board();
		const long = 'A long note the team wrote down in the workshop about what customers do here. '.repeat(2);
		addCard(doc, { type: 'touchpoint', stageId: s1, laneId: l1, text: long });
		addCard(doc, { type: 'touchpoint', stageId: s1, laneId: l1, text: 'short' });
		addCard(doc, { type: 'touchpoint', stageId: s2, laneId: l1, text: 'short' });
		const layout = layoutBoard(readBoard(doc));
		const [tall, below, beside] = layout.cards;
		expect(tall!.height).toBeGreaterThan(beside!.height);
		expect(below!.y).toBe(tall!.y + tall!.height + GRID.cardGap);
		const lane = layout.lanes[0]!;
		expect(lane.y + lane.height).toBeGreaterThanOrEqual(below!.y + below!.height + GRID.cellPadding);
		// The next row starts below it, so no card of one row reaches into the next.
		expect(layout.lanes.find((l) => l.id === l3)!.y).toBe(lane.y + lane.height + GRID.emotionLaneHeight);
	});

	it('finds the cell and insertion index under a point', () => {
		const { doc, s1, s2, l1 } = board();
		addCard(doc, { type: 'touchpoint', stageId: s2, laneId: l1, text: 'x' });
		const layout = layoutBoard(readBoard(doc));
		const lane = layout.lanes[0]!;
		expect(cellAt(layout, GRID.laneLabelWidth + 10, lane.y + 5)).toMatchObject({ stageId: s1, laneId: l1, index: 0 });
		const card = layout.cards[0]!;
		expect(cellAt(layout, GRID.laneLabelWidth + 310, card.y + card.height / 2 - 2)).toMatchObject({ stageId: s2, index: 0 });
		const below = cellAt(layout, GRID.laneLabelWidth + 310, card.y + card.height + 4);
		expect(below).toMatchObject({ stageId: s2, index: 1 });
		expect(cellAt(layout, 5, lane.y + 5)).toBeNull();
	});
});
