import {
	addLane,
	addStage,
	copyCards,
	deleteCards,
	duplicateCards,
	moveCards,
	pasteCards,
	type ClipboardCard,
	type LaneKind
} from '$lib/domain/board';
import type { BoardSession } from './board-session.svelte';

/**
 * Everything a person can do on the canvas, in one registry: the toolbar, keyboard shortcuts
 * and menus all read it, so a shortcut never does something the button would not.
 */
export interface CanvasContext {
	session: BoardSession;
	selection: string[];
	select(ids: string[]): void;
	/** The cell that keyboard actions (paste, add card) target: the selected card's, or the first. */
	focusCell(): { stageId: string; laneId: string } | null;
	zoomBy(factor: number): void;
	zoomToFit(): void;
	/** A stage or lane was just added: bring it into view with its title ready to type over. */
	introduce(part: { kind: 'stage' | 'lane'; id: string }): void;
	text: { newStage: string; newLane: string };
}

export interface CanvasAction {
	id: string;
	/** Message key of the action's name (also its accessible label). */
	label: string;
	shortcut?: { key: string; mod?: boolean; shift?: boolean; alt?: boolean };
	/** Whether the action may run now; controls that fail it are hidden or disabled. */
	predicate(context: CanvasContext): boolean;
	perform(context: CanvasContext): void | Promise<void>;
}

const writable = (context: CanvasContext) => !context.session.readOnly;
const hasSelection = (context: CanvasContext) => writable(context) && context.selection.length > 0;

/** Moves the selected cards one cell over, so cards can be arranged without a pointer. */
function moveSelection(context: CanvasContext, stageStep: number, laneStep: number) {
	const { board } = context.session;
	const lanes = board.lanes.filter((lane) => !lane.hidden && lane.kind !== 'emotion');
	const cards = board.cards.filter((card) => context.selection.includes(card.id));
	const first = cards[0];
	if (!first) return;
	const stage = board.stages[board.stages.findIndex((s) => s.id === first.stageId) + stageStep];
	const lane = lanes[lanes.findIndex((l) => l.id === first.laneId) + laneStep];
	if (!stage || !lane) return;
	context.session.apply((doc, origin) =>
		moveCards(doc, cards.map((card) => card.id), { stageId: stage.id, laneId: lane.id }, origin)
	);
}

const CLIPBOARD_MIME = 'application/x-waymark-cards';
let clipboardFallback: ClipboardCard[] = [];

export const canvasActions: CanvasAction[] = [
	{
		id: 'add-stage',
		label: 'canvas_add_stage',
		predicate: writable,
		perform: (context) => {
			const id = context.session.apply((doc, origin) => addStage(doc, { title: context.text.newStage }, origin));
			context.introduce({ kind: 'stage', id });
		}
	},
	{
		id: 'add-lane',
		label: 'canvas_add_lane',
		predicate: writable,
		perform: (context) => {
			const id = context.session.apply((doc, origin) =>
				addLane(doc, { title: context.text.newLane, kind: 'touchpoints' satisfies LaneKind }, origin)
			);
			context.introduce({ kind: 'lane', id });
		}
	},
	{
		id: 'undo',
		label: 'canvas_undo',
		shortcut: { key: 'z', mod: true },
		predicate: (context) => writable(context) && context.session.canUndo,
		perform: (context) => context.session.undo()
	},
	{
		id: 'redo',
		label: 'canvas_redo',
		shortcut: { key: 'z', mod: true, shift: true },
		predicate: (context) => writable(context) && context.session.canRedo,
		perform: (context) => context.session.redo()
	},
	{
		id: 'delete-selection',
		label: 'canvas_delete_cards',
		shortcut: { key: 'Delete' },
		predicate: hasSelection,
		perform: (context) => {
			context.session.apply((doc, origin) => deleteCards(doc, context.selection, origin));
			context.select([]);
		}
	},
	{
		id: 'duplicate-selection',
		label: 'canvas_duplicate_cards',
		shortcut: { key: 'd', mod: true },
		predicate: hasSelection,
		perform: (context) => {
			const copies = context.session.apply((doc, origin) =>
				duplicateCards(doc, context.selection, context.session.userId, origin)
			);
			context.select(copies);
		}
	},
	{
		id: 'copy',
		label: 'canvas_copy_cards',
		shortcut: { key: 'c', mod: true },
		predicate: (context) => context.selection.length > 0,
		perform: async (context) => {
			clipboardFallback = copyCards(context.session.doc, context.selection);
			const payload = JSON.stringify({ [CLIPBOARD_MIME]: clipboardFallback });
			// The system clipboard carries cards between boards and tabs; the fallback works without permission.
			await navigator.clipboard?.writeText(payload).catch(() => {});
		}
	},
	{
		id: 'paste',
		label: 'canvas_paste_cards',
		shortcut: { key: 'v', mod: true },
		predicate: writable,
		perform: async (context) => {
			const cell = context.focusCell();
			if (!cell) return;
			let cards = clipboardFallback;
			const text = await navigator.clipboard?.readText().catch(() => '');
			if (text) {
				try {
					const parsed = JSON.parse(text) as Record<string, unknown>;
					if (Array.isArray(parsed[CLIPBOARD_MIME])) cards = parsed[CLIPBOARD_MIME] as ClipboardCard[];
				} catch {
					// Not our cards: ignore.
				}
			}
			if (!cards.length) return;
			const ids = context.session.apply((doc, origin) => pasteCards(doc, cards, cell, context.session.userId, origin));
			context.select(ids);
		}
	},
	{
		id: 'move-left',
		label: 'canvas_move_cards_left',
		shortcut: { key: 'ArrowLeft', alt: true },
		predicate: hasSelection,
		perform: (context) => moveSelection(context, -1, 0)
	},
	{
		id: 'move-right',
		label: 'canvas_move_cards_right',
		shortcut: { key: 'ArrowRight', alt: true },
		predicate: hasSelection,
		perform: (context) => moveSelection(context, 1, 0)
	},
	{
		id: 'move-up',
		label: 'canvas_move_cards_up',
		shortcut: { key: 'ArrowUp', alt: true },
		predicate: hasSelection,
		perform: (context) => moveSelection(context, 0, -1)
	},
	{
		id: 'move-down',
		label: 'canvas_move_cards_down',
		shortcut: { key: 'ArrowDown', alt: true },
		predicate: hasSelection,
		perform: (context) => moveSelection(context, 0, 1)
	},
	{ id: 'zoom-in', label: 'canvas_zoom_in', shortcut: { key: '+' }, predicate: () => true, perform: (c) => c.zoomBy(1.25) },
	{ id: 'zoom-out', label: 'canvas_zoom_out', shortcut: { key: '-' }, predicate: () => true, perform: (c) => c.zoomBy(0.8) },
	{ id: 'zoom-fit', label: 'canvas_zoom_fit', shortcut: { key: '0' }, predicate: () => true, perform: (c) => c.zoomToFit() }
];

export const actionById = (id: string) => canvasActions.find((action) => action.id === id)!;

/** The action a key press means, if any (Ctrl on Linux/Windows, Cmd on macOS). */
export function actionForKey(event: KeyboardEvent): CanvasAction | undefined {
	const mod = event.ctrlKey || event.metaKey;
	const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
	return canvasActions.find(({ shortcut }) => {
		if (!shortcut) return false;
		const keys = shortcut.key === 'Delete' ? ['Delete', 'Backspace'] : shortcut.key === '+' ? ['+', '='] : [shortcut.key];
		return (
			keys.includes(key) &&
			!!shortcut.mod === mod &&
			!!shortcut.shift === event.shiftKey &&
			!!shortcut.alt === event.altKey
		);
	});
}
