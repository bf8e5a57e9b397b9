import type { BoardSnapshot, DropOffCategory } from '../board';

/*
 * "Where it leaks": every measured step of every journey map, ranked by the value its drop-off
 * puts at risk — or, when no CLV estimate can be trusted, by how many customers drop off there.
 */

/** A drop-off cause card linked to a step (by a card link, either way). */
export interface LeakCause {
	cardId: string;
	category: DropOffCategory | null;
	text: string;
}

export interface LeakStep {
	boardId: string;
	boardTitle: string;
	cardId: string;
	cardText: string;
	/** Customers who reached the step: the n its drop-off is a share of. */
	reached: number;
	/** Fewer customers reached it than the minimum: its drop-off says little. */
	lowN: boolean;
	/** Customers who did not go on to the next stage (exact; null at the last stage). */
	dropOffCount: number | null;
	/** Share of `reached` that dropped off, 0–1; null at the last stage. */
	dropOff: number | null;
	/** Null when no CLV can be trusted, or at the last stage. */
	valueAtRisk: number | null;
	causes: LeakCause[];
}

export type LeakRanking = 'value-at-risk' | 'drop-off';

const desc = (a: number | null, b: number | null) => (b ?? -Infinity) - (a ?? -Infinity);

/**
 * Largest value at risk first (drop-off count breaking ties) when a CLV can be trusted; else the
 * largest drop-off count first. Steps without a figure (the last stage) come last, by map and card.
 */
export function rankLeaks(steps: readonly LeakStep[], clvTrusted: boolean): { rankedBy: LeakRanking; leaks: LeakStep[] } {
	const rankedBy: LeakRanking = clvTrusted ? 'value-at-risk' : 'drop-off';
	const leaks = [...steps].sort(
		(a, b) =>
			(rankedBy === 'value-at-risk' ? desc(a.valueAtRisk, b.valueAtRisk) : 0) ||
			desc(a.dropOffCount, b.dropOffCount) ||
			a.boardTitle.localeCompare(b.boardTitle) ||
			a.cardId.localeCompare(b.cardId)
	);
	return { rankedBy, leaks };
}

/** The drop-off cause cards linked to a card of the board. */
export function causesOfStep(board: BoardSnapshot, cardId: string): LeakCause[] {
	const linked = new Set<string>();
	for (const link of board.links) {
		if (link.fromCardId === cardId) linked.add(link.toCardId);
		if (link.toCardId === cardId) linked.add(link.fromCardId);
	}
	return board.cards
		.filter((card) => card.type === 'dropoff' && linked.has(card.id))
		.map((card) => ({ cardId: card.id, category: card.dropOffCategory, text: card.text }));
}
