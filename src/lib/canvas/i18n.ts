import { m } from '$lib/paraglide/messages';
import type { CardType, CrmLever, DropOffCategory, LaneKind } from '$lib/domain/board';

type Message = (inputs?: Record<string, unknown>) => string;
const messages = m as unknown as Record<string, Message | undefined>;

/** A message by key, for keys chosen at run time (actions, card types, lane kinds). */
export function t(key: string, inputs?: Record<string, unknown>): string {
	return messages[key]?.(inputs) ?? key;
}

export const cardTypeName = (type: CardType) => t(`card_type_${type}`);
export const laneKindName = (kind: LaneKind) => t(`lane_kind_${kind}`);
export const dropOffName = (category: DropOffCategory) => t(`dropoff_${category}`);
export const leverName = (lever: CrmLever) => t(`lever_${lever}`);
