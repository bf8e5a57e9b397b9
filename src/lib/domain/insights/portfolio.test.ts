import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, addLane, addStage, attachEstimate, bindCard, readBoard, updateCard, type OpportunityEstimate } from '../board';
import { needsRefresh, portfolioOf, valueOf } from './portfolio';

const estimate = (stepCardId: string, datasetVersion: number, extraClv: number): OpportunityEstimate => ({
	stepCardId,
	lever: 'drop-off',
	points: 5,
	horizonDays: 30,
	groupId: null,
	personaId: null,
	channel: null,
	snapshot: { extraReachedNext: 2, extraFinalConversions: 1.5, extraRevenue: 60, extraClv, computedAt: '2026-03-01T00:00:00.000Z', datasetVersion }
});

function board() {
	const doc = new Y.Doc();
	const stage = addStage(doc, { title: 'Buy' });
	const lane = addLane(doc, { title: 'Chances', kind: 'opportunities' });
	const step = addCard(doc, { type: 'action', stageId: stage, laneId: lane, text: 'Checkout' });
	bindCard(doc, step, ['purchase']);
	const add = (text: string, fields: Parameters<typeof updateCard>[2] = {}) => {
		const id = addCard(doc, { type: 'opportunity', stageId: stage, laneId: lane, text });
		updateCard(doc, id, fields);
		return id;
	};
	return { doc, step, add };
}

describe('the value of an opportunity', () => {
	it('asks again only for a measured step of another dataset version', () => {
		const { doc, step } = board();
		const snapshot = readBoard(doc);
		expect(needsRefresh(snapshot, estimate(step, 3, 10), 4)).toBe(true);
		expect(needsRefresh(snapshot, estimate(step, 4, 10), 4)).toBe(false);
		expect(needsRefresh(snapshot, estimate('deleted-step', 3, 10), 4)).toBe(false);
	});

	it('takes the recomputed figures over the stored ones, and withholds figures whose step is gone', () => {
		const { doc, step } = board();
		const snapshot = readBoard(doc);
		const figures = { extraClv: 42, extraFinalConversions: 0.5, extraRevenue: 7, computedAt: '2026-04-01T00:00:00.000Z', datasetVersion: 4 };
		expect(valueOf(snapshot, estimate(step, 3, 10), { figures })).toMatchObject({ state: 'current', figures, stepText: 'Checkout' });
		expect(valueOf(snapshot, estimate(step, 4, 10), undefined).figures?.extraClv).toBe(10);
		expect(valueOf(snapshot, estimate(step, 3, 10), 'step-gone')).toMatchObject({ state: 'step-gone', figures: null });
		bindCard(doc, step, []);
		expect(valueOf(readBoard(doc), estimate(step, 4, 10), undefined)).toMatchObject({ state: 'step-gone', figures: null });
	});
});

describe('the portfolio', () => {
	it('ranks valued opportunities by value, then the rest by impact; sums by lever family; names owners', () => {
		const { doc, step, add } = board();
		const small = add('Small', { lever: 'up_sell', status: 'done', ownerId: 'u1' });
		const big = add('Big', { lever: 'financial_bonding', ownerId: 'u-gone' });
		const judged = add('Judged', { impact: 3 });
		const unjudged = add('Unjudged');
		attachEstimate(doc, small, estimate(step, 1, 100));
		attachEstimate(doc, big, estimate(step, 1, 900));
		const portfolio = portfolioOf([{ board: { id: 'b', title: 'Shop' }, snapshot: readBoard(doc), refreshed: new Map() }], new Map([['u1', 'Ann']]));
		expect(portfolio.opportunities.map((o) => o.cardId)).toEqual([big, small, judged, unjudged]);
		expect(portfolio.byFamily).toEqual([
			{ family: 'selling', opportunities: 1, valued: 1, extraClv: 100 },
			{ family: 'bonding', opportunities: 1, valued: 1, extraClv: 900 },
			{ family: null, opportunities: 2, valued: 0, extraClv: 0 }
		]);
		expect(portfolio.byStatus).toEqual({ idea: 3, planned: 0, doing: 0, done: 1 });
		const [first, second] = portfolio.opportunities;
		expect(first).toMatchObject({ ownerId: 'u-gone', ownerName: null, ownerGone: true, stageTitle: 'Buy' });
		expect(second).toMatchObject({ ownerName: 'Ann', ownerGone: false, status: 'done' });
	});
});
