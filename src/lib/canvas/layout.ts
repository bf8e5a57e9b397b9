import type { BoardSnapshot, Card, LaneKind } from '$lib/domain/board';

/** Sizes of the journey grid, in board units (1 unit = 1 CSS pixel at 100% zoom). */
export const GRID = {
	headerHeight: 56,
	laneLabelWidth: 200,
	cardHeight: 76,
	cardGap: 8,
	cellPadding: 10,
	minLaneHeight: 96,
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

export interface CardBox {
	card: Card;
	x: number;
	y: number;
	width: number;
	height: number;
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

/**
 * Places stages as columns and visible lanes as rows; a lane grows to fit its fullest cell.
 * Pure, so the canvas, hit-testing and the benchmark agree on where everything is.
 */
export function layoutBoard(board: BoardSnapshot, filter: CardFilter = { personaId: null }): BoardLayout {
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
		let fullest = 0;
		for (const stage of stages) fullest = Math.max(fullest, cellCards.get(`${stage.id}|${lane.id}`)?.length ?? 0);
		const reserve = laneReserve(lane.kind);
		const height =
			lane.kind === 'emotion'
				? GRID.emotionLaneHeight
				: reserve +
					Math.max(
						GRID.minLaneHeight,
						GRID.cellPadding * 2 + fullest * GRID.cardHeight + Math.max(0, fullest - 1) * GRID.cardGap + GRID.cardHeight / 2
					);
		lanes.push({ id: lane.id, kind: lane.kind, y, height });
		for (const stage of stages) {
			(cellCards.get(`${stage.id}|${lane.id}`) ?? []).forEach((card, index) => {
				cards.push({
					card,
					index,
					x: stage.x + GRID.cellPadding,
					y: y + reserve + GRID.cellPadding + index * (GRID.cardHeight + GRID.cardGap),
					width: stage.width - GRID.cellPadding * 2,
					height: GRID.cardHeight
				});
			});
		}
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
	const offset = y - lane.y - laneReserve(lane.kind) - GRID.cellPadding + GRID.cardGap / 2;
	const count = layout.cards.filter((c) => c.card.stageId === stage.id && c.card.laneId === lane.id).length;
	const index = Math.max(0, Math.min(count, Math.round(offset / (GRID.cardHeight + GRID.cardGap))));
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
