/*
 * Event types arrive as the ids of the firm's own tracking (`visit_product_page`,
 * `contactCustomerService`). People read them as words: a workspace may name an event type
 * itself; otherwise the id is shown in a readable form.
 */

/**
 * The id an event type is stored under: what an import makes of a file's value ("Add to cart" and
 * "add-to-cart" both become `add_to_cart`), or null when it is not one (at most 80 letters, digits,
 * `_ . : -` and spaces).
 */
export function eventTypeId(raw: string): string | null {
	return /^[\p{L}\p{N}_.:\- ]{1,80}$/u.test(raw) ? raw.toLowerCase().replace(/[\s-]+/g, '_') : null;
}

/** The longest name a workspace may give an event type. */
export const EVENT_TYPE_LABEL_MAX = 80;

/** Names a workspace gave its event types, by event type id. */
export type EventTypeLabels = Readonly<Record<string, string>>;

/** `visit_product_page` → "Visit product page"; `contactCustomerService` → "Contact customer service". */
export function readableEventType(id: string): string {
	const words = id
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.split(/[\s_\-.:/]+/)
		.filter(Boolean);
	if (words.length === 0) return id;
	const sentence = words.map((word) => (/^[A-Z0-9]+$/.test(word) && word.length > 1 ? word : word.toLowerCase())).join(' ');
	return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** The name people see for an event type: the workspace's own, else the readable form of its id. */
export function eventTypeLabel(id: string, labels: EventTypeLabels = {}): string {
	const own = labels[id]?.trim();
	return own ? own : readableEventType(id);
}
