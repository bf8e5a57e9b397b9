import * as Y from 'yjs';
import { addCard, applyTemplate, bindCard, readBoard } from '$lib/domain/board';
import { templates } from '$lib/domain/board/templates/content';
import type { DemoLocale } from './locale';

/** The cards the demo adds to the webshop template: the steps the journey events measure that it lacks. */
const ADDED_STEPS = {
	cart: { stage: 'consideration', text: { en: 'Puts a product in the cart', nl: 'Legt een product in het winkelmandje' }, eventType: 'add_to_cart' },
	paid: { stage: 'use', text: { en: 'Pays and receives the order', nl: 'Betaalt en ontvangt de bestelling' }, eventType: 'purchase' }
} as const;

/** The template's own cards the demo binds, by stage and lane. */
const BOUND_TEMPLATE_CARDS = [
	{ stage: 'orientation', lane: 'website', eventType: 'visit_product_page' },
	{ stage: 'purchase', lane: 'website', eventType: 'checkout_started' }
] as const;

/**
 * The demo map, in the demo's language: the webshop template with its online steps bound to the
 * demo data's journey events, so its metrics lane shows real figures once the data is in.
 */
export function demoBoardUpdate(locale: DemoLocale): Uint8Array {
	const template = templates.webshop;
	const doc = new Y.Doc();
	applyTemplate(doc, 'webshop', locale);
	const board = readBoard(doc);
	// applyTemplate adds the stages in the template's order.
	const stageId = (key: string) => board.stages[template.stages.findIndex((stage) => stage.key === key)]?.id;
	const actions = board.lanes.find((lane) => lane.kind === 'actions')?.id;
	for (const bound of BOUND_TEMPLATE_CARDS) {
		const text = template.cards.find((card) => card.stage === bound.stage && card.lane === bound.lane)?.text[locale];
		const card = board.cards.find((c) => c.text === text && c.stageId === stageId(bound.stage));
		if (card) bindCard(doc, card.id, [bound.eventType]);
	}
	for (const step of Object.values(ADDED_STEPS)) {
		const stage = stageId(step.stage);
		if (!actions || !stage) continue;
		bindCard(doc, addCard(doc, { type: 'action', stageId: stage, laneId: actions, text: step.text[locale] }), [step.eventType]);
	}
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return update;
}
