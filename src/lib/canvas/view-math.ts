/** Where the canvas looks: a pan (x, y in screen pixels) and a zoom factor k, as d3-zoom keeps them. */
export interface Viewport {
	x: number;
	y: number;
	k: number;
}

/** A stretch of the board along one axis, in board units. */
export interface Span {
	start: number;
	length: number;
}

export const sameViewport = (a: Viewport | null, b: Viewport | null): boolean =>
	a === b || (!!a && !!b && a.x === b.x && a.y === b.y && a.k === b.k);

/**
 * The smallest pan that brings a board rectangle into the visible part of the viewport, at the
 * same zoom. `inset` is what covers the viewport's edges in board units (the sticky stage headers
 * on top, the lane labels on the left), plus a margin. A rectangle larger than the visible part
 * shows its start (its title is there). Only the axes given move: a new stage at the far right
 * does not move the view up or down.
 */
export function panToReveal(
	view: Viewport,
	size: { width: number; height: number },
	target: { x?: Span | undefined; y?: Span | undefined },
	inset: { top: number; left: number; margin: number }
): Viewport {
	const axis = (pan: number, span: Span | undefined, covered: number, visible: number) => {
		if (!span) return pan;
		const { start, length } = span;
		const from = (covered + inset.margin) * view.k;
		const to = visible - inset.margin * view.k;
		const screenStart = start * view.k + pan;
		const screenEnd = (start + length) * view.k + pan;
		if (screenStart >= from && screenEnd <= to) return pan;
		if (screenStart < from || screenEnd - screenStart > to - from) return from - start * view.k;
		return to - (start + length) * view.k;
	};
	return {
		x: axis(view.x, target.x, inset.left, size.width),
		y: axis(view.y, target.y, inset.top, size.height),
		k: view.k
	};
}
