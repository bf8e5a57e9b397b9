import { m } from '$lib/paraglide/messages';
import type { DriverTrait } from '$lib/domain/board';
import { eventTypeLabel, type EventTypeLabels } from '$lib/domain/customer-data/event-types';
import { translate } from './i18n';

/** A drop-off driver's trait in the reader's words: "Did “Contact customer service” at least twice after this step". */
export function traitLabel(trait: DriverTrait, labels: EventTypeLabels = {}): string {
	if (trait.kind === 'event') {
		const type = eventTypeLabel(trait.eventType, labels);
		return trait.atLeast === 2 ? m.insights_driver_event_twice({ type }) : m.insights_driver_event_once({ type });
	}
	if (trait.kind === 'profile') {
		const value = trait.value === 'yes' || trait.value === 'no' ? translate(`data_preview_${trait.value}`) : trait.value;
		return m.insights_driver_profile({ field: translate(`data_field_${trait.field}`), value });
	}
	return m.insights_driver_entry({ channel: trait.channel });
}
