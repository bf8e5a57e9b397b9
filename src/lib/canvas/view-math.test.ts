import { describe, expect, it } from 'vitest';
import { panToReveal, sameViewport } from './view-math';

const inset = { top: 56, left: 200, margin: 24 };
const size = { width: 1000, height: 700 };

describe('revealing a part of the board', () => {
	it('leaves the view alone when the part is already in sight', () => {
		const view = { x: 0, y: 0, k: 1 };
		expect(panToReveal(view, size, { x: { start: 300, length: 280 }, y: { start: 100, length: 200 } }, inset)).toEqual(view);
	});

	it('pans left just enough to show a new stage at the far right, without moving up or down', () => {
		const view = { x: 0, y: -40, k: 1 };
		const next = panToReveal(view, size, { x: { start: 2000, length: 280 } }, inset);
		expect(next.y).toBe(-40);
		expect(next.k).toBe(1);
		// Its right edge lands a margin inside the viewport.
		expect(2280 * next.k + next.x).toBe(size.width - inset.margin);
	});

	it('pans up to a new lane at the bottom at the current zoom', () => {
		const view = { x: -50, y: 0, k: 0.5 };
		const next = panToReveal(view, size, { y: { start: 3000, length: 96 } }, inset);
		expect(next.x).toBe(-50);
		expect((3000 + 96) * 0.5 + next.y).toBe(size.height - inset.margin * 0.5);
	});

	it('shows the start of a part larger than the visible area, clear of the sticky headers', () => {
		const view = { x: -5000, y: 0, k: 1 };
		const next = panToReveal(view, size, { x: { start: 1000, length: 2000 } }, inset);
		expect(1000 + next.x).toBe(inset.left + inset.margin);
	});

	it('compares viewports by value', () => {
		expect(sameViewport({ x: 1, y: 2, k: 1 }, { x: 1, y: 2, k: 1 })).toBe(true);
		expect(sameViewport({ x: 1, y: 2, k: 1 }, { x: 1, y: 2, k: 2 })).toBe(false);
		expect(sameViewport(null, { x: 1, y: 2, k: 1 })).toBe(false);
	});
});
