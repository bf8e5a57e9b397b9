import * as Y from 'yjs';

/*
 * The Yjs shape of a board. Only this folder knows these names; everything else goes through
 * the typed reads and mutations exported from index.ts.
 *
 *   board     Y.Map   schemaVersion
 *   stages    Y.Map   id → Y.Map { title, order, width }
 *   lanes     Y.Map   id → Y.Map { title, kind, order, hidden }
 *   cards     Y.Map   id → Y.Map { type, stageId, laneId, order, text: Y.Text, color, tags,
 *                                  personaIds, severity, dropOffCategory, lever, effort, impact,
 *                                  status, ownerId (an opportunity's progress and who carries it),
 *                                  eventTypes (the step's metric binding; absent = unbound),
 *                                  estimate (an opportunity's what-if: a plain object, replaced whole),
 *                                  evidence (a cause card's drop-off driver: a plain object, set once), createdBy }
 *   links     Y.Map   id → Y.Map { from, to }
 *   personas  Y.Map   id → Y.Map { name, color }
 *   emotions  Y.Map   "<stageId>|<personaId or *>" → score
 *
 * Order is a fractional index per entry (not an array position), so concurrent moves never
 * duplicate or lose an entry: the last move of an entry wins.
 */

export const CURRENT_SCHEMA_VERSION = 1;

export type Entry = Y.Map<unknown>;

export const boardRoot = (doc: Y.Doc) => doc.getMap<unknown>('board');
export const stagesMap = (doc: Y.Doc) => doc.getMap<Entry>('stages');
export const lanesMap = (doc: Y.Doc) => doc.getMap<Entry>('lanes');
export const cardsMap = (doc: Y.Doc) => doc.getMap<Entry>('cards');
export const linksMap = (doc: Y.Doc) => doc.getMap<Entry>('links');
export const personasMap = (doc: Y.Doc) => doc.getMap<Entry>('personas');
export const emotionsMap = (doc: Y.Doc) => doc.getMap<number>('emotions');

/** Every shared type of the board: what an undo manager tracks and what observers watch. */
export const allTypes = (doc: Y.Doc): Y.AbstractType<unknown>[] => [
	boardRoot(doc),
	stagesMap(doc),
	lanesMap(doc),
	cardsMap(doc),
	linksMap(doc),
	personasMap(doc),
	emotionsMap(doc)
] as unknown as Y.AbstractType<unknown>[];

export const emotionKey = (stageId: string, personaId: string | null) => `${stageId}|${personaId ?? '*'}`;

export function parseEmotionKey(key: string): { stageId: string; personaId: string | null } | null {
	const parts = key.split('|');
	if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
	return { stageId: parts[0], personaId: parts[1] === '*' ? null : parts[1] };
}

export function newEntry(fields: Record<string, unknown>): Entry {
	const entry = new Y.Map<unknown>();
	for (const [key, value] of Object.entries(fields)) if (value !== undefined) entry.set(key, value);
	return entry;
}

export function newEntityId(): string {
	const bytes = new Uint8Array(9);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('').slice(0, 14);
}
