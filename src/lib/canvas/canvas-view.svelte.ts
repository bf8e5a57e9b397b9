import { select, zoom as d3zoom, zoomIdentity, type ZoomBehavior } from 'd3';
import { untrack } from 'svelte';
import { panToReveal, sameViewport, type Span, type Viewport } from './view-math';

/** A drag that starts on these belongs to them, not to panning. */
const OWN_GESTURES = '.card, button, input, textarea, select, [role="slider"]';
/** A scrolled card text takes the wheel; everywhere else the wheel zooms. */
const SCROLLING_TEXT = '.card .text.scrolls';

type ZoomEvent = { transform: Viewport; sourceEvent: Event | null };

/**
 * Where one person's canvas looks and who moves it: their own gestures (d3-zoom), the toolbar,
 * or the colleague they follow. One per board surface; the surface renders `view`.
 */
export class CanvasView {
	#view = $state.raw<Viewport>({ x: 0, y: 0, k: 1 });
	#following = $state<number | null>(null);
	#ready = $state(false);
	#element: HTMLElement | null = null;
	#zoom: ZoomBehavior<HTMLElement, unknown> | null = null;
	readonly #share: (view: Viewport) => void;

	/** `share` tells the others where this person looks (presence), so they can follow. */
	constructor(share: (view: Viewport) => void) {
		this.#share = share;
	}

	get view(): Viewport {
		return this.#view;
	}
	/** The client id of the colleague whose view this one takes, if any. */
	get following(): number | null {
		return this.#following;
	}
	/** Whether gestures are attached and the view can be moved. */
	get ready(): boolean {
		return this.#ready;
	}

	/** Lets the person pan (drag the background) and zoom (wheel, pinch) this element; returns the undo. */
	attach(element: HTMLElement): () => void {
		this.#element = element;
		this.#zoom = d3zoom<HTMLElement, unknown>()
			.scaleExtent([0.1, 2.5])
			.filter((event: Event & { button?: number; ctrlKey?: boolean; shiftKey?: boolean }) => {
				const target = event.target as Element | null;
				if (event.type === 'wheel') return !target?.closest?.(SCROLLING_TEXT);
				if (target?.closest?.(OWN_GESTURES)) return false;
				// Shift-drag on the background draws a selection box instead of panning.
				if (event.shiftKey) return false;
				return !event.ctrlKey && !event.button;
			})
			.on('zoom', (event: ZoomEvent) => {
				const { x, y, k } = event.transform;
				this.#view = { x, y, k };
				// Moving one's own view ends following; views set by code (following, fitting) do not.
				if (event.sourceEvent) this.#following = null;
				this.#share({ x, y, k });
			});
		select(element).call(this.#zoom).on('dblclick.zoom', null);
		this.#ready = true;
		return () => {
			select(element).on('.zoom', null);
			this.#ready = false;
			this.#element = null;
			this.#zoom = null;
		};
	}

	follow(clientId: number | null): void {
		this.#following = clientId;
	}

	/**
	 * Takes a view, e.g. the followed colleague's. Nothing happens when it is already this one:
	 * every change of view is broadcast, and the echo must not move anything again.
	 */
	show(view: Viewport): void {
		if (!sameViewport(view, this.#view)) this.#set(view);
	}

	zoomBy(factor: number): void {
		const element = this.#element;
		const zoom = this.#zoom;
		if (element && zoom) untrack(() => select(element).call(zoom.scaleBy, factor));
	}

	/** Centres the view on a board point at the current zoom. */
	centerOn(x: number, y: number): void {
		if (!this.#element) return;
		const { k } = this.#view;
		this.#set({ x: this.#element.clientWidth / 2 - x * k, y: this.#element.clientHeight / 2 - y * k, k });
	}

	/** Zooms so that a board of this size fits, within the given zoom range, from its top-left corner. */
	fit(size: { width: number; height?: number }, range: { min: number; max: number }): void {
		if (!this.#element) return;
		const { clientWidth, clientHeight } = this.#element;
		const k = Math.max(range.min, Math.min(range.max, clientWidth / size.width, size.height ? clientHeight / size.height : Infinity));
		this.#set({ x: 0, y: 0, k });
	}

	/**
	 * Pans, briefly animated, just far enough that a stretch of the board is in sight: `inset`
	 * is what the sticky headers and labels cover, in board units.
	 */
	reveal(target: { x?: Span | undefined; y?: Span | undefined }, inset: { top: number; left: number; margin: number }): void {
		if (!this.#element) return;
		const size = { width: this.#element.clientWidth, height: this.#element.clientHeight };
		const next = panToReveal(this.#view, size, target, inset);
		const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
		if (!sameViewport(next, this.#view)) this.#set(next, still ? 0 : 250);
	}

	/**
	 * The zoom listener runs synchronously inside this call and writes `view` (and, through
	 * presence, the collaborators list). Called from an effect, those reads and writes would make
	 * the effect depend on what it writes and run itself again without end; untracked, they do not.
	 */
	#set({ x, y, k }: Viewport, duration = 0): void {
		const element = this.#element;
		const zoom = this.#zoom;
		if (!element || !zoom) return;
		const transform = zoomIdentity.translate(x, y).scale(k);
		untrack(() => {
			if (duration > 0) select(element).transition().duration(duration).call(zoom.transform, transform);
			else select(element).call(zoom.transform, transform);
		});
	}
}
