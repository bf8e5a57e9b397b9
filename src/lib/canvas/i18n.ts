import { translate } from '$lib/components/i18n';
import type { CardType, CrmLever, DropOffCategory, LaneKind } from '$lib/domain/board';

/** A message by key, for keys chosen at run time (actions, card types, lane kinds). */
export const t = translate;

export const cardTypeName = (type: CardType) => t(`card_type_${type}`);
export const laneKindName = (kind: LaneKind) => t(`lane_kind_${kind}`);
export const dropOffName = (category: DropOffCategory) => t(`dropoff_${category}`);
export const leverName = (lever: CrmLever) => t(`lever_${lever}`);
