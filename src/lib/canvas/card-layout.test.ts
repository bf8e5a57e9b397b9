import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/domain/board';
import { CARD, cardSizer, estimatedTextWidth, textLines, type TextWidth } from './card-layout';

/** A monospaced font: every character 10 px wide, so the expected wrapping can be worked out by hand. */
const mono: TextWidth = (text) => text.length * 10;

const card = (changes: Partial<Card>): Card => ({
	id: 'c',
	type: 'touchpoint',
	stageId: 's',
	laneId: 'l',
	order: 'a0',
	text: '',
	color: 'default',
	tags: [],
	personaIds: [],
	severity: null,
	dropOffCategory: null,
	lever: null,
	effort: null,
	impact: null,
	status: null,
	ownerId: null,
	eventTypes: [],
	estimate: null,
	evidence: null,
	createdBy: null,
	...changes
});

describe('wrapping card text', () => {
	it('breaks at spaces, as the browser does', () => {
		// 100 px of room: "aaaa bbbb" is 90 px and fits; a third word does not.
		expect(textLines('aaaa bbbb', 101, mono)).toBe(1);
		expect(textLines('aaaa bbbb cccc', 101, mono)).toBe(2);
		expect(textLines('aaaa    bbbb', 101, mono)).toBe(1);
	});

	it('keeps line breaks and breaks a word longer than the line between its characters', () => {
		expect(textLines('one\ntwo\n\nfour', 200, mono)).toBe(4);
		expect(textLines('x'.repeat(25), 101, mono)).toBe(3);
		expect(textLines('', 200, mono)).toBe(1);
	});
});

describe('card height', () => {
	const size = cardSizer(mono);
	const width = 100 + CARD.chromeX + 1;
	const base = CARD.chromeY + CARD.kindRow + CARD.gap;

	it('grows with the text, two lines at least', () => {
		expect(size(card({ text: 'short' }), width).height).toBe(base + 2 * CARD.lineHeight);
		const four = size(card({ text: 'aaaa bbbb cccc dddd eeee ffff gggg' }), width);
		expect(four).toEqual({ height: base + 4 * CARD.lineHeight, clipped: false });
	});

	it('stops growing at the limit and says the text is clipped', () => {
		const long = size(card({ text: 'word '.repeat(200) }), width);
		expect(long).toEqual({ height: base + CARD.maxLines * CARD.lineHeight, clipped: true });
	});

	it('gives a category or lever chip and an estimate rows of their own, below the text', () => {
		const text = 'aaaa bbbb cccc';
		const plain = size(card({ text }), width).height;
		expect(size(card({ text, type: 'dropoff', dropOffCategory: 'no_answer' }), width).height).toBe(plain + CARD.gap + CARD.chipRow);
		const estimate = { stepCardId: 'x' } as Card['estimate'];
		expect(size(card({ text, type: 'opportunity', lever: 'up_sell', estimate }), width).height).toBe(
			plain + 2 * CARD.gap + CARD.chipRow + CARD.estimateRow
		);
	});

	it('estimates without a font on the generous side', () => {
		// About 45 characters of text on a default card (280 px stage) take two lines.
		expect(textLines('Card 1: a step customers take in this stage', 280 - 20 - CARD.chromeX, estimatedTextWidth)).toBe(2);
	});
});
