import type { BoardSnapshot, Card, LaneKind } from '$lib/domain/board';
import { cardSizer, estimatedTextWidth, type CardSize } from './card-layout';

/** Sizes of the journey grid, in board units (1 unit = 1 CSS pixel at 100% zoom). */
export const GRID = {
	headerHeight: 56,
	laneLabelWidth: 200,
	cardGap: 8,
	cellPadding: 10,
	minLaneHeight: 96,
	/** Room below a cell's last card for its "+" button. */
	addRoom: 30,
	emotionLaneHeight: 180,
	/** Room at the top of a metrics lane for the measured figures of each stage. */
	metricsFiguresHeight: 120
} as const;

/** Space a lane keeps above its cards. */
export const laneReserve = (kind: LaneKind): number => (kind === 'metrics' ? GRID.metricsFiguresHeight : 0);

export interface StageBox {
	id: string;
	x: number;
	width: number;
}

export interface LaneBox {
	id: string;
	kind: LaneKind;
	y: number;
	height: number;
}

export interface CardBox extends CardSize {
	card: Card;
	x: number;
	y: number;
	width: number;
	index: number;
}

export interface BoardLayout {
	stages: StageBox[];
	lanes: LaneBox[];
	cards: CardBox[];
	width: number;
	height: number;
}

export interface CardFilter {
	/** Show only cards marked for this persona (cards marked for nobody apply to everyone). */
	personaId: string | null;
}

export function cardVisible(card: Card, filter: CardFilter): boolean {
	return !filter.personaId || card.personaIds.length === 0 || card.personaIds.includes(filter.personaId);
}

const estimatedSize = cardSizer(estimatedTextWidth);

/**
 * Places stages as columns and visible lanes as rows; a card is as tall as its text needs (see
 * card-layout), a lane as tall as its tallest cell. Pure, so the canvas, hit-testing and the
 * benchmark agree on where everything is. `size` measures cards (the canvas passes one that uses
 * the page's font); without it, text widths are estimated.
 */
export function layoutBoard(
	board: BoardSnapshot,
	filter: CardFilter = { personaId: null },
	size: (card: Card, width: number) => CardSize = estimatedSize
): BoardLayout {
	const stages: StageBox[] = [];
	let x = GRID.laneLabelWidth;
	for (const stage of board.stages) {
		stages.push({ id: stage.id, x, width: stage.width });
		x += stage.width;
	}

	const cellCards = new Map<string, Card[]>();
	for (const card of board.cards) {
		if (!cardVisible(card, filter)) continue;
		const key = `${card.stageId}|${card.laneId}`;
		const list = cellCards.get(key);
		if (list) list.push(card);
		else cellCards.set(key, [card]);
	}

	const lanes: LaneBox[] = [];
	const cards: CardBox[] = [];
	let y = GRID.headerHeight;
	for (const lane of board.lanes) {
		if (lane.hidden) continue;
		const reserve = laneReserve(lane.kind);
		const top = y + reserve + GRID.cellPadding;
		// Cards of a cell stacked from the top; the lane ends below the tallest stack.
		let bottom = top;
		for (const stage of stages) {
			const width = stage.width - GRID.cellPadding * 2;
			let next = top;
			(cellCards.get(`${stage.id}|${lane.id}`) ?? []).forEach((card, index) => {
				const box = size(card, width);
				cards.push({ card, index, x: stage.x + GRID.cellPadding, y: next, width, ...box });
				next += box.height + GRID.cardGap;
			});
			bottom = Math.max(bottom, next);
		}
		const height =
			lane.kind === 'emotion'
				? GRID.emotionLaneHeight
				: Math.max(reserve + GRID.minLaneHeight, bottom - y + GRID.cellPadding + GRID.addRoom);
		lanes.push({ id: lane.id, kind: lane.kind, y, height });
		y += height;
	}
	return { stages, lanes, cards, width: x, height: y };
}

export interface CellTarget {
	stageId: string;
	laneId: string;
	laneKind: LaneKind;
	/** Where a dropped card goes among the cell's cards. */
	index: number;
}

/** The cell under a board point, and the insertion index a drop there means. */
export function cellAt(layout: BoardLayout, x: number, y: number): CellTarget | null {
	const stage = layout.stages.find((s) => x >= s.x && x < s.x + s.width);
	const lane = layout.lanes.find((l) => y >= l.y && y < l.y + l.height);
	if (!stage || !lane) return null;
	// Before the first card whose middle is below the point.
	const index = layout.cards.filter((c) => c.card.stageId === stage.id && c.card.laneId === lane.id && c.y + c.height / 2 < y).length;
	return { stageId: stage.id, laneId: lane.id, laneKind: lane.kind, index };
}

/** The card type a new card in a lane of this kind gets. */
export const defaultCardType = {
	actions: 'action',
	touchpoints: 'touchpoint',
	thoughts: 'thought',
	emotion: 'note',
	painpoints: 'painpoint',
	dropoffs: 'dropoff',
	opportunities: 'opportunity',
	backstage: 'note',
	metrics: 'note'
} as const satisfies Record<LaneKind, Card['type']>;
