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

/**
 * An event type that another measured step is bound to as well. The funnel lets one event move a
 * customer one stage only, so a type in two stages changes what the later step counts; two
 * alternatives of one stage sharing a type give its customers to the one placed first.
 */
export interface SharedBinding {
	eventType: string;
	/** The other step bound to it, and its stage. */
	cardId: string;
	stageId: string;
	/**
	 * Where the other step sits: `earlier-stage` (this step then counts only customers with
	 * another such event after reaching the stage before it), `later-stage` (the other step does),
	 * or `same-stage` (an alternative: the step placed first is credited).
	 */
	relation: 'earlier-stage' | 'later-stage' | 'same-stage';
	/** same-stage only: whether this step is the one credited with those customers. */
	credited: boolean;
}

/** Per card id of a measured step, the event types it shares with other steps (cards without any are left out). */
export function sharedBindings(steps: readonly JourneyStep[]): Map<string, SharedBinding[]> {
	const byType = new Map<string, JourneyStep[]>();
	for (const step of steps)
		for (const eventType of step.eventTypes) {
			const list = byType.get(eventType) ?? [];
			list.push(step);
			byType.set(eventType, list);
		}
	const shared = new Map<string, SharedBinding[]>();
	for (const [eventType, bound] of byType) {
		if (bound.length < 2) continue;
		// journeySteps lists steps in funnel order (stage, then lane and card order): the first of a stage is credited.
		bound.forEach((step, index) => {
			const list = shared.get(step.cardId) ?? [];
			for (const other of bound) {
				if (other === step) continue;
				const relation = other.stage < step.stage ? 'earlier-stage' : other.stage > step.stage ? 'later-stage' : 'same-stage';
				const credited = relation === 'same-stage' && bound.findIndex((s) => s.stage === step.stage) === index;
				list.push({ eventType, cardId: other.cardId, stageId: other.stageId, relation, credited });
			}
			shared.set(step.cardId, list);
		});
	}
	return shared;
}

/** What `sharedBindings` would say of a card if it were bound to `eventTypes`: to warn before a binding is made. */
export function sharedBindingsIf(board: BoardSnapshot, cardId: string, eventTypes: string[]): SharedBinding[] {
	const cards = board.cards.map((card) => (card.id === cardId ? { ...card, eventTypes } : card));
	return sharedBindings(journeySteps({ ...board, cards })).get(cardId) ?? [];
}
