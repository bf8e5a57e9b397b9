import { BINDABLE_CARD_TYPES, type BoardSnapshot, type OpportunityEstimate } from './types';

/**
 * The measured journey of a board: its cards bound to event types, in stage order. Steps of one
 * stage (in different channel lanes, or side by side) are alternatives: a customer reaches the
 * stage through any of them. Stages without a bound step are skipped, so `stage` counts only the
 * measured stages (0, 1, 2…).
 */
export interface JourneyStep {
	cardId: string;
	stageId: string;
	laneId: string;
	stage: number;
	eventTypes: string[];
}

export function journeySteps(board: BoardSnapshot): JourneyStep[] {
	const laneOrder = new Map(board.lanes.map((lane, index) => [lane.id, index]));
	const steps: JourneyStep[] = [];
	let stage = 0;
	for (const { id: stageId } of board.stages) {
		const bound = board.cards
			.filter((card) => card.stageId === stageId && BINDABLE_CARD_TYPES.includes(card.type) && card.eventTypes.length > 0)
			.sort((a, b) => (laneOrder.get(a.laneId) ?? 0) - (laneOrder.get(b.laneId) ?? 0) || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
		if (bound.length === 0) continue;
		for (const card of bound) steps.push({ cardId: card.id, stageId, laneId: card.laneId, stage, eventTypes: card.eventTypes });
		stage++;
	}
	return steps;
}

/**
 * Whether an opportunity's what-if still refers to a measured step: `unbound` when the step's card
 * is there but no longer bound to events, `deleted` when the card is gone. Its figures are then
 * a stale snapshot that no refresh can update.
 */
export function estimateStepState(board: BoardSnapshot, estimate: OpportunityEstimate): 'measured' | 'unbound' | 'deleted' {
	const step = board.cards.find((card) => card.id === estimate.stepCardId);
	if (!step) return 'deleted';
	return BINDABLE_CARD_TYPES.includes(step.type) && step.eventTypes.length > 0 ? 'measured' : 'unbound';
}
