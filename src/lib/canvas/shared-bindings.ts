/**
 * What an event type bound to two steps does to the funnel, in words: the binding panel warns
 * with it before and after a binding, the metrics lane flags the steps with it.
 */
import type { BoardSnapshot, SharedBinding } from '$lib/domain/board';
import { t } from './i18n';

export interface Names {
	eventType: (id: string) => string;
	step: (card: BoardSnapshot['cards'][number]) => string;
}

export function sharedBindingText(shared: SharedBinding, board: BoardSnapshot, names: Names): string {
	const other = board.cards.find((card) => card.id === shared.cardId);
	const values = {
		eventType: names.eventType(shared.eventType),
		step: other ? names.step(other) : t('canvas_card_untitled'),
		stage: board.stages.find((stage) => stage.id === shared.stageId)?.title ?? ''
	};
	switch (shared.relation) {
		case 'earlier-stage':
			return t('canvas_step_shared_earlier', values);
		case 'later-stage':
			return t('canvas_step_shared_later', values);
		case 'same-stage':
			return t(shared.credited ? 'canvas_step_shared_same_credited' : 'canvas_step_shared_same', values);
	}
}
