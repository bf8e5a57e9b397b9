import type { Card } from '$lib/domain/board';

/**
 * How tall a card is, from its text and what it carries: the grid gives every row the height its
 * tallest cell needs, so this must agree with CardView's CSS (the numbers below are its sizes).
 * A card shows up to MAX_LINES of text; longer text is clamped with an ellipsis and the card
 * shows all of it while selected or focused.
 */
export const CARD = {
	/** Borders (1 + 1) and padding (6 + 6) above and below. */
	chromeY: 14,
	/** Left accent border (4), right border (1) and padding (8 + 8). */
	chromeX: 21,
	/** The type row: type name, severity, persona marks, measured figures. */
	kindRow: 14,
	gap: 2,
	fontSize: 13,
	lineHeight: 17,
	/** The row of a drop-off category or a lever. */
	chipRow: 16,
	/** An attached what-if estimate: up to two lines. */
	estimateRow: 28,
	minLines: 2,
	maxLines: 6
} as const;

/** The width in CSS pixels of a piece of card text, in the card font. */
export type TextWidth = (text: string) => number;

/**
 * Without a font to measure (tests, the benchmark's node side, the server): a slightly generous
 * average glyph width, so an estimate errs towards room to spare rather than cut text.
 */
export const estimatedTextWidth: TextWidth = (text) => {
	let width = 0;
	for (const char of text) width += char === ' ' ? 0.3 : /[ilj.,:;'!|ı]/.test(char) ? 0.3 : /[mwMW@]/.test(char) ? 0.9 : 0.6;
	return width * CARD.fontSize;
};

/** Measures with the page's own font through a canvas, word by word, cached: no layout, no reflow. */
export function canvasTextWidth(fontFamily: string): TextWidth {
	const context = document.createElement('canvas').getContext('2d');
	if (!context) return estimatedTextWidth;
	context.font = `${CARD.fontSize}px ${fontFamily}`;
	const cache = new Map<string, number>();
	return (text) => {
		let width = cache.get(text);
		if (width === undefined) {
			width = context.measureText(text).width;
			if (cache.size > 20_000) cache.clear();
			cache.set(text, width);
		}
		return width;
	};
}

/**
 * The number of lines a text takes at a width, wrapped as the browser wraps `white-space:
 * pre-line; overflow-wrap: anywhere`: line breaks kept, runs of spaces collapsed, lines broken
 * at spaces, a word wider than the line broken between its characters.
 */
export function textLines(text: string, width: number, measure: TextWidth): number {
	// Sub-pixel differences between canvas and layout must not make a line that fits wrap here late.
	const room = Math.max(1, width - 1);
	const space = measure(' ');
	let lines = 0;
	for (const paragraph of text.split('\n')) {
		lines += 1;
		let used = 0;
		for (const word of paragraph.split(/[ \t]+/)) {
			if (!word) continue;
			const wordWidth = measure(word);
			if (used > 0 && used + space + wordWidth <= room) {
				used += space + wordWidth;
				continue;
			}
			if (used > 0) lines += 1;
			if (wordWidth <= room) {
				used = wordWidth;
				continue;
			}
			// Longer than a line: as many characters per line as fit.
			used = 0;
			for (const char of word) {
				const charWidth = measure(char);
				if (used > 0 && used + charWidth > room) {
					lines += 1;
					used = 0;
				}
				used += charWidth;
			}
		}
	}
	return lines;
}

export interface CardSize {
	/** Its height on the grid. */
	height: number;
	/** The text is longer than the card shows: it is clamped until the card is selected or focused. */
	clipped: boolean;
}

/** Caches by text and width: the grid is laid out again on every change, most cards did not change. */
export function cardSizer(measure: TextWidth): (card: Card, width: number) => CardSize {
	const lineCache = new Map<string, number>();
	return (card, width) => {
		const key = `${width}\u0000${card.text}`;
		let lines = lineCache.get(key);
		if (lines === undefined) {
			lines = textLines(card.text, width - CARD.chromeX, measure);
			if (lineCache.size > 20_000) lineCache.clear();
			lineCache.set(key, lines);
		}
		const shown = Math.max(CARD.minLines, Math.min(CARD.maxLines, lines));
		const height =
			CARD.chromeY +
			CARD.kindRow +
			CARD.gap +
			shown * CARD.lineHeight +
			(card.dropOffCategory || card.lever ? CARD.gap + CARD.chipRow : 0) +
			(card.type === 'opportunity' && card.estimate ? CARD.gap + CARD.estimateRow : 0);
		return { height, clipped: lines > CARD.maxLines };
	};
}
