import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, addLane, addStage, bindCard } from './mutations';
import { readBoard } from './read';
import { journeySteps, sharedBindings, sharedBindingsIf } from './journey';

function board() {
	const doc = new Y.Doc();
	const [orient, cart, pay] = ['Orient', 'Cart', 'Pay'].map((title, index) => addStage(doc, { title, index }));
	const web = addLane(doc, { title: 'Web', kind: 'touchpoints' });
	const app = addLane(doc, { title: 'App', kind: 'touchpoints' });
	const view = addCard(doc, { type: 'touchpoint', stageId: orient!, laneId: web, text: 'Product page' });
	const appView = addCard(doc, { type: 'touchpoint', stageId: orient!, laneId: app, text: 'App view' });
	const basket = addCard(doc, { type: 'action', stageId: cart!, laneId: web, text: 'Basket' });
	const buy = addCard(doc, { type: 'action', stageId: pay!, laneId: web, text: 'Pay' });
	bindCard(doc, view, ['view_product']);
	bindCard(doc, basket, ['add_to_cart']);
	bindCard(doc, buy, ['purchase']);
	return { doc, stages: { orient: orient!, cart: cart!, pay: pay! }, cards: { view, appView, basket, buy } };
}

describe('event types bound to more than one step', () => {
	it('finds nothing on a journey where every step has its own event types', () => {
		const { doc } = board();
		expect(sharedBindings(journeySteps(readBoard(doc))).size).toBe(0);
	});

	it('tells the later step that an earlier stage has its event type, and the earlier step that a later one does', () => {
		const { doc, stages, cards } = board();
		bindCard(doc, cards.buy, ['purchase', 'add_to_cart']);
		const shared = sharedBindings(journeySteps(readBoard(doc)));
		expect(shared.get(cards.buy)).toEqual([{ eventType: 'add_to_cart', cardId: cards.basket, stageId: stages.cart, relation: 'earlier-stage', credited: false }]);
		expect(shared.get(cards.basket)).toEqual([{ eventType: 'add_to_cart', cardId: cards.buy, stageId: stages.pay, relation: 'later-stage', credited: false }]);
		expect(shared.has(cards.view)).toBe(false);
	});

	it('tells alternatives of one stage which of them gets the customers (the one placed first)', () => {
		const { doc, stages, cards } = board();
		bindCard(doc, cards.appView, ['view_product']);
		const shared = sharedBindings(journeySteps(readBoard(doc)));
		expect(shared.get(cards.view)).toEqual([{ eventType: 'view_product', cardId: cards.appView, stageId: stages.orient, relation: 'same-stage', credited: true }]);
		expect(shared.get(cards.appView)).toEqual([{ eventType: 'view_product', cardId: cards.view, stageId: stages.orient, relation: 'same-stage', credited: false }]);
	});

	it('says before binding what a binding would share', () => {
		const { doc, stages, cards } = board();
		const snapshot = readBoard(doc);
		expect(sharedBindingsIf(snapshot, cards.buy, ['purchase', 'view_product'])).toEqual([
			{ eventType: 'view_product', cardId: cards.view, stageId: stages.orient, relation: 'earlier-stage', credited: false }
		]);
		expect(sharedBindingsIf(snapshot, cards.buy, ['purchase'])).toEqual([]);
	});
});
